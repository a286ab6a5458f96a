using Microsoft.AspNetCore.Mvc.ModelBinding;
using Vorlagen.Api.Features.People;
using Vorlagen.Api.Pages.Shared;

namespace Vorlagen.Api.Pages.Verwaltung.Wahlperioden;

/// <summary>The Wahlperiode form; dates as text so a typo gets a German message.</summary>
public sealed class TermForm
{
    public string? Name { get; set; }
    public string? StartDate { get; set; }
    public string? EndDate { get; set; }
    public int? Version { get; set; }

    public LegislativeTerms.Input? Input(ModelStateDictionary modelState)
    {
        var start = FormValues.Date(StartDate, modelState, "Form.StartDate", "Beginn");
        var end = FormValues.Date(EndDate, modelState, "Form.EndDate", "Ende");
        return modelState.ErrorCount > 0 ? null : new LegislativeTerms.Input(Name, start, end);
    }

    public static TermForm From(LegislativeTermDto t) => new() { Name = t.Name, StartDate = t.StartDate, EndDate = t.EndDate, Version = t.Version };
}

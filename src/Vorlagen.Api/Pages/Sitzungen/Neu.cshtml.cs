using MediatR;
using Microsoft.AspNetCore.Mvc;
using Vorlagen.Api.Features.Meetings;
using Vorlagen.Api.Features.Organizations;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;
using Vorlagen.Api.Pages.Shared;

namespace Vorlagen.Api.Pages.Sitzungen;

/// <summary>The office plans a new Sitzung: Gremium, number, day, time and place.</summary>
public sealed class NeuModel(IMediator mediator, Caller caller) : UiPageModel
{
    [BindProperty] public long Gremium { get; set; }
    [BindProperty] public string? Nummer { get; set; }
    [BindProperty] public string? Datum { get; set; }
    [BindProperty] public string? Beginn { get; set; }
    [BindProperty] public string? Ende { get; set; }
    [BindProperty] public string? Raum { get; set; }
    [BindProperty] public string? Anschrift { get; set; }

    public IReadOnlyList<OrganizationDto> Gremien { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused) return refused;
        var date = FormValues.Date(Datum, ModelState, nameof(Datum), "Datum");
        if (ModelState.ErrorCount == 0)
        {
            try
            {
                var created = await mediator.Send(new CreateMeeting.Command(Gremium, FormValues.Text(Nummer), date, FormValues.Text(Beginn), FormValues.Text(Ende),
                    FormValues.Text(Raum), FormValues.Text(Anschrift), true), ct);
                Notice = "Die Sitzung wurde geplant.";
                return Redirect($"/sitzungen/{created.Id}/planung");
            }
            catch (Exception e) when (FormErrors.Show(e, ModelState, "", p => p switch
            {
                "OrganizationId" => nameof(Gremium), "Number" => nameof(Nummer), "Date" => nameof(Datum), "StartTime" => nameof(Beginn), "EndTime" => nameof(Ende),
                "Room" => nameof(Raum), "Address" => nameof(Anschrift), _ => null,
            })) { }
        }
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (caller.BodyId is not { } body || !MeetingAccess.IsOffice(caller, body))
            return ErrorPage(403, "Sitzungen plant der Sitzungsdienst (Kreistagsbüro) der Körperschaft.");
        Gremien = [.. (await mediator.Send(new ListOrganizations.Query(body, 1, PagedList<OrganizationDto>.MaxPageSize), ct)).Items
            .Where(o => o.Kind is not ("fraktion" or "gruppe") && o.Active)];
        ViewData["Title"] = "Sitzung planen";
        return null;
    }
}

using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Vorlagen.Api.Pages.Shared;

/// <summary>
/// Reads typed values from form text with German messages. Dates come from date pickers as
/// yyyy-MM-dd or typed as dd.MM.yyyy; amounts the German way ("12.500,00", see <see cref="Infrastructure.GermanAmounts"/>).
/// Parsing here rather than by model binding keeps the messages German and independent of the server's culture.
/// </summary>
public static class FormValues
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd.MM.yyyy", "d.M.yyyy"];

    public static DateOnly? Date(string? text, ModelStateDictionary modelState, string key, string label)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        modelState.AddModelError(key, $"{label}: bitte ein Datum wie 31.03.2021 angeben.");
        return null;
    }

    public static decimal? Money(string? text, ModelStateDictionary modelState, string key, string label)
    {
        var reading = Infrastructure.GermanAmounts.Parse(text);
        if (reading.Problem is { } problem) modelState.AddModelError(key, $"{label}: {problem}");
        return reading.Amount;
    }

    public static int? Integer(string? text, ModelStateDictionary modelState, string key, string label)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return value;
        modelState.AddModelError(key, $"{label}: bitte eine ganze Zahl angeben.");
        return null;
    }

    public static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

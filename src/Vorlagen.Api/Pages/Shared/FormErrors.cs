using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Vorlagen.Api.Infrastructure;

namespace Vorlagen.Api.Pages.Shared;

/// <summary>
/// Puts what a handler rejected into ModelState, so the page shows the error summary and the
/// message at each field. Handler property names ("title", "consultations[0].organizationId",
/// "votes.yes") become form keys ("Form.Title", …); a page can map names its form lays out differently.
/// </summary>
public static class FormErrors
{
    // Stable problem codes of the commands that reject a value already in use.
    private static readonly Dictionary<string, string> TakenField = new()
    {
        ["reference_taken"] = "Reference", ["username_taken"] = "Username", ["organization_name_taken"] = "Name",
    };

    /// <returns>true when the exception was a rejection of the input the page can show; false for anything else.</returns>
    public static bool Show(Exception exception, ModelStateDictionary modelState, string prefix, Func<string, string?>? map = null)
    {
        switch (exception)
        {
            case ValidationException validation:
                foreach (var failure in validation.Errors)
                    modelState.AddModelError(Key(failure.PropertyName, prefix, map), failure.ErrorMessage);
                return true;
            // A taken name belongs to its field; other 409s (not possible now, concurrent change), 412 (stale form), 422, 400: summary only.
            case AppException changed when IsChangedMeanwhile(changed):
                // The API says "reload"; in a form that would throw the user's entries away, which the page still shows.
                modelState.AddModelError("", "Jemand anderes hat diesen Eintrag geändert, während Sie das Formular bearbeitet haben. " +
                    "Ihre Eingaben wurden nicht gespeichert, stehen aber noch unten im Formular. Öffnen Sie den aktuellen Stand in einem " +
                    "neuen Tab, prüfen Sie die Änderung und übernehmen Sie Ihre Eingaben dorthin.");
                return true;
            case AppException { Status: 400 or 409 or 412 or 422 } app:
                modelState.AddModelError(TakenField.TryGetValue(app.Code, out var field) ? Key(field, prefix, map) : "", app.Message);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The form was loaded at an older version, or someone else changed the record at the same moment.</summary>
    public static bool IsChangedMeanwhile(Exception exception) => exception is AppException { Code: "stale_version" or "concurrent_change" };

    /// <summary>"Kreistagsbüro Kyffhäuserkreis hat … am 21.11.2026, 15:49 Uhr geändert" – either part may be unknown.</summary>
    public static string WhoAndWhen(string? by, DateTimeOffset? at, string what) =>
        $"{(string.IsNullOrWhiteSpace(by) ? "Jemand anderes" : by)} hat {what}{(at is { } t ? $" am {Format.Instant(t)}" : " inzwischen")} geändert";

    /// <summary>A draft saved by someone else while this form was open; the form now carries the current version.</summary>
    public static string OverwriteDraft(string? by, DateTimeOffset? at) =>
        $"{WhoAndWhen(by, at, "diesen Entwurf")}, während Sie ihn bearbeitet haben. Ihre Eingaben wurden noch nicht gespeichert " +
        "und stehen unten im Formular. Wenn Sie jetzt erneut speichern, ersetzen Ihre Eingaben diese Änderung. " +
        "Den aktuellen Stand können Sie vorher in einem neuen Tab auf der Seite der Vorlage ansehen.";

    /// <summary>A draft that someone else submitted or withdrew while this form was open.</summary>
    public static string NoLongerDraft(string? by, DateTimeOffset? at, string statusLabel) =>
        $"{WhoAndWhen(by, at, "die Vorlage")}, während Sie den Entwurf bearbeitet haben; sie ist jetzt „{statusLabel}“ und kann " +
        "nicht mehr bearbeitet werden. Ihre Eingaben wurden nicht gespeichert und stehen noch unten im Formular.";

    /// <summary>"consultations[0].organizationId" → "Form.Consultations[0].OrganizationId".</summary>
    public static string Key(string property, string prefix, Func<string, string?>? map = null)
    {
        var path = string.Join('.', property.Split('.', StringSplitOptions.RemoveEmptyEntries)
            .Select(segment => char.ToUpperInvariant(segment[0]) + segment[1..]));
        if (map?.Invoke(path) is { } mapped) path = mapped;
        if (path.Length == 0) return "";
        return prefix.Length == 0 ? path : $"{prefix}.{path}";
    }
}

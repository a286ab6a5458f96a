using Microsoft.AspNetCore.Http;

namespace Vorlagen.Api.Infrastructure;

/// <summary>German titles and a stable code for ProblemDetails that the framework writes itself (unknown route, wrong method).</summary>
public static class StatusTitles
{
    private static readonly Dictionary<int, (string Code, string Title, string Detail)> Known = new()
    {
        [401] = ("unauthenticated", "Nicht angemeldet", "Bitte melden Sie sich an (Authorization: Bearer …)."),
        [403] = ("forbidden", "Keine Berechtigung", "Sie dürfen diese Aktion nicht ausführen."),
        [429] = ("too_many_requests", "Zu viele Anfragen", "Bitte warten Sie einen Moment und versuchen Sie es dann erneut."),
        [404] = ("not_found", "Nicht gefunden", "Die angeforderte Adresse gibt es nicht."),
        [405] = ("method_not_allowed", "Methode nicht erlaubt", "Diese Adresse unterstützt die verwendete HTTP-Methode nicht."),
        [413] = ("too_large", "Anfrage zu groß", "Die Anfrage ist zu groß. Bitte kürzen Sie die Texte."),
        [415] = ("unsupported_media_type", "Falsches Format", "Bitte senden Sie den Inhalt als application/json."),
    };

    public static void Apply(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Extensions.ContainsKey("code") || problem.Status is not { } status || !Known.TryGetValue(status, out var known)) return;
        problem.Title = known.Title;
        problem.Detail ??= known.Detail;
        problem.Type = $"urn:vorlagen:problem:{known.Code}";
        problem.Extensions["code"] = known.Code;
    }
}

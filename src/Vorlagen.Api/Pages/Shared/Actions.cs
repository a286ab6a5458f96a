using Vorlagen.Api.Infrastructure.PaperTypes;

namespace Vorlagen.Api.Pages.Shared;

/// <summary>
/// German wording of a paper's workflow actions, read from its type descriptor (<c>workflows/types</c>): the same source
/// as the API's <c>availableActions</c>, so a new type brings its own buttons, hints and history entries.
/// </summary>
public static class Actions
{
    public sealed record Wording(string Button, string Done, string Hint);

    public static Wording For(PaperTypeDescriptor type, string action) => type.Action(action) is { } described
        ? new(described.Button, described.Done, described.Hint ?? "")
        : new(action, $"Die Aktion „{action}“ wurde ausgeführt.", "");

    public static bool IsKnown(PaperTypeDescriptor type, string action) => type.Actions.ContainsKey(action);

    /// <summary>History entries name the action; the UI names it in German.</summary>
    public static string HistoryLabel(PaperTypeDescriptor type, string? action) => action switch
    {
        null => "Weiterer Verfahrensschritt", // a step the caller may not see in detail (e.g. the decision of a non-public session)
        // A status set without an action: after the Beratungsfolge, or (types without one) when the paper is created.
        Features.Papers.CorrectResult.Action => "Ergebnis berichtigt",
        "result" => type.Beratungsfolge == BeratungsfolgeRules.None ? "Angelegt" : "Beratungsfolge abgeschlossen",
        _ => type.Action(action)?.History ?? action,
    };
}

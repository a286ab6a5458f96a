namespace Vorlagen.Api.Pages.Shared;

/// <summary>German wording of the workflow actions (codes as the API and the workflow definition name them).</summary>
public static class Actions
{
    public sealed record Wording(string Button, string Done, string Hint);

    private static readonly Dictionary<string, Wording> Words = new()
    {
        ["submit"] = new("Einreichen", "Die Vorlage wurde eingereicht und wartet auf die Freigabe.", "Gibt den Entwurf zur Freigabe an die Verwaltungsspitze."),
        ["release"] = new("Freigeben", "Die Vorlage wurde freigegeben und ist in Beratung.", "Gibt die Vorlage in die Beratungsfolge."),
        ["return"] = new("Zur Überarbeitung zurückgeben", "Die Vorlage wurde zur Überarbeitung zurückgegeben.", "Die Vorlage geht als Entwurf an den Sitzungsdienst zurück."),
        ["withdraw"] = new("Zurückziehen", "Die Vorlage wurde zurückgezogen.", "Beendet das Verfahren; die Vorlage wird nicht weiter beraten."),
        ["sign"] = new("Ausfertigen", "Der Beschluss wurde ausgefertigt.", "Unterzeichnet den Beschluss (Ausfertigung)."),
        ["object"] = new("Widerspruch einlegen", "Der Widerspruch wurde eingelegt.",
            "Widerspricht dem Beschluss (§ 48 Abs. 2 SächsLKrO). Nach dem ersten Widerspruch wird erneut beschlossen, gegen einen Ausschuss entscheidet der Kreistag; nach einem erneuten Widerspruch entscheidet die Rechtsaufsichtsbehörde."),
        ["set_aside"] = new("Aufhebung durch die Rechtsaufsicht eintragen", "Die Aufhebung durch die Rechtsaufsichtsbehörde wurde eingetragen.",
            "Die Rechtsaufsichtsbehörde hat den Beschluss für rechtswidrig erklärt; er wird nicht vollzogen. Hält sie ihn für rechtmäßig, fertigen Sie ihn stattdessen aus."),
    };

    public static Wording For(string action) => Words.GetValueOrDefault(action) ?? new(action, $"Die Aktion „{action}“ wurde ausgeführt.", "");

    public static bool IsKnown(string action) => Words.ContainsKey(action);

    /// <summary>History entries name the action; the UI names it in German.</summary>
    public static string HistoryLabel(string? action) => action switch
    {
        null => "Weiterer Verfahrensschritt", // a step the caller may not see in detail (e.g. the decision of a non-public session)
        "record_result" => "Ergebnis erfasst",
        "result" => "Beratungsfolge abgeschlossen",
        "submit" => "Eingereicht",
        "release" => "Freigegeben",
        "return" => "Zurückgegeben",
        "withdraw" => "Zurückgezogen",
        "sign" => "Ausgefertigt",
        "object" => "Widerspruch",
        "set_aside" => "Von der Rechtsaufsichtsbehörde aufgehoben",
        _ => action,
    };
}

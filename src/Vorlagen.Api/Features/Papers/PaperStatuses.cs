namespace Vorlagen.Api.Features.Papers;

/// <summary>Paper status codes and their German labels.</summary>
public static class PaperStatuses
{
    public const string Draft = "draft";
    public const string Submitted = "submitted";
    public const string InDeliberation = "in_deliberation";
    public const string Adopted = "adopted";
    public const string Rejected = "rejected";
    public const string Signed = "signed";
    public const string Withdrawn = "withdrawn";

    /// <summary>A second Widerspruch against the renewed decision: the Rechtsaufsichtsbehörde decides (§ 48 Abs. 2 Satz 5 SächsLKrO).</summary>
    public const string ObjectedAgain = "objected_again";

    /// <summary>The Rechtsaufsichtsbehörde found the decision unlawful; it is not executed.</summary>
    public const string SetAside = "set_aside";

    /// <summary>
    /// Shown instead of adopted/rejected/signed to callers who may not see the non-public consultation
    /// that decided: the status would otherwise reveal its result.
    /// </summary>
    public const string Decided = "decided";
    public static readonly string[] RevealDecision = [Adopted, Rejected, Signed, ObjectedAgain, SetAside];

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [Draft] = "Entwurf",
        [Submitted] = "Eingereicht (Freigabe ausstehend)",
        [InDeliberation] = "In Beratung",
        [Adopted] = "Beschlossen (Ausfertigung ausstehend)",
        [Rejected] = "Abgelehnt",
        [Signed] = "Ausgefertigt",
        [Withdrawn] = "Zurückgezogen",
        [ObjectedAgain] = "Erneuter Widerspruch (Entscheidung der Rechtsaufsichtsbehörde ausstehend)",
        [SetAside] = "Aufgehoben (Rechtsaufsichtsbehörde)",
        [Decided] = "Beraten (Ergebnis nichtöffentlich)",
    };

    public static string Label(string status) => Labels.GetValueOrDefault(status, status);
}

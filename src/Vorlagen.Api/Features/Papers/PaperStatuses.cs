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

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [Draft] = "Entwurf",
        [Submitted] = "Eingereicht (Freigabe ausstehend)",
        [InDeliberation] = "In Beratung",
        [Adopted] = "Beschlossen (Ausfertigung ausstehend)",
        [Rejected] = "Abgelehnt",
        [Signed] = "Ausgefertigt",
        [Withdrawn] = "Zurückgezogen",
    };

    public static string Label(string status) => Labels.GetValueOrDefault(status, status);
}

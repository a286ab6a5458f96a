namespace Vorlagen.Domain.Organizations;

/// <summary>Catalogue of organization kinds (Gremien, Fraktionen, Gruppen) with German labels.</summary>
public static class OrganizationKinds
{
    public const string Kreistag = "kreistag";
    public const string Kreisausschuss = "kreisausschuss";
    public const string BeschliessenderAusschuss = "beschliessender_ausschuss";
    public const string BeratenderAusschuss = "beratender_ausschuss";
    public const string Beirat = "beirat";
    public const string Fraktion = "fraktion";
    public const string Gruppe = "gruppe";

    public static IReadOnlyList<OrganizationKind> All { get; } =
    [
        new(Kreistag, "Kreistag", MayDecide: true),
        new(Kreisausschuss, "Kreisausschuss", MayDecide: true),
        new(BeschliessenderAusschuss, "beschließender Ausschuss", MayDecide: true),
        new(BeratenderAusschuss, "beratender Ausschuss", MayDecide: false),
        new(Beirat, "Beirat", MayDecide: false),
        new(Fraktion, "Fraktion", MayDecide: false, Deliberates: false),
        new(Gruppe, "Gruppe", MayDecide: false, Deliberates: false),
    ];

    public static OrganizationKind? Find(string? code) => All.FirstOrDefault(k => k.Code == code);
}


namespace Vorlagen.Api.Features.Organizations;

/// <summary>The kinds of Gremium a Landkreis has, with their German labels.</summary>
public static class OrganizationKinds
{
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["kreistag"] = "Kreistag",
        ["kreisausschuss"] = "Kreisausschuss",
        ["beschliessender_ausschuss"] = "Beschließender Ausschuss",
        ["beratender_ausschuss"] = "Beratender Ausschuss",
        ["beirat"] = "Beirat",
    };

    public static string Label(string kind) => Labels.TryGetValue(kind, out var label) ? label : kind;
}

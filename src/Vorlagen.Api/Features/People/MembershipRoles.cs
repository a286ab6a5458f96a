using Vorlagen.Domain.Organizations;

namespace Vorlagen.Api.Features.People;

/// <summary>Roles of a membership (OParl Membership.role) with German labels and gender-aware titles.</summary>
public static class MembershipRoles
{
    public const string Mitglied = "mitglied";
    public const string Stellvertretung = "stellvertretung";
    public const string Vorsitz = "vorsitz";
    public const string StellvVorsitz = "stellv_vorsitz";
    public const string Beratend = "beratend";

    public static readonly IReadOnlyList<string> All = [Mitglied, Stellvertretung, Vorsitz, StellvVorsitz, Beratend];

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [Mitglied] = "Mitglied", [Stellvertretung] = "Stellvertreter/in", [Vorsitz] = "Vorsitz", [StellvVorsitz] = "stellvertretender Vorsitz",
        [Beratend] = "beratendes Mitglied (sachkundige/r Einwohner/in)",
    };

    /// <summary>Roles whose voting seat counts against the statutory size; a deputy votes only when standing in.</summary>
    public static bool HoldsSeat(string role) => role is Mitglied or Vorsitz or StellvVorsitz;

    public static string Label(string role) => Labels.GetValueOrDefault(role, role);

    /// <summary>"Kreisrätin", "Landrat", "Vorsitzende", "sachkundiger Einwohner", …; neutral forms when the gender is not given.</summary>
    public static string Title(string role, string organizationKind, bool statutory, string? gender)
    {
        string G(string female, string male, string neutral) => gender switch { "female" => female, "male" => male, _ => neutral };
        if (statutory) return G("Landrätin", "Landrat", "Landrat/Landrätin");
        var fraktion = organizationKind is OrganizationKinds.Fraktion or OrganizationKinds.Gruppe;
        return role switch
        {
            Vorsitz => fraktion ? G("Vorsitzende", "Vorsitzender", "Vorsitz") : G("Vorsitzende", "Vorsitzender", "Vorsitz"),
            StellvVorsitz => G("stellvertretende Vorsitzende", "stellvertretender Vorsitzender", "stellvertretender Vorsitz"),
            Stellvertretung => G("Stellvertreterin", "Stellvertreter", "Stellvertretung"),
            Beratend => G("sachkundige Einwohnerin", "sachkundiger Einwohner", "beratendes Mitglied"),
            _ when organizationKind == OrganizationKinds.Kreistag => G("Kreisrätin", "Kreisrat", "Kreistagsmitglied"),
            _ => "Mitglied",
        };
    }
}

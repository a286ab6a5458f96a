namespace Vorlagen.Api.Infrastructure.Auth;

/// <summary>
/// The roles of Vorlagen. chair, deputy_chair and member are scoped to organizations and derived from memberships (see
/// <see cref="TokenAuthenticationHandler.GrantsSql"/>); admin, clerk and landrat are granted in user_roles.
/// </summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Clerk = "clerk";
    public const string Chair = "chair";
    public const string Landrat = "landrat";
    public const string Member = "member";

    /// <summary>The stellvertretende Vorsitz: a member who has the chair's rights only while acting for the chair.</summary>
    public const string DeputyChair = "deputy_chair";

    public static readonly IReadOnlyList<string> All = [Admin, Clerk, Chair, DeputyChair, Landrat, Member];

    /// <summary>The roles an administrator grants to a user account.</summary>
    public static readonly IReadOnlyList<string> Granted = [Admin, Clerk, Landrat];

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [Admin] = "Administration", [Clerk] = "Sitzungsdienst", [Chair] = "Vorsitz", [DeputyChair] = "stellvertretender Vorsitz", [Landrat] = "Landrat/Landrätin", [Member] = "Kreisrat/Kreisrätin",
    };

    public static bool IsScoped(string role) => role is Chair or DeputyChair or Member;

    /// <summary>
    /// The role as this person's title: a Landrätin is "Landrätin", not "Landrat/Landrätin". Users carry no title field
    /// (a Kreistagsbüro names its accounts "Landrätin Hochwind-Schneider", "Kreisrätin …"), so the display name decides:
    /// a female title or "Frau" gives the female form, a male title or "Herr" the male one; otherwise the neutral label.
    /// </summary>
    public static string LabelFor(string role, string? displayName)
    {
        var words = (displayName ?? "").Split([' ', ',', '.'], StringSplitOptions.RemoveEmptyEntries);
        bool Has(params string[] any) => words.Any(w => any.Contains(w, StringComparer.Ordinal));
        return role switch
        {
            Landrat when Has("Landrätin", "Frau") => "Landrätin",
            Landrat when Has("Landrat", "Herr") => "Landrat",
            Member when Has("Kreisrätin", "Frau") => "Kreisrätin",
            Member when Has("Kreisrat", "Herr") => "Kreisrat",
            _ => Labels.GetValueOrDefault(role, role),
        };
    }
}

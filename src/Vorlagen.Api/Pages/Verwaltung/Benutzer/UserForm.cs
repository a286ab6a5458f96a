using Vorlagen.Api.Features.Users;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Pages.Verwaltung.Benutzer;

/// <summary>
/// The user form: granted roles as checkboxes. Chair and member rights are not granted here: they follow from the memberships
/// of the linked person and are shown read-only.
/// </summary>
public sealed class UserForm
{
    public string? Username { get; set; }
    public string? DisplayName { get; set; }
    public string? Password { get; set; }
    public bool Active { get; set; } = true;
    public bool Admin { get; set; }
    public bool Clerk { get; set; }
    public bool Landrat { get; set; }
    public int? Version { get; set; }

    public IReadOnlyList<RoleGrant> Roles()
    {
        var roles = new List<RoleGrant>();
        if (Admin) roles.Add(new(Infrastructure.Auth.Roles.Admin, null));
        if (Clerk) roles.Add(new(Infrastructure.Auth.Roles.Clerk, null));
        if (Landrat) roles.Add(new(Infrastructure.Auth.Roles.Landrat, null));
        return roles;
    }

    public static UserForm From(UserDto user) => new()
    {
        Username = user.Username, DisplayName = user.DisplayName, Active = user.Active, Version = user.Version,
        Admin = user.Roles.Any(r => r.Role == Infrastructure.Auth.Roles.Admin),
        Clerk = user.Roles.Any(r => r.Role == Infrastructure.Auth.Roles.Clerk),
        Landrat = user.Roles.Any(r => r.Role == Infrastructure.Auth.Roles.Landrat),
    };

    /// <summary>Handler messages about single grants ("roles[2].organizationId") belong to the role checkboxes as a whole.</summary>
    public static string? MapError(string path) => path.StartsWith("Roles", StringComparison.Ordinal) ? "Roles" : null;
}

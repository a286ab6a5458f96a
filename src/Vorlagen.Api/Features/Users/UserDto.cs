namespace Vorlagen.Api.Features.Users;

/// <summary>
/// A user account as administrators see it; never the password hash. <see cref="Roles"/> are the granted roles (admin, clerk,
/// landrat); <see cref="DerivedRoles"/> the chair and member rights that follow today from the memberships of the linked
/// person (<see cref="PersonId"/>), read-only here.
/// </summary>
public sealed record UserDto(long Id, long? BodyId, string Username, string DisplayName, bool Active, bool Locked,
    IReadOnlyList<RoleGrantDto> Roles, IReadOnlyList<RoleGrantDto> DerivedRoles, long? PersonId, int Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>One role of a user; derived chair and member roles are scoped to a Gremium.</summary>
public sealed record RoleGrantDto(string Role, string RoleLabel, long? OrganizationId, string? OrganizationName);

/// <summary>A role as sent by clients.</summary>
public sealed record RoleGrant(string? Role, long? OrganizationId);

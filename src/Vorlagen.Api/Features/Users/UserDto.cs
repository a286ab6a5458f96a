namespace Vorlagen.Api.Features.Users;

/// <summary>A user account as administrators see it; never the password hash.</summary>
public sealed record UserDto(long Id, long? BodyId, string Username, string DisplayName, bool Active, bool Locked,
    IReadOnlyList<RoleGrantDto> Roles, int Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>One role of a user; chair and member are scoped to a Gremium.</summary>
public sealed record RoleGrantDto(string Role, string RoleLabel, long? OrganizationId, string? OrganizationName);

/// <summary>A role as sent by clients.</summary>
public sealed record RoleGrant(string? Role, long? OrganizationId);

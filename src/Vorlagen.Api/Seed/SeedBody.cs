namespace Vorlagen.Api.Seed;

/// <summary>The shape of a demo body file in <c>db/seed/bodies/</c>.</summary>
public sealed record SeedBody(
    string Key, string Name, string ShortName, string State, string RuleProfile, string ReferencePattern, string? Website,
    IReadOnlyList<SeedOrganization> Organizations,
    IReadOnlyDictionary<string, IReadOnlyList<SeedTemplateStep>> ConsultationTemplates,
    IReadOnlyList<SeedUser>? Users, string? Seat = null, Features.Bodies.FinanceBlock? Finance = null);

public sealed record SeedOrganization(string Key, string Name, string ShortName, string Kind, int Seats, bool ChairVotes);

public sealed record SeedTemplateStep(string Organization, string Role, bool Public);

/// <summary>A demo user; <c>organization</c> names an organization key of the same body (chair and member roles).</summary>
public sealed record SeedUser(string Username, string DisplayName, IReadOnlyList<SeedRole> Roles);

public sealed record SeedRole(string Role, string? Organization);

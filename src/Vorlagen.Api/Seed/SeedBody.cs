namespace Vorlagen.Api.Seed;

/// <summary>The shape of a demo body file in <c>db/seed/bodies/</c>.</summary>
public sealed record SeedBody(
    string Key, string Name, string ShortName, string State, string RuleProfile, string ReferencePattern, string? Website,
    IReadOnlyList<SeedOrganization> Organizations,
    IReadOnlyDictionary<string, IReadOnlyList<SeedTemplateStep>> ConsultationTemplates,
    IReadOnlyList<SeedUser>? Users, string? Seat = null, Features.Bodies.FinanceBlock? Finance = null,
    IReadOnlyList<SeedTerm>? LegislativeTerms = null, IReadOnlyList<SeedPerson>? Persons = null);

public sealed record SeedOrganization(string Key, string Name, string ShortName, string Kind, int Seats, bool ChairVotes);

public sealed record SeedTemplateStep(string Organization, string Role, bool Public);

/// <summary>A demo user; <c>organization</c> names an organization key of the same body (chair and member roles).</summary>
public sealed record SeedUser(string Username, string DisplayName, IReadOnlyList<SeedRole> Roles);

public sealed record SeedRole(string Role, string? Organization);

public sealed record SeedTerm(string Key, string Name, DateOnly StartDate, DateOnly EndDate);

/// <summary>A demo person; <c>user</c> links a demo user of the same body (their chair and member rights follow from the memberships).</summary>
public sealed record SeedPerson(string Key, string? Title, string? GivenName, string FamilyName, string? FormOfAddress, string? Gender,
    string? Status, string? User, string? Phone, string? Email, string? OfficeAddress, IReadOnlyList<SeedMembership> Memberships);

/// <summary>A membership per named Wahlperiode (term keys), from its start to its end; <c>deputyFor</c> names a person key.</summary>
public sealed record SeedMembership(string Organization, string Role, IReadOnlyList<string> Terms, bool Statutory = false, bool? VotingRight = null,
    string? DeputyFor = null, bool Public = true);

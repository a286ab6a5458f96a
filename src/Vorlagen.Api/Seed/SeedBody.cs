namespace Vorlagen.Api.Seed;

/// <summary>The shape of a demo body file in <c>db/seed/</c>.</summary>
public sealed record SeedBody(
    string Key, string Name, string ShortName, string State, string RuleProfile, string ReferencePattern, string? Website,
    IReadOnlyList<SeedOrganization> Organizations,
    IReadOnlyDictionary<string, IReadOnlyList<SeedTemplateStep>> ConsultationTemplates);

public sealed record SeedOrganization(string Key, string Name, string ShortName, string Kind, int Seats, bool ChairVotes);

public sealed record SeedTemplateStep(string Organization, string Role, bool Public);

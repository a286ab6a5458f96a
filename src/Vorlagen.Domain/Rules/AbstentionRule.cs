namespace Vorlagen.Domain.Rules;

/// <summary>Whether members may abstain.</summary>
public sealed record AbstentionRule(DateOnly ValidFrom, string Citation, string? Note, bool Allowed)
    : VersionedRule(ValidFrom, Citation, Note);

namespace Vorlagen.Domain.Rules;

/// <summary>Quorum: members present and entitled must reach <see cref="Fraction"/> of all seats.</summary>
public sealed record QuorumRule(DateOnly ValidFrom, string Citation, string? Note, Fraction Fraction, Comparison Comparison)
    : VersionedRule(ValidFrom, Citation, Note);

namespace Vorlagen.Domain.Rules;

/// <summary>
/// Easier quorum when many members are recused: applies when the recused count meets
/// <see cref="RecusedFraction"/> of all seats; then <see cref="Fraction"/> of all seats suffices.
/// </summary>
public sealed record ReducedQuorumRule(
    DateOnly ValidFrom,
    string Citation,
    string? Note,
    Fraction RecusedFraction,
    Comparison RecusedComparison,
    Fraction Fraction,
    Comparison Comparison)
    : VersionedRule(ValidFrom, Citation, Note);

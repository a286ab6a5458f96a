namespace Vorlagen.Domain.Rules;

/// <summary>A statutory period such as the Widerspruch period.</summary>
public sealed record PeriodRule(DateOnly ValidFrom, string Citation, string? Note, RulePeriod Period)
    : VersionedRule(ValidFrom, Citation, Note);

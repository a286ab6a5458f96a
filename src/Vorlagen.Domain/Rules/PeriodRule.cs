namespace Vorlagen.Domain.Rules;

/// <summary>
/// A statutory period such as the Widerspruch period. <see cref="IsDefault"/>: the law sets it only "grundsätzlich", so
/// the body (e.g. its Geschäftsordnung) may set another one.
/// </summary>
public sealed record PeriodRule(DateOnly ValidFrom, string Citation, string? Note, RulePeriod Period, bool IsDefault = false)
    : VersionedRule(ValidFrom, Citation, Note);

namespace Vorlagen.Domain.Rules;

/// <summary>One version of a legal rule: in force from <see cref="ValidFrom"/> until the next version's date.</summary>
public abstract record VersionedRule(DateOnly ValidFrom, string Citation, string? Note);

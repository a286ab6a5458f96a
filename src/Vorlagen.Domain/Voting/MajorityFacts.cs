namespace Vorlagen.Domain.Voting;

/// <summary>
/// Majority as applied: rule code and label, minimum yes votes for this tally, actual yes votes. <see cref="Citation"/> is null
/// for a qualified majority the rule profile gives no legal basis for.
/// </summary>
public sealed record MajorityFacts(string Rule, string Label, int Required, int Yes, bool Reached, string? Citation, bool? WordingVerified = null);

namespace Vorlagen.Domain.Voting;

/// <summary>Majority as applied: rule code and label, minimum yes votes for this tally, actual yes votes.</summary>
public sealed record MajorityFacts(string Rule, string Label, int Required, int Yes, bool Reached, string Citation);

namespace Vorlagen.Domain.Voting;

/// <summary>
/// Result of <see cref="TallyChecker.Check"/>. <see cref="Derived"/> is set whenever a tally was given for an outcome
/// that takes one and its numbers could be evaluated: so with every valid tally, and also when only e.g. the quorum or
/// the outcome label is wrong. It is null without a tally, for negative or inconsistent numbers, for an unknown
/// majority rule and when the profile has no rules in force on the decision date.
/// </summary>
public sealed record TallyCheckResult(bool Valid, IReadOnlyList<TallyViolation> Errors, TallyDerived? Derived);

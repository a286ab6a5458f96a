namespace Vorlagen.Domain.Rules;

/// <summary>The rules of one profile; every rule is a history of dated versions.</summary>
public sealed record ProfileRules(
    RuleHistory<QuorumRule> Quorum,
    RuleHistory<ReducedQuorumRule> ReducedQuorum,
    RuleHistory<SecondSessionRule> SecondSessionQuorum,
    RuleHistory<MajorityRule> Majority,
    RuleHistory<AbstentionRule> AbstentionAllowed,
    IReadOnlyDictionary<string, RuleHistory<CitationRule>> QualifiedMajorities,
    RuleHistory<PeriodRule> WiderspruchPeriod,
    RuleHistory<PeriodRule> RehearingPeriod,
    RuleHistory<PeriodRule> QuestionAnswerPeriod,
    RuleHistory<LandratSeatRule>? LandratSeat = null);

namespace Vorlagen.Domain.Rules;

/// <summary>
/// The rules of one profile; every rule is a history of dated versions. <see cref="ChairVotes"/> is keyed by Gremium kind
/// (kinds whose chair the law makes a voting member), <see cref="QualifiedMajorities"/> by majority code.
/// <see cref="RecusedCommitteeHandOver"/>: a beschließender Ausschuss not quorate because of Befangenheit hands the matter
/// to the Kreistag.
/// </summary>
public sealed record ProfileRules(
    RuleHistory<QuorumRule> Quorum,
    RuleHistory<ReducedQuorumRule> ReducedQuorum,
    RuleHistory<SecondSessionRule> SecondSessionQuorum,
    RuleHistory<MajorityRule> Majority,
    RuleHistory<AbstentionRule> AbstentionAllowed,
    IReadOnlyDictionary<string, RuleHistory<CitationRule>> QualifiedMajorities,
    RuleHistory<PeriodRule> WiderspruchPeriod,
    RuleHistory<PeriodRule> RehearingPeriod,
    RuleHistory<PeriodRule> QuestionAnswerPeriod)
{
    public RuleHistory<CitationRule> ElectionMajority { get; init; } = RuleHistory<CitationRule>.None;

    /// <summary>Stichwahl and lot when the first ballot of an election gives nobody the majority; none where the profile does not model it.</summary>
    public RuleHistory<ElectionRunOffRule> ElectionRunOff { get; init; } = RuleHistory<ElectionRunOffRule>.None;

    public IReadOnlyDictionary<string, RuleHistory<CitationRule>> ChairVotes { get; init; } = new Dictionary<string, RuleHistory<CitationRule>>();

    public RuleHistory<CitationRule> RecusedCommitteeHandOver { get; init; } = RuleHistory<CitationRule>.None;

    public RuleHistory<ObjectionRule> ObjectionDecidedBy { get; init; } = RuleHistory<ObjectionRule>.None;

    /// <summary>Where the Landrat's statutory seat counts against a Gremium's size (people: the seat limit).</summary>
    public RuleHistory<LandratSeatRule> LandratSeat { get; init; } = RuleHistory<LandratSeatRule>.None;

    /// <summary>Every version of every rule, e.g. to check that each is cited and marked.</summary>
    public IEnumerable<VersionedRule> AllVersions =>
    [
        .. Quorum.Versions, .. ReducedQuorum.Versions, .. SecondSessionQuorum.Versions, .. Majority.Versions,
        .. AbstentionAllowed.Versions, .. QualifiedMajorities.Values.SelectMany(h => h.Versions), .. ElectionMajority.Versions, .. ElectionRunOff.Versions,
        .. ChairVotes.Values.SelectMany(h => h.Versions), .. RecusedCommitteeHandOver.Versions, .. WiderspruchPeriod.Versions,
        .. RehearingPeriod.Versions, .. ObjectionDecidedBy.Versions, .. QuestionAnswerPeriod.Versions, .. LandratSeat.Versions,
    ];
}

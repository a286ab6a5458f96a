namespace Vorlagen.Domain.Rules;

/// <summary>The council rules of one state law (e.g. "sachsen" = SächsLKrO), loaded from workflows/rules/*.json.</summary>
public sealed record RuleProfile(string Id, string Name, string Law, string? Note, ProfileRules Rules)
{
    /// <summary>Last day for the Landrat's Widerspruch against a decision of <paramref name="decisionDate"/>; null if the law has none.</summary>
    public Deadline? WiderspruchDeadline(DateOnly decisionDate) => DeadlineFrom(Rules.WiderspruchPeriod, decisionDate);

    /// <summary>Last day for the new session after a Widerspruch/Beanstandung, counted from <paramref name="from"/>
    /// (Sachsen: the first session; see the rule's note for other laws); null if the law has none.</summary>
    public Deadline? RehearingDeadline(DateOnly from) => DeadlineFrom(Rules.RehearingPeriod, from);

    /// <summary>Last day to answer a Kreisrat's question received on <paramref name="receivedOn"/>; null if the law sets no period.</summary>
    public Deadline? QuestionAnswerDeadline(DateOnly receivedOn) => DeadlineFrom(Rules.QuestionAnswerPeriod, receivedOn);

    /// <summary>
    /// The version of rule <paramref name="ruleName"/> (see <see cref="RuleNames"/>; qualified majorities as
    /// "qualifiedMajorities.absolute_members", chair rules as "chairVotes.kreistag") in force on <paramref name="date"/>, or null.
    /// </summary>
    public VersionedRule? Find(string ruleName, DateOnly date) => ruleName switch
    {
        RuleNames.Quorum => Rules.Quorum.At(date),
        RuleNames.ReducedQuorum => Rules.ReducedQuorum.At(date),
        RuleNames.SecondSessionQuorum => Rules.SecondSessionQuorum.At(date),
        RuleNames.Majority => Rules.Majority.At(date),
        RuleNames.AbstentionAllowed => Rules.AbstentionAllowed.At(date),
        RuleNames.WiderspruchPeriod => Rules.WiderspruchPeriod.At(date),
        RuleNames.RehearingPeriod => Rules.RehearingPeriod.At(date),
        RuleNames.QuestionAnswerPeriod => Rules.QuestionAnswerPeriod.At(date),
        RuleNames.ElectionMajority => Rules.ElectionMajority.At(date),
        RuleNames.ElectionRunOff => Rules.ElectionRunOff.At(date),
        RuleNames.RecusedCommitteeHandOver => Rules.RecusedCommitteeHandOver.At(date),
        RuleNames.ObjectionDecidedBy => Rules.ObjectionDecidedBy.At(date),
        _ when ruleName.StartsWith(RuleNames.ChairVotes + ".", StringComparison.Ordinal) =>
            ChairVotingMember(ruleName[(RuleNames.ChairVotes.Length + 1)..], date),
        RuleNames.LandratSeat => Rules.LandratSeat.At(date),
        _ when ruleName.StartsWith(RuleNames.QualifiedMajorities + ".", StringComparison.Ordinal) =>
            QualifiedMajority(ruleName[(RuleNames.QualifiedMajorities.Length + 1)..], date),
        _ => null,
    };

    /// <summary>Legal basis of a qualified majority code (e.g. "absolute_members") on <paramref name="date"/>, or null.</summary>
    public CitationRule? QualifiedMajority(string majorityCode, DateOnly date) =>
        Rules.QualifiedMajorities.TryGetValue(majorityCode, out var history) ? history.At(date) : null;

    /// <summary>The rule that makes the chair of a Gremium of <paramref name="kind"/> a voting member on <paramref name="date"/>, or null.</summary>
    public CitationRule? ChairVotingMember(string kind, DateOnly date) =>
        Rules.ChairVotes.TryGetValue(kind, out var history) ? history.At(date) : null;
    /// <summary>Whether the Landrat's statutory seat counts against the size of a <paramref name="organizationKind"/> on <paramref name="date"/>;
    /// false when the profile has no such rule.</summary>
    public bool LandratSeatCounts(string organizationKind, DateOnly date) => Rules.LandratSeat.At(date)?.CountsIn(organizationKind) == true;

    private static Deadline? DeadlineFrom(RuleHistory<PeriodRule> history, DateOnly from) =>
        history.At(from) is { } rule ? new Deadline(from, rule.Period.EndFrom(from), rule.Period, rule.Citation, rule.WordingVerified) : null;
}

namespace Vorlagen.Domain.Rules;

/// <summary>Names of the rules in a profile's "rules" object, for <see cref="RuleProfile.Find"/>.</summary>
public static class RuleNames
{
    public const string Quorum = "quorum";
    public const string ReducedQuorum = "reducedQuorum";
    public const string SecondSessionQuorum = "secondSessionQuorum";
    public const string Majority = "majority";
    public const string AbstentionAllowed = "abstentionAllowed";
    public const string QualifiedMajorities = "qualifiedMajorities";
    public const string ElectionMajority = "electionMajority";
    public const string ElectionRunOff = "electionRunOff";
    public const string ChairVotes = "chairVotes";
    public const string RecusedCommitteeHandOver = "recusedCommitteeHandOver";
    public const string WiderspruchPeriod = "widerspruchPeriod";
    public const string RehearingPeriod = "rehearingPeriod";
    public const string ObjectionDecidedBy = "objectionDecidedBy";
    public const string QuestionAnswerPeriod = "questionAnswerPeriod";
    public const string LandratSeat = "landratSeat";

    public static IReadOnlyList<string> All { get; } =
    [
        Quorum, ReducedQuorum, SecondSessionQuorum, Majority, AbstentionAllowed, QualifiedMajorities, ElectionMajority, ElectionRunOff,
        ChairVotes, RecusedCommitteeHandOver, WiderspruchPeriod, RehearingPeriod, ObjectionDecidedBy, QuestionAnswerPeriod, LandratSeat,
    ];
}

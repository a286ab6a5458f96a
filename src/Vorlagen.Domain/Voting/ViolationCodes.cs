namespace Vorlagen.Domain.Voting;

/// <summary>Stable codes of <see cref="TallyViolation"/>s.</summary>
public static class ViolationCodes
{
    public const string RoleUnknown = "role.unknown";
    public const string RoleNotAllowedForKind = "role.not_allowed_for_kind";
    public const string OutcomeUnknown = "outcome.unknown";
    public const string OutcomeNotAllowedForRole = "outcome.not_allowed_for_role";
    public const string OutcomeContradictsTally = "outcome.contradicts_tally";
    public const string MajorityUnknown = "majority.unknown";
    public const string OrganizationKindUnknown = "organization.kind_unknown";
    public const string OrganizationSeatsInvalid = "organization.seats_invalid";
    public const string TallyMissing = "tally.missing";
    public const string TallyNotAllowed = "tally.not_allowed";
    public const string TallyNegative = "tally.negative";
    public const string TallyVotesExceedEntitled = "tally.votes_exceed_entitled";
    public const string TallyExceedsSeats = "tally.exceeds_seats";
    public const string QuorumNotReached = "quorum.not_reached";
    public const string AbstentionNotAllowed = "abstention.not_allowed";
    public const string RulesNotInForce = "rules.not_in_force";
    public const string ChairMustVote = "organization.chair_must_vote";
    public const string HandOverNotAllowed = "handover.not_allowed";
    public const string HandOverNotByRecusal = "handover.not_by_recusal";

    public static IReadOnlyList<string> All { get; } =
    [
        RoleUnknown, RoleNotAllowedForKind, OutcomeUnknown, OutcomeNotAllowedForRole, OutcomeContradictsTally,
        MajorityUnknown, OrganizationKindUnknown, OrganizationSeatsInvalid, TallyMissing, TallyNotAllowed,
        TallyNegative, TallyVotesExceedEntitled, TallyExceedsSeats, QuorumNotReached, AbstentionNotAllowed,
        RulesNotInForce, ChairMustVote, HandOverNotAllowed, HandOverNotByRecusal,
    ];
}

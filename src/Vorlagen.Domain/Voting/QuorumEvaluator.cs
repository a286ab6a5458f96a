using Vorlagen.Domain.Rules;

namespace Vorlagen.Domain.Voting;

/// <summary>Applies the quorum rules in force: the regular quorum, eased by the recusal and second-session rules.</summary>
internal static class QuorumEvaluator
{
    public const string Regular = "regular";
    public const string ReducedRecused = "reduced_recused";
    public const string SecondSession = "second_session";

    /// <summary>The facts, and German wording of the requirement, e.g. "mindestens die Hälfte der 10 Mitglieder".</summary>
    public static (QuorumFacts Facts, string Requirement) Evaluate(
        QuorumRule quorum, ReducedQuorumRule? reduced, SecondSessionRule? secondSession,
        int seats, VoteTally tally, bool isSecondSession)
    {
        var required = quorum.Fraction.MinimumCount(seats, quorum.Comparison);
        var basis = Regular;
        var citation = quorum.Citation;
        var verified = quorum.WordingVerified;
        var requirement = $"{Relation(quorum.Comparison)} {quorum.Fraction.GermanName} der {seats} Mitglieder";

        // Both easings only ever lower the requirement; the smallest applicable one wins.
        if (reduced is not null
            && reduced.RecusedFraction.IsMet(tally.Recused, seats, reduced.RecusedComparison)
            && reduced.Fraction.MinimumCount(seats, reduced.Comparison) < required)
        {
            required = reduced.Fraction.MinimumCount(seats, reduced.Comparison);
            (basis, citation, verified) = (ReducedRecused, reduced.Citation, reduced.WordingVerified);
            requirement = $"{Relation(reduced.Comparison)} {reduced.Fraction.GermanName} der {seats} Mitglieder, "
                + $"weil {Relation(reduced.RecusedComparison)} {reduced.RecusedFraction.GermanName} befangen sind";
        }

        if (isSecondSession && secondSession is not null && secondSession.MinimumPresent < required)
        {
            required = secondSession.MinimumPresent;
            (basis, citation, verified) = (SecondSession, secondSession.Citation, secondSession.WordingVerified);
            requirement = $"zweite Sitzung nach Beschlussunfähigkeit: mindestens {secondSession.MinimumPresent}";
        }

        return (new QuorumFacts(required, tally.Entitled, tally.Entitled >= required, basis, citation, verified), requirement);
    }

    private static string Relation(Comparison comparison) => comparison == Comparison.AtLeast ? "mindestens" : "mehr als";
}

using Vorlagen.Domain.Rules;
using Vorlagen.Domain.Voting;

namespace Vorlagen.Domain.Organizations;

/// <summary>A majority requirement such as "simple" or "two_thirds_present", with German label and wording.</summary>
public sealed record MajorityRequirement(string Code, string Label, MajorityBasis Basis, Fraction Fraction, Comparison Comparison)
{
    public bool IsQualified => Basis != MajorityBasis.VotesCast;

    /// <summary>
    /// Minimum yes votes needed for this tally. For a simple majority the votes counted stay fixed
    /// (27 yes / 6 no: 17 of 33). Never below 1: no motion passes without a yes vote.
    /// </summary>
    public int RequiredYes(VoteTally tally, int seats, AbstentionHandling abstentions)
    {
        var required = Basis switch
        {
            MajorityBasis.VotesCast => Fraction.MinimumCount(
                tally.Yes + tally.No + (abstentions == AbstentionHandling.CountAsNo ? tally.Abstain : 0), Comparison),
            MajorityBasis.AllMembers => Fraction.MinimumCount(seats, Comparison),
            _ => Fraction.MinimumCount(tally.Entitled, Comparison),
        };
        return Math.Max(1, required);
    }

    /// <summary>German explanation with the numbers, e.g. "mehr als die Hälfte aller 10 Mitglieder".</summary>
    public string Describe(VoteTally tally, int seats, AbstentionHandling abstentions)
    {
        var relation = Comparison == Comparison.AtLeast ? "mindestens" : "mehr als";
        return Basis switch
        {
            MajorityBasis.VotesCast when abstentions == AbstentionHandling.CountAsNo =>
                "mehr Ja-Stimmen als Nein-Stimmen und Enthaltungen zusammen",
            MajorityBasis.VotesCast => "mehr Ja- als Nein-Stimmen, Enthaltungen zählen nicht",
            MajorityBasis.AllMembers => $"{relation} {Fraction.GermanName} aller {seats} Mitglieder",
            _ => $"{relation} {Fraction.GermanName} der {tally.Entitled} anwesenden stimmberechtigten Mitglieder",
        };
    }
}

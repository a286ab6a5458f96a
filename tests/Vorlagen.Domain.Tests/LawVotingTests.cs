using Vorlagen.Domain.Organizations;
using Vorlagen.Domain.Voting;

namespace Vorlagen.Domain.Tests;

/// <summary>Issue #18 items 6–9 and 8a: votes on procedural outcomes, elections, the voting chair, hand-over, unanimity.</summary>
public class LawVotingTests
{
    // Item 6: "mehrheitlich vertagt" with 14 yes, 4 no, 2 abstentions, 1 befangen.
    [Theory]
    [InlineData(Outcomes.Postponed)]
    [InlineData(Outcomes.Referred)]
    [InlineData(Outcomes.Deferred)]
    [InlineData(Outcomes.RemovedFromAgenda)]
    public void A_procedural_outcome_takes_an_optional_tally_checked_by_the_same_rules(string outcome)
    {
        var voted = Check.Run(TestProfiles.Sachsen, 25, ConsultationRoles.Beschliessend, outcome, Check.Tally(20, 14, 4, 2, 1));
        var without = Check.Run(TestProfiles.Sachsen, 25, ConsultationRoles.Beschliessend, outcome, null);
        var notQuorate = Check.Run(TestProfiles.Sachsen, 25, ConsultationRoles.Beschliessend, outcome, Check.Tally(10, 8, 2));
        var lost = Check.Run(TestProfiles.Sachsen, 25, ConsultationRoles.Beschliessend, outcome, Check.Tally(20, 4, 14, 2));

        Assert.True(voted.Valid, string.Join(" | ", voted.Errors.Select(e => e.Message)));
        Assert.True(voted.Derived!.Passed);
        Assert.True(without.Valid);
        Assert.Null(without.Derived);
        Assert.Equal([ViolationCodes.QuorumNotReached], notQuorate.Codes());
        Assert.Equal([ViolationCodes.OutcomeContradictsTally], lost.Codes());
    }

    // Item 7: elections need the majority of the votes of those present and entitled.
    [Fact]
    public void Sachsen_election_needs_more_than_half_of_those_present_and_entitled()
    {
        var half = Check.Run(TestProfiles.Sachsen, 25, ConsultationRoles.Beschliessend, Outcomes.Adopted, Check.Tally(20, 10, 5, 5),
            majorityOverride: MajorityRequirements.Election);
        var simpleWouldPass = Check.Run(TestProfiles.Sachsen, 25, ConsultationRoles.Beschliessend, Outcomes.Adopted, Check.Tally(20, 10, 5, 5));
        var elected = Check.Run(TestProfiles.Sachsen, 25, ConsultationRoles.Beschliessend, Outcomes.Adopted, Check.Tally(20, 11, 4, 5),
            majorityOverride: MajorityRequirements.Election);

        Assert.Equal([ViolationCodes.OutcomeContradictsTally], half.Codes());
        Assert.Equal(11, half.Derived!.Majority.Required);
        Assert.Equal("§ 35 Abs. 7 Satz 2 SächsLKrO", half.Errors[0].Citation);
        Assert.True(half.Errors[0].WordingVerified);
        Assert.True(simpleWouldPass.Valid);
        Assert.True(elected.Valid);
        Assert.Equal(MajorityRequirements.Election, elected.Derived!.Majority.Rule);
    }

    [Fact]
    public void Thueringen_election_rule_is_cited_but_marked_unverified()
    {
        var result = Check.Run(TestProfiles.Thueringen, 47, ConsultationRoles.Beschliessend, Outcomes.Adopted, Check.Tally(40, 21, 10, 9),
            majorityOverride: MajorityRequirements.Election);

        Assert.True(result.Valid);
        Assert.Equal("§ 39 Abs. 2 ThürKO", result.Derived!.Majority.Citation);
        Assert.False(result.Derived.Majority.WordingVerified);
    }

    // Item 8: the seat count includes a voting chair; where the law makes the chair a voting member, "does not vote" is refused.
    [Theory]
    [InlineData(OrganizationKinds.Kreistag, "§ 48 Abs. 1 Satz 1 SächsLKrO")]
    [InlineData(OrganizationKinds.BeschliessenderAusschuss, "§ 38 Abs. 1 Satz 1 i.V.m. § 37 Abs. 5 Satz 1 SächsLKrO")]
    [InlineData(OrganizationKinds.Kreisausschuss, "§ 38 Abs. 1 Satz 1 i.V.m. § 37 Abs. 5 Satz 1 SächsLKrO")]
    public void Sachsen_chair_of_Kreistag_and_deciding_committees_must_vote(string kind, string citation)
    {
        var result = Check.Run(TestProfiles.Sachsen, 15, ConsultationRoles.Beschliessend, Outcomes.Adopted, Check.Tally(10, 8, 2),
            kind: kind, chairVotes: false);
        var voting = Check.Run(TestProfiles.Sachsen, 15, ConsultationRoles.Beschliessend, Outcomes.Adopted, Check.Tally(10, 8, 2),
            kind: kind, chairVotes: true);

        var error = Assert.Single(result.Errors);
        Assert.Equal(ViolationCodes.ChairMustVote, error.Code);
        Assert.Equal(citation, error.Citation);
        Assert.True(error.WordingVerified);
        Assert.True(voting.Valid);
    }

    [Fact]
    public void A_chair_without_vote_is_lawful_where_the_profile_says_nothing()
    {
        Assert.True(Check.Run(TestProfiles.Sachsen, 9, ConsultationRoles.Vorberatend, Outcomes.Recommended, Check.Tally(6, 5, 1),
            kind: OrganizationKinds.BeratenderAusschuss, chairVotes: false).Valid);
        Assert.True(Check.Run(TestProfiles.Thueringen, 47, ConsultationRoles.Beschliessend, Outcomes.Adopted, Check.Tally(33, 27, 6),
            chairVotes: false).Valid);
    }

    [Fact]
    public void The_Landrat_counts_among_all_members_of_the_Kreistag()
    {
        // Erzgebirgskreis: 98 Kreisräte and the Landrat = 99 seats; at least half of 99 is 50.
        Assert.Equal([ViolationCodes.QuorumNotReached], Check.Decide(TestProfiles.Sachsen, 99, Check.Tally(49, 40, 9)).Codes());
        Assert.True(Check.Decide(TestProfiles.Sachsen, 99, Check.Tally(50, 40, 10)).Valid);
    }

    // Item 8a: a beschließender Ausschuss not quorate because of Befangenheit: the Kreistag decides (§ 37 Abs. 5 Satz 3 SächsLKrO).
    private static TallyCheckResult Ausschuss(string outcome, VoteTally tally, bool secondSession = false, string kind = OrganizationKinds.BeschliessenderAusschuss) =>
        Check.Run(TestProfiles.Sachsen, 15, ConsultationRoles.Beschliessend, outcome, tally, secondSession: secondSession, kind: kind);

    [Fact]
    public void Not_quorate_because_of_Befangenheit_hands_the_matter_to_the_Kreistag_instead_of_a_second_session()
    {
        var recused = Check.Tally(6, 5, 1, recused: 5); // 8 of 15 needed; 6 present, with the 5 befangen it would be 11

        var adopted = Ausschuss(Outcomes.Adopted, recused);
        var secondSession = Ausschuss(Outcomes.Adopted, recused, secondSession: true);
        var handedOver = Ausschuss(Outcomes.HandedToKreistag, recused);
        var kreisausschuss = Ausschuss(Outcomes.HandedToKreistag, recused, kind: OrganizationKinds.Kreisausschuss);

        Assert.Equal([ViolationCodes.QuorumNotReached], adopted.Codes());
        Assert.Contains("§ 37 Abs. 5 Satz 3 SächsLKrO", adopted.Errors[0].Message);
        Assert.Contains("Kreistag", adopted.Errors[0].Message);
        Assert.Equal([ViolationCodes.QuorumNotReached], secondSession.Codes());
        Assert.True(handedOver.Valid, string.Join(" | ", handedOver.Errors.Select(e => e.Message)));
        Assert.False(handedOver.Derived!.Passed);
        Assert.True(kreisausschuss.Valid);
    }

    [Fact]
    public void Hand_over_is_refused_when_absence_not_Befangenheit_caused_it_or_the_Gremium_was_quorate()
    {
        var absent = Check.Tally(5, 4, 1, recused: 1); // 5 + 1 < 8: a second session, not the Kreistag
        var quorate = Check.Tally(10, 8, 2, recused: 2);

        Assert.Equal([ViolationCodes.HandOverNotByRecusal], Ausschuss(Outcomes.HandedToKreistag, absent).Codes());
        Assert.Contains("zweite Sitzung", Ausschuss(Outcomes.HandedToKreistag, absent).Errors[0].Message);
        Assert.True(Check.Run(TestProfiles.Sachsen, 15, ConsultationRoles.Beschliessend, Outcomes.Adopted, Check.Tally(3, 3, 0, recused: 1),
            secondSession: true, kind: OrganizationKinds.BeschliessenderAusschuss).Valid);
        Assert.Equal([ViolationCodes.HandOverNotByRecusal], Ausschuss(Outcomes.HandedToKreistag, quorate).Codes());
    }

    [Fact]
    public void Hand_over_exists_only_for_a_deciding_committee_under_a_profile_that_has_the_rule()
    {
        var recused = Check.Tally(6, 5, 1, recused: 5);

        Assert.Equal([ViolationCodes.HandOverNotAllowed],
            Check.Run(TestProfiles.Sachsen, 15, ConsultationRoles.Beschliessend, Outcomes.HandedToKreistag, recused).Codes());
        Assert.Equal([ViolationCodes.HandOverNotAllowed],
            Check.Run(TestProfiles.Thueringen, 15, ConsultationRoles.Beschliessend, Outcomes.HandedToKreistag, recused,
                kind: OrganizationKinds.BeschliessenderAusschuss).Codes());
        Assert.Equal([ViolationCodes.OutcomeNotAllowedForRole],
            Check.Run(TestProfiles.Sachsen, 15, ConsultationRoles.Vorberatend, Outcomes.HandedToKreistag, recused,
                kind: OrganizationKinds.BeschliessenderAusschuss).Codes());
    }

    // Item 9: "einstimmig" = no vote against, abstentions allowed, worded as records do.
    [Theory]
    [InlineData(9, 0, 0, "einstimmig")]
    [InlineData(8, 0, 1, "einstimmig bei 1 Enthaltung")]
    [InlineData(7, 0, 2, "einstimmig bei 2 Enthaltungen")]
    [InlineData(8, 1, 0, null)]
    [InlineData(0, 0, 9, null)]
    public void Unanimity_is_worded_with_the_abstentions(int yes, int no, int abstain, string? text)
    {
        var result = Check.Run(TestProfiles.Sachsen, 15, ConsultationRoles.Vorberatend, yes > no ? Outcomes.Recommended : Outcomes.NotRecommended,
            Check.Tally(9, yes, no, abstain), kind: OrganizationKinds.BeschliessenderAusschuss);

        Assert.Equal(text, VoteWording.Unanimity(yes, no, abstain));
        Assert.Equal(text, result.Derived!.UnanimityText);
        Assert.Equal(text is not null, result.Derived.Unanimous);
    }
}

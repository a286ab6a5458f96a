using Vorlagen.Domain.Organizations;
using Vorlagen.Domain.Voting;

namespace Vorlagen.Domain.Tests;

/// <summary>The real tallies from shared/seeds (Kyffhäuserkreis 2021/7/014, Erzgebirgskreis 0640).</summary>
public class SeedTallyTests
{
    [Fact]
    public void Kyffhaeuser_social_committee_9_of_9_recommended()
    {
        var result = Check.Run(TestProfiles.Thueringen, 9, ConsultationRoles.Vorberatend, Outcomes.Recommended,
            Check.Tally(9, 9, 0), date: new DateOnly(2021, 3, 4), kind: OrganizationKinds.BeratenderAusschuss);

        Assert.True(result.Valid);
        Assert.True(result.Derived!.Passed);
        Assert.True(result.Derived.Unanimous);
        Assert.Equal(5, result.Derived.Quorum.Required);
        Assert.Equal(5, result.Derived.Majority.Required);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(11)]
    [InlineData(13)]
    public void Kyffhaeuser_kreisausschuss_6_to_1_recommended(int seats)
    {
        var result = Check.Run(TestProfiles.Thueringen, seats, ConsultationRoles.Vorberatend, Outcomes.Recommended,
            Check.Tally(7, 6, 1), date: new DateOnly(2021, 3, 17), kind: OrganizationKinds.Kreisausschuss);

        Assert.True(result.Valid);
        Assert.True(result.Derived!.Passed);
        Assert.False(result.Derived.Unanimous);
        Assert.Equal(4, result.Derived.Majority.Required);
    }

    [Fact]
    public void Kyffhaeuser_kreisausschuss_7_present_is_not_more_than_half_of_14()
    {
        var result = Check.Run(TestProfiles.Thueringen, 14, ConsultationRoles.Vorberatend, Outcomes.Recommended,
            Check.Tally(7, 6, 1), date: new DateOnly(2021, 3, 17), kind: OrganizationKinds.Kreisausschuss);

        Assert.Equal([ViolationCodes.QuorumNotReached], result.Codes());
        Assert.Equal(8, result.Derived!.Quorum.Required);
    }

    [Theory]
    [InlineData(40)]
    [InlineData(47)]
    public void Kyffhaeuser_kreistag_27_to_6_adopted(int seats)
    {
        var result = Check.Run(TestProfiles.Thueringen, seats, ConsultationRoles.Beschliessend, Outcomes.Adopted,
            Check.Tally(33, 27, 6), date: new DateOnly(2021, 3, 31));

        Assert.True(result.Valid);
        Assert.True(result.Derived!.Passed);
        Assert.Equal(17, result.Derived.Majority.Required);
        Assert.Equal(seats / 2 + 1, result.Derived.Quorum.Required);
    }

    [Fact]
    public void Erzgebirge_committee_unanimous_with_one_abstention()
    {
        // "bei einer Enthaltung einstimmig angenommen" — the seed gives no head count; 13 of 15 present is assumed.
        var result = Check.Run(TestProfiles.Sachsen, 15, ConsultationRoles.Vorberatend, Outcomes.Recommended,
            Check.Tally(13, 12, 0, 1), date: new DateOnly(2021, 11, 22), kind: OrganizationKinds.BeschliessenderAusschuss);

        Assert.True(result.Valid);
        Assert.True(result.Derived!.Unanimous);
        Assert.True(result.Derived.Passed);
    }

    [Fact]
    public void One_vote_against_is_not_unanimous()
    {
        var result = Check.Run(TestProfiles.Sachsen, 15, ConsultationRoles.Vorberatend, Outcomes.Recommended,
            Check.Tally(13, 11, 1, 1), date: new DateOnly(2021, 11, 22));

        Assert.True(result.Valid);
        Assert.False(result.Derived!.Unanimous);
    }

    [Fact]
    public void Trap_adopted_with_17_yes_and_43_no_contradicts_the_tally()
    {
        var result = Check.Run(TestProfiles.Sachsen, 99, ConsultationRoles.Beschliessend, Outcomes.Adopted,
            Check.Tally(62, 17, 43, 2), date: new DateOnly(2021, 12, 8));

        Assert.False(result.Valid);
        var error = Assert.Single(result.Errors);
        Assert.Equal(ViolationCodes.OutcomeContradictsTally, error.Code);
        Assert.Contains("17 Ja, 43 Nein", error.Message);
        Assert.Contains("mindestens 31", error.Message);
        Assert.Equal("§ 35 Abs. 6 Sätze 2 bis 4 SächsLKrO", error.Citation);
        Assert.False(result.Derived!.Passed);
    }

    [Fact]
    public void Trap_tally_recorded_as_rejected_is_valid()
    {
        var result = Check.Run(TestProfiles.Sachsen, 99, ConsultationRoles.Beschliessend, Outcomes.Rejected,
            Check.Tally(62, 17, 43, 2), date: new DateOnly(2021, 12, 8));

        Assert.True(result.Valid);
    }

    [Fact]
    public void Rejected_despite_a_majority_contradicts_too()
    {
        var result = Check.Run(TestProfiles.Thueringen, 47, ConsultationRoles.Beschliessend, Outcomes.Rejected,
            Check.Tally(33, 27, 6), date: new DateOnly(2021, 3, 31));

        Assert.Equal([ViolationCodes.OutcomeContradictsTally], result.Codes());
        Assert.Contains("erreicht", result.Errors[0].Message);
    }
}

using Vorlagen.Domain.Organizations;
using Vorlagen.Domain.Voting;

namespace Vorlagen.Domain.Tests;

public class OutcomeRoleTests
{
    private static readonly VoteTally Passing = Check.Tally(10, 8, 2);
    private static readonly VoteTally Failing = Check.Tally(10, 2, 8);

    [Theory]
    [InlineData("beschliessend", "recommended", true)]
    [InlineData("beschliessend", "not_recommended", true)]
    [InlineData("beschliessend", "no_recommendation", false)]
    [InlineData("beschliessend", "noted", false)]
    [InlineData("vorberatend", "adopted", true)]
    [InlineData("vorberatend", "adopted_amended", true)]
    [InlineData("vorberatend", "rejected", true)]
    [InlineData("vorberatend", "noted", false)]
    [InlineData("kenntnisnahme", "adopted", true)]
    [InlineData("kenntnisnahme", "recommended", true)]
    [InlineData("kenntnisnahme", "no_recommendation", false)]
    public void Outcome_not_allowed_for_role(string role, string outcome, bool takesTally)
    {
        var tally = takesTally ? (outcome is "not_recommended" or "rejected" ? Failing : Passing) : null;

        var result = Check.Run(TestProfiles.Sachsen, 10, role, outcome, tally);

        Assert.False(result.Valid);
        Assert.Equal([ViolationCodes.OutcomeNotAllowedForRole], result.Codes());
        Assert.Equal("outcome", result.Errors[0].Field);
    }

    [Theory]
    [InlineData("vorberatend", "recommended", true)]
    [InlineData("vorberatend", "not_recommended", true)]
    [InlineData("vorberatend", "no_recommendation", false)]
    [InlineData("beschliessend", "adopted", true)]
    [InlineData("beschliessend", "adopted_amended", true)]
    [InlineData("beschliessend", "rejected", true)]
    [InlineData("kenntnisnahme", "noted", false)]
    [InlineData("kenntnisnahme", "postponed", false)]
    [InlineData("kenntnisnahme", "deferred", false)]
    [InlineData("kenntnisnahme", "removed_from_agenda", false)]
    [InlineData("kenntnisnahme", "referred", false)]
    [InlineData("beschliessend", "referred", false)]
    [InlineData("vorberatend", "postponed", false)]
    public void Outcome_allowed_for_role(string role, string outcome, bool takesTally)
    {
        var tally = takesTally ? (outcome is "not_recommended" or "rejected" ? Failing : Passing) : null;

        var result = Check.Run(TestProfiles.Sachsen, 10, role, outcome, tally);

        Assert.True(result.Valid, string.Join(" | ", result.Errors.Select(e => e.Message)));
        Assert.Equal(takesTally, result.Derived is not null);
    }

    [Theory]
    [InlineData("adopted")]
    [InlineData("adopted_amended")]
    [InlineData("rejected")]
    public void Missing_tally_where_one_is_required(string outcome)
    {
        var result = Check.Run(TestProfiles.Sachsen, 10, ConsultationRoles.Beschliessend, outcome, tally: null);

        Assert.Equal([ViolationCodes.TallyMissing], result.Codes());
        Assert.Null(result.Derived);
    }

    [Theory]
    [InlineData(ConsultationRoles.Kenntnisnahme, "noted")]
    [InlineData(ConsultationRoles.Vorberatend, "no_recommendation")]
    public void Tally_on_an_outcome_that_takes_none(string role, string outcome)
    {
        var result = Check.Run(TestProfiles.Sachsen, 10, role, outcome, Check.Tally(3, 3, 0));

        Assert.Equal([ViolationCodes.TallyNotAllowed], result.Codes());
        Assert.Null(result.Derived);
    }

    [Fact]
    public void Unknown_codes_are_violations_not_exceptions()
    {
        var result = Check.Run(TestProfiles.Sachsen, 10, "entscheidend", "angenommen", Passing, majorityOverride: "most");

        Assert.Equal([ViolationCodes.RoleUnknown, ViolationCodes.OutcomeUnknown, ViolationCodes.MajorityUnknown], result.Codes());
        Assert.Contains("„angenommen“", result.Errors[1].Message);
        Assert.Contains("„most“", result.Errors[2].Message);
    }

    [Fact]
    public void Unknown_majority_override_is_reported_even_with_a_broken_tally()
    {
        var result = Check.Decide(TestProfiles.Sachsen, 10, Check.Tally(-1, 0, 0), majority: "z");

        Assert.Equal([ViolationCodes.MajorityUnknown, ViolationCodes.TallyNegative], result.Codes());
    }

    [Fact]
    public void Wrong_outcome_for_the_role_is_reported_alone()
    {
        var result = Check.Run(TestProfiles.Sachsen, 10, ConsultationRoles.Kenntnisnahme, Outcomes.Recommended, tally: null);

        Assert.Equal([ViolationCodes.OutcomeNotAllowedForRole], result.Codes());
        Assert.Contains("zur Kenntnis genommen", result.Errors[0].Message);
    }

    [Fact]
    public void Unknown_majority_override_is_reported_even_without_a_tally()
    {
        var result = Check.Run(TestProfiles.Sachsen, 10, ConsultationRoles.Beschliessend, Outcomes.Postponed, null, majorityOverride: "2/3");

        Assert.Equal([ViolationCodes.MajorityUnknown], result.Codes());
    }

    [Fact]
    public void Unknown_default_majority_of_the_organization()
    {
        var result = Check.Run(TestProfiles.Sachsen, 10, ConsultationRoles.Beschliessend, Outcomes.Adopted, Passing, defaultMajority: "qualified");

        Assert.Equal([ViolationCodes.MajorityUnknown], result.Codes());
        Assert.Null(result.Derived);
    }

    [Fact]
    public void Unknown_organization_kind_and_invalid_seats()
    {
        var result = Check.Run(TestProfiles.Sachsen, 0, ConsultationRoles.Beschliessend, Outcomes.Adopted, Passing, kind: "stadtrat");

        Assert.Equal([ViolationCodes.OrganizationSeatsInvalid, ViolationCodes.OrganizationKindUnknown], result.Codes());
    }

    [Theory]
    [InlineData(OrganizationKinds.Beirat, false)]
    [InlineData(OrganizationKinds.BeratenderAusschuss, false)]
    [InlineData(OrganizationKinds.BeschliessenderAusschuss, true)]
    [InlineData(OrganizationKinds.Kreisausschuss, true)]
    public void Advisory_bodies_cannot_decide(string kind, bool valid)
    {
        var result = Check.Run(TestProfiles.Sachsen, 10, ConsultationRoles.Beschliessend, Outcomes.Adopted, Passing, kind: kind);

        Assert.Equal(valid ? [] : [ViolationCodes.RoleNotAllowedForKind], result.Codes());
    }

    [Fact]
    public void Rules_not_in_force_before_the_profile_begins()
    {
        var result = Check.Run(TestProfiles.Thueringen, 10, ConsultationRoles.Beschliessend, Outcomes.Adopted, Passing,
            date: new DateOnly(1999, 1, 1));

        Assert.Contains(ViolationCodes.RulesNotInForce, result.Codes());
        Assert.All(result.Errors, e => Assert.Equal(ViolationCodes.RulesNotInForce, e.Code));
        Assert.Null(result.Derived);
    }
}

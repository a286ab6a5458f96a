using System.Text.Json.Nodes;
using Vorlagen.Domain.Organizations;
using Vorlagen.Domain.Rules;
using Vorlagen.Domain.Voting;

namespace Vorlagen.Domain.Tests;

public class MajorityTests
{
    [Theory]
    // simple: more yes than no, abstentions ignored, tie rejected
    [InlineData("simple", 10, 10, 5, 5, 0, false, 6)]
    [InlineData("simple", 10, 10, 6, 4, 0, true, 6)]
    [InlineData("simple", 10, 10, 3, 2, 5, true, 3)]
    [InlineData("simple", 10, 10, 2, 2, 6, false, 3)]
    [InlineData("simple", 10, 10, 0, 0, 10, false, 1)]
    // two thirds of the entitled present: 7 present → 5 yes needed
    [InlineData("two_thirds_present", 10, 7, 5, 2, 0, true, 5)]
    [InlineData("two_thirds_present", 10, 7, 4, 3, 0, false, 5)]
    [InlineData("two_thirds_present", 10, 9, 6, 0, 3, true, 6)]
    [InlineData("two_thirds_present", 10, 9, 5, 0, 4, false, 6)]
    // majority of all seats
    [InlineData("absolute_members", 10, 8, 6, 2, 0, true, 6)]
    [InlineData("absolute_members", 10, 8, 5, 3, 0, false, 6)]
    [InlineData("absolute_members", 9, 8, 5, 3, 0, true, 5)]
    [InlineData("absolute_members", 9, 8, 4, 3, 1, false, 5)]
    // three quarters of all seats
    [InlineData("three_quarters_members", 10, 10, 8, 2, 0, true, 8)]
    [InlineData("three_quarters_members", 10, 10, 7, 3, 0, false, 8)]
    [InlineData("three_quarters_members", 12, 12, 9, 3, 0, true, 9)]
    [InlineData("three_quarters_members", 12, 12, 8, 0, 4, false, 9)]
    public void Majority_boundaries(string majority, int seats, int entitled, int yes, int no, int abstain, bool passed, int required)
    {
        var tally = Check.Tally(entitled, yes, no, abstain);
        var outcome = passed ? Outcomes.Adopted : Outcomes.Rejected;

        var result = Check.Decide(TestProfiles.Sachsen, seats, tally, outcome, majority);

        Assert.True(result.Valid, string.Join(" | ", result.Errors.Select(e => e.Message)));
        Assert.Equal(passed, result.Derived!.Passed);
        Assert.Equal(required, result.Derived.Majority.Required);
        Assert.Equal(yes, result.Derived.Majority.Yes);
        Assert.Equal(majority, result.Derived.Majority.Rule);
    }

    [Fact]
    public void Tie_is_rejected_so_adopted_contradicts_it()
    {
        var result = Check.Decide(TestProfiles.Sachsen, 10, Check.Tally(10, 5, 5));

        Assert.Equal([ViolationCodes.OutcomeContradictsTally], result.Codes());
        Assert.False(result.Derived!.Passed);
    }

    [Fact]
    public void Organization_default_majority_applies_without_override()
    {
        var result = Check.Run(TestProfiles.Sachsen, 10, ConsultationRoles.Beschliessend, Outcomes.Adopted,
            Check.Tally(8, 5, 3), defaultMajority: MajorityRequirements.AbsoluteMembers);

        Assert.Equal([ViolationCodes.OutcomeContradictsTally], result.Codes());
        Assert.Equal(MajorityRequirements.AbsoluteMembers, result.Derived!.Majority.Rule);
        Assert.Equal("§ 3 Abs. 2 Satz 2 SächsLKrO", result.Errors[0].Citation);
    }

    [Fact]
    public void A_qualified_majority_without_legal_basis_in_the_profile_has_no_citation_rather_than_an_empty_one()
    {
        // Thüringen's profile names no paragraph for the absolute majority of all members.
        var result = Check.Run(TestProfiles.Thueringen, 10, ConsultationRoles.Beschliessend, Outcomes.Adopted,
            Check.Tally(8, 5, 3), majorityOverride: MajorityRequirements.AbsoluteMembers);

        Assert.Equal([ViolationCodes.OutcomeContradictsTally], result.Codes());
        Assert.Null(result.Errors[0].Citation);
        Assert.Null(result.Derived!.Majority.Citation);
    }

    [Fact]
    public void Override_replaces_the_default_majority()
    {
        var result = Check.Run(TestProfiles.Sachsen, 10, ConsultationRoles.Beschliessend, Outcomes.Adopted,
            Check.Tally(8, 5, 3), majorityOverride: MajorityRequirements.Simple, defaultMajority: MajorityRequirements.AbsoluteMembers);

        Assert.True(result.Valid);
        Assert.Equal(MajorityRequirements.Simple, result.Derived!.Majority.Rule);
        Assert.Equal("§ 35 Abs. 6 Sätze 2 bis 4 SächsLKrO", result.Derived.Majority.Citation);
    }

    [Theory]
    [InlineData(3, 2, 2, false, 4)]
    [InlineData(5, 2, 2, true, 5)]
    public void Abstentions_counted_as_no_when_the_profile_says_so(int yes, int no, int abstain, bool passed, int required)
    {
        var profile = Variant(rules => rules["majority"]![0]!["abstentions"] = "countAsNo");

        var result = Check.Decide(profile, 10, Check.Tally(10, yes, no, abstain), passed ? Outcomes.Adopted : Outcomes.Rejected);

        Assert.True(result.Valid);
        Assert.Equal(passed, result.Derived!.Passed);
        Assert.Equal(required, result.Derived.Majority.Required);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(0, true)]
    public void Abstentions_where_the_profile_forbids_them(int abstain, bool valid)
    {
        var profile = Variant(rules => rules["abstentionAllowed"]![0]!["allowed"] = false);

        var result = Check.Decide(profile, 10, Check.Tally(10, 6, 3, abstain));

        Assert.Equal(valid, result.Valid);
        Assert.Equal(valid ? [] : [ViolationCodes.AbstentionNotAllowed], result.Codes());
    }

    internal static RuleProfile Variant(Action<JsonNode> change)
    {
        var root = JsonNode.Parse(TestProfiles.Json("sachsen"))!;
        change(root["rules"]!);
        return RuleProfileLoader.Parse(root.ToJsonString(), "variant.json");
    }
}

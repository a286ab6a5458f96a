using System.Text.Json.Nodes;
using Vorlagen.Domain.Organizations;
using Vorlagen.Domain.Rules;

namespace Vorlagen.Domain.Tests;

/// <summary>Where the Landrat's statutory seat counts against a Gremium's size, per state profile (rule "landratSeat").</summary>
public sealed class LandratSeatTests
{
    private static readonly DateOnly March2021 = new(2021, 3, 17);

    [Theory]
    [InlineData("sachsen", OrganizationKinds.Kreistag, true)]
    [InlineData("sachsen", OrganizationKinds.Kreisausschuss, true)]
    [InlineData("sachsen", OrganizationKinds.BeschliessenderAusschuss, true)]
    [InlineData("sachsen", OrganizationKinds.BeratenderAusschuss, false)]
    [InlineData("thueringen", OrganizationKinds.Kreistag, true)]
    [InlineData("thueringen", OrganizationKinds.Kreisausschuss, true)]
    [InlineData("thueringen", OrganizationKinds.BeschliessenderAusschuss, false)]
    [InlineData("thueringen", OrganizationKinds.Fraktion, false)]
    public void The_landrat_seat_counts_where_the_profile_says(string profile, string kind, bool counts)
    {
        Assert.Equal(counts, TestProfiles.ById(profile).LandratSeatCounts(kind, March2021));
    }

    [Fact]
    public void Each_rule_carries_its_citation_and_thueringen_is_marked_unverified()
    {
        Assert.Contains("§ 48 Abs. 1", TestProfiles.Sachsen.Find(RuleNames.LandratSeat, March2021)!.Citation);
        Assert.StartsWith("UNVERIFIED", TestProfiles.Thueringen.Find(RuleNames.LandratSeat, March2021)!.Note);
    }

    [Fact]
    public void An_unknown_organization_kind_is_refused_with_its_path()
    {
        var json = JsonNode.Parse(TestProfiles.Json("sachsen"))!;
        json["rules"]!["landratSeat"]![0]!["countedIn"] = new JsonArray("kreistag", "stammtisch");
        var error = Assert.Throws<RuleProfileException>(() => RuleProfileLoader.Parse(json.ToJsonString(), "sachsen.json"));
        Assert.Contains("$.rules.landratSeat[0].countedIn[1]", error.Message);
        Assert.Contains("stammtisch", error.Message);
    }
}

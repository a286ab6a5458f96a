using System.Text.Json.Nodes;
using Vorlagen.Domain.Rules;

namespace Vorlagen.Domain.Tests;

public class RuleProfileLoaderTests
{
    private const string Source = "rules/test.json";

    private const string Valid = """
        {
          "id": "test", "name": "Testland", "law": "Testgesetz",
          "rules": {
            "quorum": [ { "validFrom": "2000-01-01", "wordingVerified": true, "source": "Testgesetz", "citation": "§ 1", "fraction": "1/2", "comparison": "atLeast" } ],
            "secondSessionQuorum": [ { "validFrom": "2000-01-01", "wordingVerified": true, "source": "Testgesetz", "citation": "§ 2", "minimumPresent": 3 } ],
            "majority": [ { "validFrom": "2000-01-01", "wordingVerified": true, "source": "Testgesetz", "citation": "§ 3", "abstentions": "ignored", "tie": "rejected" } ],
            "abstentionAllowed": [ { "validFrom": "2000-01-01", "wordingVerified": true, "source": "Testgesetz", "citation": "§ 4", "allowed": true } ],
            "qualifiedMajorities": { "absolute_members": [ { "validFrom": "2000-01-01", "wordingVerified": true, "source": "Testgesetz", "citation": "§ 5" } ] },
            "widerspruchPeriod": [
              { "validFrom": "2000-01-01", "wordingVerified": true, "source": "Testgesetz", "citation": "§ 6", "period": "P1W" },
              { "validFrom": "2020-01-01", "wordingVerified": true, "source": "Testgesetz", "citation": "§ 6 n.F.", "period": "P2W" }
            ]
          }
        }
        """;

    [Fact]
    public void Valid_profile_loads()
    {
        var profile = RuleProfileLoader.Parse(Valid, Source);

        Assert.Equal("test", profile.Id);
        Assert.Equal(new DateOnly(2019, 12, 31).AddDays(7), profile.WiderspruchDeadline(new DateOnly(2019, 12, 31))!.Due);
        Assert.Equal(new DateOnly(2020, 1, 15), profile.WiderspruchDeadline(new DateOnly(2020, 1, 1))!.Due);
        Assert.Equal("§ 6 n.F.", profile.WiderspruchDeadline(new DateOnly(2020, 1, 1))!.Citation);
    }

    [Fact]
    public void Invalid_json() => Fails("{ \"id\": ", "$", "not valid JSON");

    [Fact]
    public void Root_is_not_an_object() => Fails("[]", "$", "must be an object");

    [Fact]
    public void Missing_id() => Fails(p => p.AsObject().Remove("id"), "$.id", "missing property 'id'");

    [Fact]
    public void Bad_id() => Fails(p => p["id"] = "Sachsen 2", "$.id", "lowercase");

    [Fact]
    public void Missing_rules() => Fails(p => p.AsObject().Remove("rules"), "$.rules", "missing property 'rules'");

    [Fact]
    public void Unknown_rule() => Fails(p => p["rules"]!["quorom"] = new JsonArray(), "$.rules.quorom", "unknown property 'quorom'");

    [Fact]
    public void Missing_required_rule() => Fails(p => p["rules"]!.AsObject().Remove("majority"), "$.rules.majority", "missing rule 'majority'");

    [Fact]
    public void Required_rule_without_versions() => Fails(p => p["rules"]!["quorum"] = new JsonArray(), "$.rules.quorum", "at least one version");

    [Fact]
    public void Rule_is_not_an_array() => Fails(p => p["rules"]!["quorum"] = "1/2", "$.rules.quorum", "must be an array");

    [Fact]
    public void Missing_citation() =>
        Fails(p => p["rules"]!["quorum"]![0]!.AsObject().Remove("citation"), "$.rules.quorum[0].citation", "missing property 'citation'");

    [Fact]
    public void Empty_citation() =>
        Fails(p => p["rules"]!["majority"]![0]!["citation"] = " ", "$.rules.majority[0].citation", "non-empty string");

    [Fact]
    public void Missing_valid_from() =>
        Fails(p => p["rules"]!["quorum"]![0]!.AsObject().Remove("validFrom"), "$.rules.quorum[0].validFrom", "missing property 'validFrom'");

    [Theory]
    [InlineData("2021-13-01")]
    [InlineData("01.01.2021")]
    [InlineData("2021-1-1")]
    public void Bad_date(string date) =>
        Fails(p => p["rules"]!["quorum"]![0]!["validFrom"] = date, "$.rules.quorum[0].validFrom", $"yyyy-MM-dd, got '{date}'");

    [Fact]
    public void Versions_out_of_order() =>
        Fails(p => p["rules"]!["widerspruchPeriod"]![1]!["validFrom"] = "1999-01-01",
            "$.rules.widerspruchPeriod[1].validFrom", "ascending order");

    [Theory]
    [InlineData("3/2")]
    [InlineData("1/0")]
    [InlineData("0/2")]
    [InlineData("half")]
    [InlineData("1/2/3")]
    public void Bad_fraction(string fraction) =>
        Fails(p => p["rules"]!["quorum"]![0]!["fraction"] = fraction, "$.rules.quorum[0].fraction", $"got '{fraction}'");

    [Fact]
    public void Unknown_comparison() =>
        Fails(p => p["rules"]!["quorum"]![0]!["comparison"] = "greaterThan", "$.rules.quorum[0].comparison", "'atLeast' or 'moreThan'");

    [Fact]
    public void Unknown_abstention_handling() =>
        Fails(p => p["rules"]!["majority"]![0]!["abstentions"] = "halfNo", "$.rules.majority[0].abstentions", "'ignored' or 'countAsNo'");

    [Fact]
    public void Unsupported_tie_rule() =>
        Fails(p => p["rules"]!["majority"]![0]!["tie"] = "chairDecides", "$.rules.majority[0].tie", "only supported tie rule");

    [Fact]
    public void Allowed_is_not_a_boolean() =>
        Fails(p => p["rules"]!["abstentionAllowed"]![0]!["allowed"] = "yes", "$.rules.abstentionAllowed[0].allowed", "true or false");

    [Fact]
    public void Minimum_present_not_positive() =>
        Fails(p => p["rules"]!["secondSessionQuorum"]![0]!["minimumPresent"] = 0, "$.rules.secondSessionQuorum[0].minimumPresent", "greater than 0");

    [Theory]
    [InlineData("2 weeks")]
    [InlineData("P0W")]
    [InlineData("P1Y")]
    public void Bad_period(string period) =>
        Fails(p => p["rules"]!["widerspruchPeriod"]![0]!["period"] = period, "$.rules.widerspruchPeriod[0].period", "ISO 8601 period");

    [Fact]
    public void Misspelt_property() =>
        Fails(p => p["rules"]!["quorum"]![0]!["citaton"] = "§ 1", "$.rules.quorum[0].citaton", "unknown property 'citaton'");

    [Fact]
    public void Unknown_qualified_majority() =>
        Fails(p => p["rules"]!["qualifiedMajorities"]!["simple"] = new JsonArray(),
            "$.rules.qualifiedMajorities.simple", "unknown qualified majority 'simple'");

    [Fact]
    public void Missing_wording_flag() =>
        Fails(p => p["rules"]!["quorum"]![0]!.AsObject().Remove("wordingVerified"), "$.rules.quorum[0].wordingVerified", "missing property 'wordingVerified'");

    [Fact]
    public void Wording_flag_is_not_a_boolean() =>
        Fails(p => p["rules"]!["majority"]![0]!["wordingVerified"] = "yes", "$.rules.majority[0].wordingVerified", "true or false");

    [Fact]
    public void Missing_source() =>
        Fails(p => p["rules"]!["widerspruchPeriod"]![1]!.AsObject().Remove("source"), "$.rules.widerspruchPeriod[1].source", "missing property 'source'");

    [Fact]
    public void Unknown_chair_kind() =>
        Fails(p => p["rules"]!["chairVotes"] = new JsonObject { ["stadtrat"] = new JsonArray() }, "$.rules.chairVotes.stadtrat", "unknown Gremium kind");

    [Fact]
    public void Unknown_objection_forum() =>
        Fails(p => p["rules"]!["objectionDecidedBy"] = JsonNode.Parse(
            """[ { "validFrom": "2014-01-01", "citation": "§ 7", "wordingVerified": true, "source": "x", "decidedBy": "landtag" } ]"""),
            "$.rules.objectionDecidedBy[0].decidedBy", "'sameOrganization' or 'kreistag'");

    [Fact]
    public void Flags_are_read_per_version()
    {
        var root = JsonNode.Parse(Valid)!;
        root["rules"]!["widerspruchPeriod"]![0]!["wordingVerified"] = false;
        root["rules"]!["widerspruchPeriod"]![0]!["isDefault"] = true;

        var profile = RuleProfileLoader.Parse(root.ToJsonString(), Source);

        var versions = profile.Rules.WiderspruchPeriod.Versions;
        Assert.Equal([false, true], versions.Select(v => v.WordingVerified));
        Assert.Equal([true, false], versions.Select(v => v.IsDefault));
        Assert.Equal("Testgesetz", versions[0].Source);
        Assert.False(profile.WiderspruchDeadline(new DateOnly(2019, 1, 1))!.WordingVerified);
    }

    [Fact]
    public void Version_is_not_an_object() =>
        Fails(p => p["rules"]!["quorum"]![0] = 5, "$.rules.quorum[0]", "must be an object");

    private static void Fails(Action<JsonNode> mutate, string path, string problem)
    {
        var root = JsonNode.Parse(Valid)!;
        mutate(root);
        Fails(root.ToJsonString(), path, problem);
    }

    private static void Fails(string json, string path, string problem)
    {
        var error = Assert.Throws<RuleProfileException>(() => RuleProfileLoader.Parse(json, Source));

        Assert.Equal(Source, error.SourceName);
        Assert.Equal(path, error.JsonPath);
        Assert.Contains(problem, error.Problem);
        Assert.Contains(Source, error.Message);
        Assert.Contains(path, error.Message);
        Assert.Contains(problem, error.Message);
    }
}

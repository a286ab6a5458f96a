using System.Text.Json.Nodes;

namespace Vorlagen.Api.Tests.Features.OParl;

/// <summary>The checks themselves can fail: the converted schema and the rule checker catch what they are there for.</summary>
public sealed class OParlSchemaCheckTests
{
    private static JsonObject Example(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(OParlSchemas.SpecFolder, "examples", name)))!.AsObject();

    [Fact]
    public async Task The_converted_schema_validates_embedded_objects_and_formats()
    {
        var paper = Example("Paper-01.json");
        Assert.Empty(await OParlSchemas.ValidateAsync(paper));

        paper["consultation"]![0]!["authoritative"] = "ja"; // only caught if "schema": "Consultation.json" became a $ref
        Assert.NotEmpty(await OParlSchemas.ValidateAsync(paper));

        paper = Example("Paper-01.json");
        paper["date"] = "04.04.2014";
        Assert.NotEmpty(await OParlSchemas.ValidateAsync(paper));

        var system = Example("System-01.json");
        system["oparlVersion"] = "https://schema.oparl.org/1.0";
        Assert.NotEmpty(await OParlSchemas.ValidateAsync(system));
    }

    [Fact]
    public void The_rule_checker_flags_the_known_faults_of_the_official_examples()
    {
        Assert.Contains(OParlRules.CheckObject(Example("Meeting-01.json")), e => e.Contains("order missing"));
        Assert.Contains(OParlRules.CheckObject(Example("Paper-01.json")), e => e.Contains("not a GeoJSON Feature"));
        Assert.Contains(OParlRules.CheckObject(Example("Body-01.json")), e => e.Contains("'legislativeTermList' missing"));
        Assert.Empty(OParlRules.CheckObject(Example("System-01.json")));
    }

    [Fact]
    public void The_rule_checker_flags_missing_timestamps_nulls_unprefixed_extensions_and_a_missing_next_link()
    {
        var organization = Example("Organization-01.json");
        organization["location"]!.AsObject().Remove("modified");
        organization["shortName"] = null;
        organization["memberCount"] = 3;
        var errors = OParlRules.CheckObject(organization);
        Assert.Contains(errors, e => e.Contains("$.location (Location): modified missing"));
        Assert.Contains(errors, e => e.Contains("$.shortName is null"));
        Assert.Contains(errors, e => e.Contains("'memberCount' is neither OParl nor prefixed"));

        var page = new JsonObject
        {
            ["data"] = new JsonArray(),
            ["pagination"] = new JsonObject { ["currentPage"] = 1, ["totalPages"] = 2 },
            ["links"] = new JsonObject { ["self"] = "https://example.org/list" },
        };
        Assert.Contains(OParlRules.CheckPage(page), e => e.Contains("lacks links.next"));
    }
}

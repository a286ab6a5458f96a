using System.Text.Json.Nodes;
using NJsonSchema;
using Vorlagen.Workflows.Tests.Infrastructure;

namespace Vorlagen.Workflows.Tests.Definitions;

/// <summary>workflows/schema/workflow-definition.schema.json accepts the sample definitions and rejects broken ones.</summary>
public sealed class SchemaTests
{
    public static TheoryData<string> SampleDefinitions()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Scenarios"), "*.json", SearchOption.AllDirectories).Order())
        {
            data.Add(Path.GetRelativePath(AppContext.BaseDirectory, file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(SampleDefinitions))]
    public async Task Sample_definitions_are_valid(string file)
    {
        var schema = await JsonSchema.FromFileAsync(RepositoryPaths.Schema);

        var errors = schema.Validate(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, file)));

        Assert.Empty(errors.Select(e => e.ToString()));
    }

    [Theory]
    [InlineData("root", null)]
    [InlineData("definitionId", "has spaces")]
    [InlineData("flowchartType", "Vorlagen.Sequence")]
    [InlineData("waitWithoutActions", null)]
    [InlineData("timerWithBoth", null)]
    [InlineData("badOperator", null)]
    [InlineData("connectionWithoutPort", null)]
    [InlineData("unknownTopLevel", null)]
    public async Task Broken_definitions_are_rejected(string breakage, string? value)
    {
        var schema = await JsonSchema.FromFileAsync(RepositoryPaths.Schema);
        var document = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Scenario("ValidationErrors")))!.AsObject();
        var activities = document["root"]!["activities"]!.AsArray();
        switch (breakage)
        {
            case "root": document.Remove("root"); break;
            case "definitionId": document["definitionId"] = value; break;
            case "flowchartType": document["root"]!["type"] = value; break;
            case "waitWithoutActions": activities[1]!.AsObject().Remove("allowedActions"); break;
            case "timerWithBoth": activities.Add(new JsonObject { ["id"] = "t", ["type"] = "Vorlagen.Timer", ["dueAt"] = "2025-01-01T00:00:00Z", ["duration"] = "P1D" }); break;
            case "badOperator": activities.Add(new JsonObject { ["id"] = "d", ["type"] = "Vorlagen.Decision", ["condition"] = new JsonObject { ["variable"] = "status", ["operator"] = "like", ["value"] = "x" } }); break;
            case "connectionWithoutPort": document["root"]!["connections"]![0]!["source"]!.AsObject().Remove("port"); break;
            case "unknownTopLevel": document["definitionID"] = "typo"; break;
        }

        var errors = schema.Validate(document.ToJsonString());

        Assert.NotEmpty(errors);
    }
}

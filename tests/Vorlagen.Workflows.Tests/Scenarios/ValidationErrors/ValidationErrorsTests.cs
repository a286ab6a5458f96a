using System.Text.Json.Nodes;
using Vorlagen.Workflows.Definitions;
using Vorlagen.Workflows.Tests.Infrastructure;

namespace Vorlagen.Workflows.Tests.Scenarios.ValidationErrors;

/// <summary>One test per rule: each breaks the valid base file in one place and expects file, path and problem.</summary>
public sealed class ValidationErrorsTests
{
    private const string Source = "broken.json";
    private readonly WorkflowDefinitionLoader loader = new(TestActivities.Registry());

    [Fact]
    public void The_base_file_is_valid()
    {
        var result = loader.Load(File.ReadAllText(RepositoryPaths.Scenario("ValidationErrors")), Source);

        Assert.Empty(result.Errors);
        Assert.Equal("validation-base", Assert.Single(result.Definitions).DefinitionId);
    }

    [Fact]
    public void Unknown_activity_type() =>
        AssertError(d => Activity(d, 2)["type"] = "Vorlagen.Teleport",
            "$.root.activities[2].type", "Unknown activity type 'Vorlagen.Teleport'");

    [Fact]
    public void Missing_start_activity() =>
        AssertError(d =>
        {
            Activities(d).RemoveAt(0);
            Connections(d).RemoveAt(0);
        }, "$.root.activities", "No Vorlagen.Start activity");

    [Fact]
    public void Multiple_start_activities() =>
        AssertError(d => Activities(d).Add(new JsonObject { ["id"] = "start-2", ["type"] = "Vorlagen.Start" }),
            "$.root.activities[5].type", "Second Vorlagen.Start activity");

    [Fact]
    public void Dangling_connection() =>
        AssertError(d => Connections(d)[3]!["target"]!["activity"] = "ghost",
            "$.root.connections[3].target.activity", "Dangling connection: there is no activity 'ghost'");

    [Fact]
    public void Duplicate_connection() =>
        AssertError(d => Connections(d).Add(Connections(d)[1]!.DeepClone()),
            "$.root.connections[5]", "Duplicate connection release.release → released.In (first at $.root.connections[1])");

    [Fact]
    public void Unreachable_activity() =>
        AssertError(d => Activities(d).Add(new JsonObject { ["id"] = "orphan", ["type"] = "Vorlagen.End" }),
            "$.root.activities[5]", "Activity 'orphan' is unreachable from the start activity");

    [Fact]
    public void Port_the_activity_does_not_have() =>
        AssertError(d => Connections(d)[2]!["source"]!["port"] = "postpone",
            "$.root.connections[2].source.port", "Activity 'release' (Vorlagen.WaitForAction) has no outcome port 'postpone'; its ports: release, reject");

    [Fact]
    public void Target_port_other_than_in() =>
        AssertError(d => Connections(d)[0]!["target"]!["port"] = "Done",
            "$.root.connections[0].target.port", "has no input port 'Done'; its ports: In");

    [Fact]
    public void Input_of_the_wrong_type() =>
        AssertError(d => Activity(d, 1)["allowedActions"] = "release",
            "$.root.activities[1].allowedActions", "Expected an array of strings but found a string");

    [Fact]
    public void Missing_required_input() =>
        AssertError(d => Activity(d, 2).Remove("variable"),
            "$.root.activities[2].variable", "Required input of Vorlagen.SetVariable is missing");

    [Fact]
    public void Roles_for_an_action_that_is_not_allowed() =>
        AssertError(d => Activity(d, 1)["allowedRoles"] = new JsonObject { ["publish"] = new JsonArray("Landrat") },
            "$.root.activities[1].allowedRoles.publish", "'publish' is not one of allowedActions");

    [Fact]
    public void Unknown_input_property() =>
        AssertError(d => Activity(d, 1)["allowedAction"] = new JsonArray("release"),
            "$.root.activities[1].allowedAction", "Unknown property 'allowedAction'");

    [Fact]
    public void Undeclared_variable() =>
        AssertError(d => Activity(d, 3)["variable"] = "outcome",
            "$.root.activities[3].variable", "Variable 'outcome' is not declared");

    [Fact]
    public void Duplicate_activity_ids() =>
        AssertError(d => Activity(d, 3)["id"] = "released",
            "$.root.activities[3].id", "Duplicate activity id 'released' (first used at $.root.activities[2])");

    [Fact]
    public void Not_json_at_all() =>
        AssertError(_ => { }, "$", "Not valid JSON", json => json[..^3]);

    [Fact]
    public void Every_error_is_returned_not_just_the_first()
    {
        var result = Load(d =>
        {
            Activity(d, 2)["type"] = "Vorlagen.Teleport";
            Activity(d, 1)["allowedActions"] = 5;
            Connections(d)[4]!["source"]!["activity"] = "ghost";
        });

        Assert.Empty(result.Definitions);
        Assert.Equal(3, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Equal(Source, e.Source));
        var exception = Assert.Throws<WorkflowDefinitionInvalidException>(() => result.EnsureValid());
        Assert.Contains("broken.json: $.root.activities[2].type: Unknown activity type", exception.Message);
    }

    private void AssertError(Action<JsonObject> breakIt, string path, string message, Func<string, string>? mangle = null)
    {
        var result = Load(breakIt, mangle);

        Assert.Empty(result.Definitions);
        var error = Assert.Single(result.Errors, e => e.Path == path);
        Assert.Equal(Source, error.Source);
        Assert.Contains(message, error.Message);
    }

    private WorkflowLoadResult Load(Action<JsonObject> breakIt, Func<string, string>? mangle = null)
    {
        var document = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Scenario("ValidationErrors")))!.AsObject();
        breakIt(document);
        var json = document.ToJsonString();
        return loader.Load(mangle is null ? json : mangle(json), Source);
    }

    private static JsonArray Activities(JsonObject d) => d["root"]!["activities"]!.AsArray();
    private static JsonArray Connections(JsonObject d) => d["root"]!["connections"]!.AsArray();
    private static JsonObject Activity(JsonObject d, int index) => Activities(d)[index]!.AsObject();
}

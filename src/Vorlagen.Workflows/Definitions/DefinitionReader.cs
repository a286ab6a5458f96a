using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Vorlagen.Workflows.Activities;
using Vorlagen.Workflows.Json;

namespace Vorlagen.Workflows.Definitions;

/// <summary>Reads one definition document; returns null when any error was recorded.</summary>
internal sealed partial class DefinitionReader(ActivityRegistry registry, ErrorSink errors, string sourceName)
{
    /// <summary>Fields the database manages (or editors add); they are not part of the content hash.</summary>
    private static readonly string[] NonContentProperties = ["version", "isLatest", "isPublished", "$schema"];

    private static readonly string[] TopLevelProperties =
        ["$schema", "definitionId", "version", "name", "description", "isLatest", "isPublished", "variables", "inputs", "root"];

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex DefinitionIdPattern();

    public WorkflowDefinition? Read(JsonNode? document)
    {
        if (document is not JsonObject root)
        {
            errors.Add("$", $"A workflow definition must be a JSON object, not {JsonKinds.Describe(document)}.");
            return null;
        }
        PropertyRules.CheckKnown(root, "$", TopLevelProperties, errors);
        var definitionId = PropertyRules.RequiredString(root, "definitionId", "$", errors);
        if (definitionId is not null && !DefinitionIdPattern().IsMatch(definitionId))
        {
            errors.Add("$.definitionId", "Use letters, digits, '.', '_' and '-' only.");
        }
        var name = PropertyRules.RequiredString(root, "name", "$", errors);
        PropertyRules.OptionalPositiveInteger(root, "version", "$", errors);
        PropertyRules.OptionalType(root, "description", InputType.String, "$", errors);
        PropertyRules.OptionalType(root, "isLatest", InputType.Boolean, "$", errors);
        PropertyRules.OptionalType(root, "isPublished", InputType.Boolean, "$", errors);
        var variables = DeclarationReader.ReadVariables(root["variables"], errors);
        var inputs = DeclarationReader.ReadInputs(root["inputs"], errors);
        var (activities, connections) = ReadFlowchart(root["root"], new ActivityValidationContextFactory(variables, inputs));
        if (errors.Count > 0)
        {
            return null;
        }
        var content = (JsonObject)root.DeepClone();
        foreach (var property in NonContentProperties)
        {
            content.Remove(property);
        }
        var canonical = CanonicalJson.Serialize(content);
        return new WorkflowDefinition(definitionId!, name!, sourceName, variables, inputs,
            [.. activities.Select(a => a.Node)], connections, canonical, Sha256Hex.Of(canonical));
    }

    private (List<ReadActivity>, List<Connection>) ReadFlowchart(JsonNode? node, ActivityValidationContextFactory contexts)
    {
        if (node is not JsonObject flowchart)
        {
            errors.Add("$.root", node is null
                ? "Required property is missing."
                : $"Expected a {BuiltInActivityTypes.Flowchart} object but found {JsonKinds.Describe(node)}.");
            return ([], []);
        }
        PropertyRules.CheckKnown(flowchart, "$.root", ["type", "id", "activities", "connections", "metadata"], errors);
        if (JsonKinds.String(flowchart["type"]) != BuiltInActivityTypes.Flowchart)
        {
            errors.Add("$.root.type", $"Expected \"{BuiltInActivityTypes.Flowchart}\".");
        }
        if (flowchart["activities"] is not JsonArray activityArray)
        {
            errors.Add("$.root.activities", "Expected an array of activities.");
            return ([], []);
        }
        var connectionArray = flowchart["connections"] as JsonArray ?? [];
        if (flowchart["connections"] is { } present && present is not JsonArray)
        {
            errors.Add("$.root.connections", "Expected an array of connections.");
        }
        var activities = new ActivityReader(registry, errors, contexts).Read(activityArray);
        var connections = new FlowchartValidator(errors).Validate(activities, connectionArray);
        return (activities, connections);
    }
}

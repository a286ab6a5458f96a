using System.Text.Json;
using System.Text.Json.Nodes;
using Vorlagen.Workflows.Activities;
using Vorlagen.Workflows.Json;

namespace Vorlagen.Workflows.Definitions;

/// <summary>Type checks of JSON values against declared input and variable types.</summary>
internal static class JsonKinds
{
    public static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "an array",
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => "null",
        },
    };

    public static bool Matches(InputType type, JsonNode? node) => type switch
    {
        InputType.Any => true,
        InputType.String => Is(node, JsonValueKind.String),
        InputType.Boolean => Is(node, JsonValueKind.True) || Is(node, JsonValueKind.False),
        InputType.Number => Is(node, JsonValueKind.Number),
        InputType.Integer => IsInteger(node),
        InputType.StringArray => node is JsonArray array && array.All(item => Is(item, JsonValueKind.String)),
        InputType.Object => node is JsonObject,
        _ => false,
    };

    public static bool Matches(WorkflowValueType type, JsonNode? node) => node is null || type switch
    {
        WorkflowValueType.Any => true,
        WorkflowValueType.String => Is(node, JsonValueKind.String),
        WorkflowValueType.Boolean => Is(node, JsonValueKind.True) || Is(node, JsonValueKind.False),
        WorkflowValueType.Number => Is(node, JsonValueKind.Number),
        WorkflowValueType.Integer => IsInteger(node),
        WorkflowValueType.Object => node is JsonObject,
        WorkflowValueType.Array => node is JsonArray,
        _ => false,
    };

    public static string Expected(InputType type) => type switch
    {
        InputType.StringArray => "an array of strings",
        InputType.Any => "any value",
        InputType.Integer => "an integer",
        InputType.Object => "an object",
        _ => $"a {type.ToString().ToLowerInvariant()}",
    };

    public static bool IsInteger(JsonNode? node) =>
        Is(node, JsonValueKind.Number) && JsonSerializer.SerializeToElement(node).TryGetInt64(out _);

    public static string? String(JsonNode? node) => JsonState.AsString(node);

    private static bool Is(JsonNode? node, JsonValueKind kind) => node is JsonValue && node.GetValueKind() == kind;
}

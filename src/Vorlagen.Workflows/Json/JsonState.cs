using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vorlagen.Workflows.Json;

/// <summary>Small helpers for the plain-JSON state the runtime keeps (variables, inputs, payloads).</summary>
public static class JsonState
{
    public static JsonObject ParseObject(string? json) =>
        string.IsNullOrWhiteSpace(json) ? [] : JsonNode.Parse(json) as JsonObject ?? [];

    public static JsonObject CloneObject(JsonObject? source) =>
        source is null ? [] : (JsonObject)source.DeepClone();

    public static JsonNode? ToNode<T>(T value) => JsonSerializer.SerializeToNode(value, JsonSerializerOptions.Web);

    public static T? ToValue<T>(JsonNode? node) => node is null ? default : node.Deserialize<T>(JsonSerializerOptions.Web);

    /// <summary>The string a JSON node holds, or null when it is not a JSON string.</summary>
    public static string? AsString(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.TryGetValue<string>(out var text)
            ? text
            : null;

    /// <summary>JSON equality by value; numbers compare numerically, objects ignore property order.</summary>
    public static bool ValueEquals(JsonNode? left, JsonNode? right) =>
        CanonicalJson.Serialize(left) == CanonicalJson.Serialize(right);
}

using System.Text.Json.Nodes;
using NJsonSchema;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Features.OParl;

/// <summary>
/// The official OParl 1.1 schema (tests/Vorlagen.Api.Tests/OParl/spec-1.1), converted as its README advises:
/// the custom <c>"schema": "X.json"</c> keyword becomes a <c>$ref</c> (so embedded objects are validated, not just
/// "an object") and <c>"format": "url"</c> becomes <c>uri</c>. Written to a temp folder so NJsonSchema resolves the
/// file references between them; validated with NJsonSchema.
/// </summary>
public static class OParlSchemas
{
    public static string SpecFolder => RepositoryPaths.Combine("tests", "Vorlagen.Api.Tests", "OParl", "spec-1.1");

    private static readonly Lazy<Task<IReadOnlyDictionary<string, JsonSchema>>> Loaded = new(LoadAsync);

    /// <summary>Schema errors of one object, by its <c>type</c> (e.g. <c>https://schema.oparl.org/1.1/Paper</c>).</summary>
    public static async Task<IReadOnlyList<string>> ValidateAsync(JsonObject item)
    {
        var type = item["type"]?.GetValue<string>() ?? "";
        var name = type.Replace("https://schema.oparl.org/1.1/", "");
        var schemas = await Loaded.Value;
        if (!schemas.TryGetValue(name, out var schema)) return [$"no schema for type '{type}'"];
        return [.. schema.Validate(item.ToJsonString()).Select(e => $"{name} {e.Path}: {e.Kind}")];
    }

    private static async Task<IReadOnlyDictionary<string, JsonSchema>> LoadAsync()
    {
        var folder = Directory.CreateTempSubdirectory("oparl-schema-").FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(SpecFolder, "schema"), "*.json"))
        {
            var node = JsonNode.Parse(await File.ReadAllTextAsync(file))!;
            await File.WriteAllTextAsync(Path.Combine(folder, Path.GetFileName(file)), Convert(node)!.ToJsonString());
        }
        var result = new Dictionary<string, JsonSchema>();
        foreach (var file in Directory.GetFiles(folder, "*.json"))
            result[Path.GetFileNameWithoutExtension(file)] = await JsonSchema.FromFileAsync(file);
        return result;
    }

    /// <summary>Every node with <c>"schema": "X.json"</c> becomes <c>{"$ref": "X.json"}</c>; <c>url</c> formats become <c>uri</c>.</summary>
    public static JsonNode? Convert(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj when obj["schema"] is JsonValue reference && reference.TryGetValue<string>(out var file) && file.EndsWith(".json"):
                return new JsonObject { ["$ref"] = file };
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj)
                    copy[key] = key == "format" && value?.GetValue<string>() == "url" ? "uri" : Convert(value);
                return copy;
            case JsonArray array:
                return new JsonArray([.. array.Select(Convert)]);
            default:
                return node?.DeepClone();
        }
    }
}

using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Vorlagen.Workflows.Definitions;

/// <summary>Reads <c>variables[]</c> and <c>inputs[]</c>: name, type, default (variables), required (inputs).</summary>
internal static partial class DeclarationReader
{
    public static IReadOnlyList<VariableDefinition> ReadVariables(JsonNode? node, ErrorSink errors) =>
        Read(node, "$.variables", errors, isVariable: true)
            .Select(d => new VariableDefinition(d.Name, d.Type, d.Item["default"]?.DeepClone()))
            .ToList();

    public static IReadOnlyList<InputDefinition> ReadInputs(JsonNode? node, ErrorSink errors) =>
        Read(node, "$.inputs", errors, isVariable: false)
            .Select(d => new InputDefinition(d.Name, d.Type, d.Item["required"]?.GetValue<bool>() ?? false))
            .ToList();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex IdentifierPattern();

    private static List<(string Name, WorkflowValueType Type, JsonObject Item)> Read(
        JsonNode? node, string path, ErrorSink errors, bool isVariable)
    {
        var result = new List<(string, WorkflowValueType, JsonObject)>();
        if (node is null)
        {
            return result;
        }
        if (node is not JsonArray array)
        {
            errors.Add(path, $"Expected an array but found {JsonKinds.Describe(node)}.");
            return result;
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < array.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            if (array[i] is not JsonObject item)
            {
                errors.Add(itemPath, "Expected an object with 'name' and 'type'.");
                continue;
            }
            var before = errors.Count;
            PropertyRules.CheckKnown(item, itemPath, isVariable ? ["name", "type", "default"] : ["name", "type", "required", "description"], errors);
            var name = JsonKinds.String(item["name"]);
            if (name is null || !IdentifierPattern().IsMatch(name))
            {
                errors.Add($"{itemPath}.name", "Expected an identifier (letters, digits, underscore).");
            }
            else if (!names.Add(name))
            {
                errors.Add($"{itemPath}.name", $"Duplicate name '{name}'.");
            }
            var type = ReadType(item["type"], $"{itemPath}.type", errors);
            if (isVariable && type is { } declared && !JsonKinds.Matches(declared, item["default"]))
            {
                errors.Add($"{itemPath}.default", $"Expected a value of type {declared} but found {JsonKinds.Describe(item["default"])}.");
            }
            if (!isVariable && item["required"] is { } required && !JsonKinds.Matches(Activities.InputType.Boolean, required))
            {
                errors.Add($"{itemPath}.required", "Expected a boolean.");
            }
            if (errors.Count == before)
            {
                result.Add((name!, type!.Value, item));
            }
        }
        return result;
    }

    private static WorkflowValueType? ReadType(JsonNode? node, string path, ErrorSink errors)
    {
        if (JsonKinds.String(node) is { } text && Enum.TryParse<WorkflowValueType>(text, ignoreCase: false, out var type)
            && Enum.IsDefined(type) && !int.TryParse(text, out _))
        {
            return type;
        }
        errors.Add(path, $"Expected one of: {string.Join(", ", Enum.GetNames<WorkflowValueType>())}.");
        return null;
    }
}

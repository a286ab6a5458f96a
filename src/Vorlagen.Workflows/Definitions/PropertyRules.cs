using System.Text.Json.Nodes;

namespace Vorlagen.Workflows.Definitions;

/// <summary>Shared property checks; unknown properties are errors so typos do not pass silently.</summary>
internal static class PropertyRules
{
    public static void CheckKnown(JsonObject node, string path, IReadOnlyCollection<string> known, ErrorSink errors)
    {
        foreach (var (name, _) in node)
        {
            if (!known.Contains(name))
            {
                errors.Add($"{path}.{name}", $"Unknown property '{name}'. Allowed: {string.Join(", ", known)}.");
            }
        }
    }

    public static string? RequiredString(JsonObject node, string name, string path, ErrorSink errors)
    {
        var value = JsonKinds.String(node[name]);
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{path}.{name}", node.ContainsKey(name)
                ? $"Expected a non-empty string but found {JsonKinds.Describe(node[name])}."
                : "Required property is missing.");
            return null;
        }
        return value;
    }

    public static int? OptionalPositiveInteger(JsonObject node, string name, string path, ErrorSink errors)
    {
        if (!node.ContainsKey(name))
        {
            return null;
        }
        if (JsonKinds.IsInteger(node[name]) && node[name]!.GetValue<long>() is >= 1 and <= int.MaxValue)
        {
            return (int)node[name]!.GetValue<long>();
        }
        errors.Add($"{path}.{name}", $"Expected a positive integer but found {JsonKinds.Describe(node[name])}.");
        return null;
    }

    public static void OptionalType(JsonObject node, string name, Activities.InputType type, string path, ErrorSink errors)
    {
        if (node.ContainsKey(name) && !JsonKinds.Matches(type, node[name]))
        {
            errors.Add($"{path}.{name}", $"Expected {JsonKinds.Expected(type)} but found {JsonKinds.Describe(node[name])}.");
        }
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Vorlagen.Workflows.Json;

namespace Vorlagen.Workflows.Activities.BuiltIn;

/// <summary>
/// The Decision activity's condition: no scripting, one comparison.
/// <c>{ "variable": "x" | "input": "x", "operator": "equals|notEquals|greaterThan|lessThan|in", "value": … }</c>.
/// <c>equals</c>/<c>notEquals</c> compare JSON values (numbers numerically, objects by content);
/// <c>greaterThan</c>/<c>lessThan</c> compare two numbers, or two strings ordinally (ISO dates
/// work), and are false otherwise; <c>in</c> is true when the left value equals an element of the
/// <c>value</c> array. A missing variable or input is null.
/// </summary>
public sealed record DecisionCondition(string Source, string Name, string Operator, JsonNode? Value)
{
    public static readonly IReadOnlyList<string> Operators = ["equals", "notEquals", "greaterThan", "lessThan", "in"];

    public static DecisionCondition Parse(JsonObject condition)
    {
        var source = condition.ContainsKey("variable") ? "variable" : "input";
        return new DecisionCondition(
            source, JsonState.AsString(condition[source])!, JsonState.AsString(condition["operator"])!, condition["value"]);
    }

    public bool Evaluate(JsonNode? left) => Operator switch
    {
        "equals" => JsonState.ValueEquals(left, Value),
        "notEquals" => !JsonState.ValueEquals(left, Value),
        "greaterThan" => Compare(left, Value) is > 0,
        "lessThan" => Compare(left, Value) is < 0,
        "in" => Value is JsonArray options && options.Any(option => JsonState.ValueEquals(left, option)),
        _ => throw new InvalidOperationException($"Unknown operator '{Operator}'."),
    };

    public static IEnumerable<InputProblem> Validate(JsonObject condition, ActivityValidationContext context)
    {
        var hasVariable = condition.ContainsKey("variable");
        if (hasVariable == condition.ContainsKey("input"))
        {
            yield return new InputProblem("condition", "Give exactly one of 'variable' or 'input'.");
            yield break;
        }
        var source = hasVariable ? "variable" : "input";
        var name = JsonState.AsString(condition[source]);
        var declared = hasVariable ? context.VariableNames : context.InputNames;
        if (name is null)
        {
            yield return new InputProblem($"condition.{source}", "Expected a string.");
        }
        else if (!declared.Contains(name))
        {
            yield return new InputProblem($"condition.{source}", $"'{name}' is not declared in {source}s[].");
        }
        var op = JsonState.AsString(condition["operator"]);
        if (op is null || !Operators.Contains(op))
        {
            yield return new InputProblem("condition.operator", $"Expected one of: {string.Join(", ", Operators)}.");
        }
        if (!condition.ContainsKey("value"))
        {
            yield return new InputProblem("condition", "Missing 'value'.");
        }
        else if (op == "in" && condition["value"] is not JsonArray)
        {
            yield return new InputProblem("condition.value", "Operator 'in' needs an array value.");
        }
    }

    private static int? Compare(JsonNode? left, JsonNode? right)
    {
        if (left is not JsonValue || right is not JsonValue)
        {
            return null;
        }
        var l = JsonSerializer.SerializeToElement(left);
        var r = JsonSerializer.SerializeToElement(right);
        return (l.ValueKind, r.ValueKind) switch
        {
            (JsonValueKind.Number, JsonValueKind.Number) => l.GetDouble().CompareTo(r.GetDouble()),
            (JsonValueKind.String, JsonValueKind.String) => string.CompareOrdinal(l.GetString(), r.GetString()),
            _ => null,
        };
    }
}

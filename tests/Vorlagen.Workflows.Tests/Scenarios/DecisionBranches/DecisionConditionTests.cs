using System.Text.Json.Nodes;
using Vorlagen.Workflows.Activities.BuiltIn;

namespace Vorlagen.Workflows.Tests.Scenarios.DecisionBranches;

/// <summary>The documented semantics of each Decision operator.</summary>
public sealed class DecisionConditionTests
{
    [Theory]
    [InlineData("equals", "1", "1.0", true)]
    [InlineData("equals", "\"Kreistag\"", "\"Kreistag\"", true)]
    [InlineData("equals", "{\"a\":1,\"b\":2}", "{\"b\":2,\"a\":1}", true)]
    [InlineData("equals", "null", "null", true)]
    [InlineData("equals", "\"1\"", "1", false)]
    [InlineData("notEquals", "\"a\"", "\"b\"", true)]
    [InlineData("notEquals", "3", "3", false)]
    [InlineData("greaterThan", "17", "5", true)]
    [InlineData("greaterThan", "5", "5", false)]
    [InlineData("greaterThan", "null", "5", false)]
    [InlineData("greaterThan", "\"17\"", "5", false)]
    [InlineData("lessThan", "\"2025-03-01\"", "\"2025-03-02\"", true)]
    [InlineData("lessThan", "43", "17", false)]
    [InlineData("in", "\"beschlossen\"", "[\"beschlossen\",\"abgelehnt\"]", true)]
    [InlineData("in", "\"vertagt\"", "[\"beschlossen\",\"abgelehnt\"]", false)]
    [InlineData("in", "2", "[1, 2.0, 3]", true)]
    public void Evaluates(string op, string left, string right, bool expected)
    {
        var condition = new DecisionCondition("variable", "x", op, JsonNode.Parse(right));

        Assert.Equal(expected, condition.Evaluate(JsonNode.Parse(left)));
    }

    [Fact]
    public void Compares_values_set_from_code_like_values_read_from_json()
    {
        var condition = new DecisionCondition("variable", "x", "greaterThan", JsonNode.Parse("10"));

        Assert.True(condition.Evaluate(JsonValue.Create(11L)));
        Assert.False(condition.Evaluate(JsonValue.Create(9.5m)));
    }
}

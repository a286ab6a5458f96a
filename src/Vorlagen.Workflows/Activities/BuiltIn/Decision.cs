using System.Text.Json.Nodes;

namespace Vorlagen.Workflows.Activities.BuiltIn;

/// <summary>Branches on a <see cref="DecisionCondition"/>: ports <c>True</c> and <c>False</c>.</summary>
public sealed class Decision : Activity
{
    public static ActivityDescriptor Descriptor { get; } =
        ActivityDescriptor.Create(
            BuiltInActivityTypes.Decision, _ => new Decision(), [Ports.True, Ports.False],
            new InputDescriptor("condition", InputType.Object, Required: true)) with
        {
            Validate = context => context.Activity["condition"] is JsonObject condition
                ? DecisionCondition.Validate(condition, context)
                : [],
        };

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var condition = DecisionCondition.Parse((JsonObject)context.GetInput("condition")!);
        var left = condition.Source == "variable"
            ? context.GetVariable(condition.Name)
            : context.WorkflowInput[condition.Name];
        context.Complete(condition.Evaluate(left) ? Ports.True : Ports.False);
        return ValueTask.CompletedTask;
    }
}

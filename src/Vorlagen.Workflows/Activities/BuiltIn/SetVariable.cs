using Vorlagen.Workflows.Json;

namespace Vorlagen.Workflows.Activities.BuiltIn;

/// <summary>Sets a declared variable to a literal JSON value: <c>{ "variable": "x", "value": 3 }</c>.</summary>
public sealed class SetVariable : Activity
{
    public static ActivityDescriptor Descriptor { get; } =
        ActivityDescriptor.Create(
            BuiltInActivityTypes.SetVariable, _ => new SetVariable(), [Ports.Done],
            new InputDescriptor("variable", InputType.String, Required: true),
            new InputDescriptor("value", InputType.Any, Required: true)) with
        {
            Validate = Check,
        };

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        context.SetVariable(context.GetInput<string>("variable")!, context.GetInput("value"));
        context.Complete();
        return ValueTask.CompletedTask;
    }

    private static IEnumerable<InputProblem> Check(ActivityValidationContext context)
    {
        if (JsonState.AsString(context.Activity["variable"]) is { } name && !context.VariableNames.Contains(name))
        {
            yield return new InputProblem("variable", $"Variable '{name}' is not declared in variables[].");
        }
    }
}

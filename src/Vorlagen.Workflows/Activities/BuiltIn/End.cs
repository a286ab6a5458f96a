namespace Vorlagen.Workflows.Activities.BuiltIn;

/// <summary>Finishes the workflow at once, removing any bookmarks other branches still hold.</summary>
public sealed class End : Activity
{
    public static ActivityDescriptor Descriptor { get; } =
        ActivityDescriptor.Create(BuiltInActivityTypes.End, _ => new End(), []);

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        context.EndWorkflow();
        return ValueTask.CompletedTask;
    }
}

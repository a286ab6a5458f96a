namespace Vorlagen.Workflows.Activities.BuiltIn;

/// <summary>Where every flowchart begins; exactly one per definition, no incoming connections.</summary>
public sealed class Start : Activity
{
    public static ActivityDescriptor Descriptor { get; } =
        ActivityDescriptor.Create(BuiltInActivityTypes.Start, _ => new Start(), [Ports.Done]) with { AcceptsIncoming = false };

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        context.Complete();
        return ValueTask.CompletedTask;
    }
}

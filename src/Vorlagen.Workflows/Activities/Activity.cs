namespace Vorlagen.Workflows.Activities;

/// <summary>
/// Base class of every activity (Elsa's <c>Activity</c>, without its weight). An activity is
/// stateless behaviour; its inputs are the properties of its JSON in the definition and everything
/// it can touch is on the <see cref="ActivityExecutionContext"/>: inputs, variables, outputs,
/// <see cref="ActivityExecutionContext.CreateBookmark"/>, <see cref="ActivityExecutionContext.Complete"/>,
/// journal entries, host services and the host's database transaction.
/// An activity that returns without completing or creating a bookmark completes with <c>Done</c>.
/// </summary>
public abstract class Activity
{
    /// <summary>Runs when the flowchart reaches the activity.</summary>
    public abstract ValueTask ExecuteAsync(ActivityExecutionContext context);

    /// <summary>Runs when one of the activity's bookmarks is resumed. Completes with <c>Done</c> by default.</summary>
    public virtual ValueTask ResumeAsync(ActivityExecutionContext context)
    {
        context.Complete();
        return ValueTask.CompletedTask;
    }
}

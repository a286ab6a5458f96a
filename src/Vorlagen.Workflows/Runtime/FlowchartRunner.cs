using System.Text.Json.Nodes;
using Vorlagen.Workflows.Activities;
using Vorlagen.Workflows.Definitions;
using Vorlagen.Workflows.Errors;
using Vorlagen.Workflows.Journal;

namespace Vorlagen.Workflows.Runtime;

/// <summary>
/// Executes a flowchart until nothing is scheduled: each completed activity schedules the targets
/// connected to its outcome port (several targets run as parallel branches; there is no join).
/// An activity that throws becomes an <see cref="ActivityFaultException"/>, except rejections.
/// </summary>
internal sealed class FlowchartRunner(WorkflowEngine engine)
{
    public async Task RunAsync(WorkflowRun run, ActivityNode first, Bookmark? resumed)
    {
        var scheduled = new Queue<(ActivityNode Node, Bookmark? Bookmark)>([(first, resumed)]);
        var executions = 0;
        while (!run.EndRequested && scheduled.TryDequeue(out var next))
        {
            run.CancellationToken.ThrowIfCancellationRequested();
            if (++executions > engine.Options.MaxActivityExecutionsPerRun)
            {
                throw Fault(run, next.Node, new InvalidOperationException(
                    $"More than {engine.Options.MaxActivityExecutionsPerRun} activity executions in one run; the flowchart loops without waiting."));
            }
            var context = await ExecuteAsync(run, next.Node, next.Bookmark);
            if (!context.IsCompleted)
            {
                continue;
            }
            run.RemoveBookmarksOf(context.ActivityInstanceId);
            run.Log(new JournalEntry(JournalEvents.ActivityCompleted, run.Now, next.Node.Id, next.Node.Type, next.Node.Name,
                Payload: context.Outcome is null ? null : new JsonObject { ["outcome"] = context.Outcome }));
            if (context.Outcome is { } outcome)
            {
                foreach (var target in run.Definition.TargetsOf(next.Node.Id, outcome))
                {
                    scheduled.Enqueue((run.Definition.GetActivity(target), null));
                }
            }
        }
    }

    private async Task<ActivityExecutionContext> ExecuteAsync(WorkflowRun run, ActivityNode node, Bookmark? bookmark)
    {
        var descriptor = engine.Registry.Find(node.Type)
            ?? throw Fault(run, node, new InvalidOperationException($"Activity type '{node.Type}' is not registered."));
        var context = new ActivityExecutionContext(run, node, descriptor, bookmark);
        try
        {
            var activity = descriptor.Factory(run.Services);
            await (bookmark is null ? activity.ExecuteAsync(context) : activity.ResumeAsync(context));
            if (!context.IsCompleted && !context.HasCreatedBookmark)
            {
                CompleteByDefault(context);
            }
            return context;
        }
        catch (Exception exception) when (IsFault(exception, run))
        {
            throw Fault(run, node, exception);
        }
    }

    /// <summary>Code-only activities need not call Complete: they leave through Done (or end, without ports).</summary>
    private static void CompleteByDefault(ActivityExecutionContext context)
    {
        if (context.Outcomes.Count == 0)
        {
            context.CompleteWithoutOutcome();
            return;
        }
        context.Complete(context.Outcomes.Contains(Ports.Done)
            ? Ports.Done
            : throw new InvalidOperationException(
                $"Activity '{context.ActivityId}' neither completed nor created a bookmark, and has no '{Ports.Done}' port."));
    }

    private bool IsFault(Exception exception, WorkflowRun run) =>
        exception is not WorkflowRejectedException
        && !(exception is OperationCanceledException && run.CancellationToken.IsCancellationRequested)
        && !engine.Options.IsRejection(exception);

    private static ActivityFaultException Fault(WorkflowRun run, ActivityNode node, Exception cause) =>
        new(new WorkflowIncident(node.Id, node.Type, cause.Message, cause.GetType().FullName ?? cause.GetType().Name, run.Now), cause);
}

using System.Text.Json.Nodes;
using Vorlagen.Workflows.Definitions;
using Vorlagen.Workflows.Errors;
using Vorlagen.Workflows.Journal;
using Vorlagen.Workflows.Json;
using Vorlagen.Workflows.Persistence;

namespace Vorlagen.Workflows.Runtime;

/// <summary>
/// Amending what a run recorded: appending records without a transition, and re-running an activity with new input.
/// Both extend the hash chain like any run (head, MAC and the checkpoint file see an ordinary longer journal);
/// nothing already journaled is changed.
/// </summary>
public sealed partial class WorkflowRuntime
{
    public async Task<WorkflowRunResult> AppendAsync(AppendJournalRequest request, CancellationToken cancellationToken)
    {
        await using var unit = await store.BeginAsync(cancellationToken);
        var instance = await unit.FindInstanceAsync(request.InstanceId, cancellationToken)
            ?? throw new WorkflowInstanceNotFoundException(request.InstanceId);
        var open = await unit.ListBookmarksByInstanceAsync(instance.Id, cancellationToken);
        var now = Clock.GetUtcNow();
        ActivityNode? activity = null;
        if (request.ActivityId is { } activityId)
        {
            var definition = await DefinitionOfAsync(unit, instance, cancellationToken);
            activity = definition.GetActivity(activityId);
        }
        var entry = new JournalEntry(request.EventName, now, activity?.Id, activity?.Type, activity?.Name, request.Message, request.Payload?.DeepClone());
        var journal = JournalChain.Append(instance.Id, instance.JournalSequence, instance.JournalHash, request.Actor, [entry]);
        var updated = instance with
        {
            Version = instance.Version + 1,
            JournalSequence = journal[^1].Sequence,
            JournalHash = journal[^1].Hash,
            UpdatedAt = now,
        };
        var changes = Seal(new WorkflowRunChanges(updated, instance.Version, [], [], journal));
        await unit.EnsureTransactionAsync(cancellationToken);
        await unit.ApplyAsync(changes, cancellationToken);
        await unit.CommitAsync(cancellationToken);
        return new WorkflowRunResult(changes.Instance, open, changes.Journal);
    }

    public Task<WorkflowRunResult> RerunAsync(RerunActivityRequest request, CancellationToken cancellationToken) =>
        RunGuardedAsync(async unit =>
        {
            var instance = await unit.FindInstanceAsync(request.InstanceId, cancellationToken)
                ?? throw new WorkflowInstanceNotFoundException(request.InstanceId);
            if (instance.SubStatus == WorkflowSubStatus.Cancelled)
            {
                throw new WorkflowNotRunningException(instance.Id, instance.SubStatus);
            }
            var definition = await DefinitionOfAsync(unit, instance, cancellationToken);
            var activity = definition.GetActivity(request.ActivityId);
            var open = await unit.ListBookmarksByInstanceAsync(instance.Id, cancellationToken);
            var input = request.Input is null ? new JsonObject() : (JsonObject)request.Input.DeepClone();
            var run = NewRun(unit, definition, instance with { Status = WorkflowStatus.Running, FinishedAt = null }, open, request.Actor, input, cancellationToken);
            foreach (var dropped in open)
            {
                run.ConsumeBookmark(dropped);
            }
            var now = run.Now;
            var payload = (JsonObject)request.BookmarkPayload.DeepClone();
            // Never stored: it stands for the bookmark the activity had when it was resumed the first time.
            var bookmark = new Bookmark(Ids.New(now), instance.Id, instance.CorrelationId, request.BookmarkName,
                Sha256Hex.Of(request.BookmarkName + CanonicalJson.Serialize(payload)), payload, activity.Id, Ids.New(now), null, now);
            run.Log(new JournalEntry(JournalEvents.Rerun, now, activity.Id, activity.Type, activity.Name, Payload: new JsonObject
            {
                ["bookmarkName"] = request.BookmarkName,
                ["bookmarkPayload"] = payload.DeepClone(),
                ["input"] = input.DeepClone(),
                ["dropped"] = new JsonArray([.. open.Select(b => (JsonNode?)new JsonObject { ["name"] = b.Name, ["activityId"] = b.ActivityId })]),
            }));
            return new PreparedRun(run, activity, bookmark, IsNewInstance: false);
        }, cancellationToken);

    private async Task<WorkflowDefinition> DefinitionOfAsync(IWorkflowUnitOfWork unit, WorkflowInstance instance, CancellationToken cancellationToken) =>
        engine.FindCompiled(instance.DefinitionVersionId)
        ?? engine.Compile(await unit.FindDefinitionVersionAsync(instance.DefinitionVersionId, cancellationToken)
            ?? throw new WorkflowDefinitionNotFoundException(instance.DefinitionVersionId));
}

using System.Text.Json.Nodes;
using Vorlagen.Workflows.Errors;
using Vorlagen.Workflows.Journal;
using Vorlagen.Workflows.Persistence;

namespace Vorlagen.Workflows.Runtime;

public sealed partial class WorkflowRuntime
{
    public async Task<WorkflowRunResult> CancelAsync(CancelWorkflowRequest request, CancellationToken cancellationToken)
    {
        await using var unit = await store.BeginAsync(cancellationToken);
        var instance = await unit.FindInstanceAsync(request.InstanceId, cancellationToken)
            ?? throw new WorkflowInstanceNotFoundException(request.InstanceId);
        if (instance.Status == WorkflowStatus.Finished)
        {
            throw new WorkflowNotRunningException(instance.Id, instance.SubStatus);
        }
        var open = await unit.ListBookmarksByInstanceAsync(instance.Id, cancellationToken);
        var now = Clock.GetUtcNow();
        var entry = new JournalEntry(JournalEvents.Cancelled, now, Message: request.Reason);
        var changes = Seal(Close(instance, WorkflowStatus.Finished, WorkflowSubStatus.Cancelled, instance.Incidents, request.Actor, entry, now)
            with { DeletedBookmarkIds = [.. open.Select(b => b.Id)] });
        await unit.EnsureTransactionAsync(cancellationToken);
        await unit.ApplyAsync(changes, cancellationToken);
        await unit.CommitAsync(cancellationToken);
        return new WorkflowRunResult(changes.Instance, [], changes.Journal);
    }

    /// <summary>
    /// Marks the instance Faulted with the incident. The run that faulted was rolled back, so the
    /// instance keeps its bookmarks: it stays Running (a person may retry the same action once the
    /// cause is fixed) unless it has none, e.g. when its very first run faulted.
    /// </summary>
    public async Task RecordFaultAsync(WorkflowFault fault, CancellationToken cancellationToken)
    {
        await using var unit = await store.BeginAsync(cancellationToken);
        await unit.EnsureTransactionAsync(cancellationToken);
        var stored = await unit.FindInstanceAsync(fault.InstanceId, cancellationToken);
        if (stored is null && !fault.IsNewInstance)
        {
            throw new WorkflowInstanceNotFoundException(fault.InstanceId);
        }
        var instance = stored ?? fault.InstanceBeforeRun;
        var open = stored is null ? [] : await unit.ListBookmarksByInstanceAsync(stored.Id, cancellationToken);
        var incident = fault.Incident;
        var now = Clock.GetUtcNow();
        var entry = new JournalEntry(JournalEvents.Faulted, now, incident.ActivityId, incident.ActivityType, null, incident.Message,
            new JsonObject { ["exceptionType"] = incident.ExceptionType });
        var status = open.Count == 0 ? WorkflowStatus.Finished : WorkflowStatus.Running;
        var changes = Seal(Close(instance, status, WorkflowSubStatus.Faulted, [.. instance.Incidents, incident], fault.Actor, entry, now)
            with { ExpectedVersion = stored?.Version });
        await unit.ApplyAsync(changes, cancellationToken);
        await unit.CommitAsync(cancellationToken);
    }

    private static WorkflowRunChanges Close(
        WorkflowInstance instance, WorkflowStatus status, WorkflowSubStatus subStatus, IReadOnlyList<WorkflowIncident> incidents,
        WorkflowActor actor, JournalEntry entry, DateTimeOffset now)
    {
        var journal = JournalChain.Append(instance.Id, instance.JournalSequence, instance.JournalHash, actor, [entry]);
        var updated = instance with
        {
            Version = instance.Version + 1,
            Status = status,
            SubStatus = subStatus,
            Incidents = incidents,
            JournalSequence = journal[^1].Sequence,
            JournalHash = journal[^1].Hash,
            UpdatedAt = now,
            FinishedAt = status == WorkflowStatus.Finished ? now : null,
        };
        return new WorkflowRunChanges(updated, instance.Version, [], [], journal);
    }
}

using Vorlagen.Workflows.Activities.BuiltIn;
using Vorlagen.Workflows.Errors;
using Vorlagen.Workflows.Journal;
using Vorlagen.Workflows.Persistence;

namespace Vorlagen.Workflows.Runtime;

public sealed partial class WorkflowRuntime
{
    public async Task<WorkflowInstanceState> GetStateAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var unit = await store.BeginAsync(cancellationToken);
        var instance = await unit.FindInstanceAsync(instanceId, cancellationToken)
            ?? throw new WorkflowInstanceNotFoundException(instanceId);
        return new WorkflowInstanceState(
            instance,
            await unit.ListBookmarksByInstanceAsync(instanceId, cancellationToken),
            await unit.ListJournalAsync(instanceId, cancellationToken));
    }

    public async Task<IReadOnlyList<WorkflowInstance>> FindInstancesAsync(string correlationId, CancellationToken cancellationToken)
    {
        await using var unit = await store.BeginAsync(cancellationToken);
        return await unit.ListInstancesByCorrelationAsync(correlationId, cancellationToken);
    }

    public async Task<IReadOnlyList<Bookmark>> GetOpenBookmarksAsync(string correlationId, CancellationToken cancellationToken)
    {
        await using var unit = await store.BeginAsync(cancellationToken);
        return await unit.ListBookmarksByCorrelationAsync(correlationId, cancellationToken);
    }

    public async Task<IReadOnlyList<AvailableAction>> GetAvailableActionsAsync(
        string correlationId, WorkflowActor actor, CancellationToken cancellationToken)
    {
        await using var unit = await store.BeginAsync(cancellationToken);
        var waits = await unit.ListBookmarksAsync(WaitForActionPayload.BookmarkName, correlationId, cancellationToken);
        return [.. waits.SelectMany(bookmark =>
        {
            var payload = WaitForActionPayload.FromJson(bookmark.Payload);
            return payload.ActionsFor(actor.Role).Select(action => new AvailableAction(
                action, bookmark.InstanceId, bookmark.Id, bookmark.ActivityId,
                payload.AllowedRoles.GetValueOrDefault(action) ?? []));
        })];
    }

    public async Task<IReadOnlyList<Bookmark>> GetDueTimersAsync(int max, CancellationToken cancellationToken)
    {
        await using var unit = await store.BeginAsync(cancellationToken);
        return await unit.ListDueBookmarksAsync(Clock.GetUtcNow(), max, cancellationToken);
    }

    public async Task<JournalVerificationResult> VerifyJournalAsync(string instanceId, CancellationToken cancellationToken)
    {
        var checkpoints = await ReadCheckpointsAsync(cancellationToken);
        await using var unit = await store.BeginAsync(cancellationToken);
        return await VerifyAsync(unit, instanceId, checkpoints, cancellationToken);
    }

    /// <summary>
    /// Every instance's journal, then every checkpointed instance that is gone and every problem of the
    /// checkpoint file itself (returned with <see cref="JournalVerificationResult.InstanceId"/> null).
    /// </summary>
    public async Task<IReadOnlyList<JournalVerificationResult>> VerifyEachJournalAsync(CancellationToken cancellationToken)
    {
        var checkpoints = await ReadCheckpointsAsync(cancellationToken);
        await using var unit = await store.BeginAsync(cancellationToken);
        var results = new List<JournalVerificationResult>();
        var ids = await unit.ListJournaledInstanceIdsAsync(cancellationToken);
        foreach (var instanceId in ids)
        {
            results.Add(await VerifyAsync(unit, instanceId, checkpoints, cancellationToken));
        }
        var present = ids.ToHashSet(StringComparer.Ordinal);
        foreach (var missing in checkpoints.Heads.Values.Where(h => !present.Contains(h.InstanceId)).OrderBy(h => h.InstanceId, StringComparer.Ordinal))
        {
            results.Add(new JournalVerificationResult(false, 0, null,
                $"The checkpoint of {missing.At:O} recorded {missing.Sequence} records of this instance, but it is gone from the database.",
                missing.InstanceId, JournalFindingCodes.InstanceMissing, Checkpoint: missing));
        }
        results.AddRange(checkpoints.Problems.Select(problem =>
            new JournalVerificationResult(false, 0, null, problem, null, JournalFindingCodes.CheckpointInvalid)));
        return results;
    }

    public async Task<JournalVerificationResult> VerifyAllJournalsAsync(CancellationToken cancellationToken)
    {
        long records = 0;
        foreach (var result in await VerifyEachJournalAsync(cancellationToken))
        {
            if (!result.Valid)
            {
                return result with { Records = records + result.Records };
            }
            records += result.Records;
        }
        return new JournalVerificationResult(true, records, null, null);
    }

    private async Task<JournalVerificationResult> VerifyAsync(
        IWorkflowUnitOfWork unit, string instanceId, JournalCheckpointLog checkpoints, CancellationToken cancellationToken) =>
        JournalVerifier.Verify(
            instanceId,
            await unit.ListJournalAsync(instanceId, cancellationToken),
            await unit.FindInstanceAsync(instanceId, cancellationToken),
            engine.Options.JournalKey,
            checkpoints.Find(instanceId));

    private async Task<JournalCheckpointLog> ReadCheckpointsAsync(CancellationToken cancellationToken) =>
        engine.Options.JournalCheckpoints is { } file ? await file.ReadAsync(cancellationToken) : JournalCheckpointLog.Missing;
}

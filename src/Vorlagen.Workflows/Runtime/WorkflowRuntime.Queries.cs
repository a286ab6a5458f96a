using Vorlagen.Workflows.Activities.BuiltIn;
using Vorlagen.Workflows.Errors;
using Vorlagen.Workflows.Journal;

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
        await using var unit = await store.BeginAsync(cancellationToken);
        return JournalVerifier.Verify(
            instanceId,
            await unit.ListJournalAsync(instanceId, cancellationToken),
            await unit.FindInstanceAsync(instanceId, cancellationToken));
    }

    public async Task<JournalVerificationResult> VerifyAllJournalsAsync(CancellationToken cancellationToken)
    {
        await using var unit = await store.BeginAsync(cancellationToken);
        long records = 0;
        foreach (var instanceId in await unit.ListJournaledInstanceIdsAsync(cancellationToken))
        {
            var result = JournalVerifier.Verify(
                instanceId,
                await unit.ListJournalAsync(instanceId, cancellationToken),
                await unit.FindInstanceAsync(instanceId, cancellationToken));
            if (!result.Valid)
            {
                return result with { Records = records + result.Records };
            }
            records += result.Records;
        }
        return new JournalVerificationResult(true, records, null, null);
    }
}

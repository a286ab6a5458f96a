using Vorlagen.Workflows.Persistence;

namespace Vorlagen.Workflows.Journal;

/// <summary>
/// Writes checkpoints of the journal heads to the <see cref="JournalCheckpointFile"/>. A head is only
/// vouched for after its whole chain verified with the key and against its previous checkpoint, so a
/// head rewritten in the database is never laundered into a checkpoint: it is refused (and reported)
/// and the earlier checkpoint stays the reference.
/// </summary>
public sealed class JournalCheckpointer(JournalKey key, JournalCheckpointFile file, TimeProvider clock)
{
    /// <summary>What one write did: the line number now last, how many heads it recorded, which instances it refused and why.</summary>
    public sealed record Outcome(bool Written, long Line, int Heads, IReadOnlyList<JournalVerificationResult> Refused);

    /// <summary>
    /// Appends a line with every head that changed since the last checkpoint. Without changes it writes
    /// nothing unless <paramref name="always"/> (an on-demand checkpoint is always recorded).
    /// </summary>
    public async Task<Outcome> WriteAsync(IWorkflowStore store, bool always, CancellationToken cancellationToken)
    {
        var refused = new List<JournalVerificationResult>();
        var count = 0;
        var (log, written) = await file.AppendAsync(async current =>
        {
            await using var unit = await store.BeginAsync(cancellationToken);
            var changed = new List<JournalHead>();
            foreach (var head in await unit.ListJournalHeadsAsync(cancellationToken))
            {
                if (head.Hash is null) continue;
                var checkpointed = current.Find(head.InstanceId);
                if (checkpointed is not null && checkpointed.Sequence == head.Sequence && checkpointed.Hash == head.Hash) continue;
                var result = JournalVerifier.Verify(head.InstanceId, await unit.ListJournalAsync(head.InstanceId, cancellationToken),
                    await unit.FindInstanceAsync(head.InstanceId, cancellationToken), key, checkpointed);
                if (result.Valid) changed.Add(head);
                else refused.Add(result);
            }
            count = changed.Count;
            return changed.Count > 0 || always || !current.Exists ? changed : null;
        }, clock.GetUtcNow(), cancellationToken);
        return new Outcome(written, log.LastLine, count, refused);
    }

    /// <summary>
    /// Trust on first use, once: when there is no checkpoint file yet and no head carries a MAC (the
    /// database predates sealing), every head whose chain verifies gets its MAC, and the first
    /// checkpoint is written at once. Once a checkpoint or a sealed head exists this does nothing, so
    /// clearing MACs later cannot get a rewritten head sealed. Returns how many heads it sealed.
    /// </summary>
    public async Task<int> SealLegacyHeadsAsync(IWorkflowStore store, CancellationToken cancellationToken)
    {
        if (file.Exists) return 0; // not ReadAsync: replaying (and checking) every line of a long file would hold up start-up
        var sealedCount = 0;
        await using (var unit = await store.BeginAsync(cancellationToken))
        {
            var heads = await unit.ListJournalHeadsAsync(cancellationToken);
            if (heads.Any(h => h.Mac is not null)) return 0;
            await unit.EnsureTransactionAsync(cancellationToken);
            foreach (var head in heads.Where(h => h.Hash is not null))
            {
                var result = JournalVerifier.Verify(head.InstanceId, await unit.ListJournalAsync(head.InstanceId, cancellationToken),
                    await unit.FindInstanceAsync(head.InstanceId, cancellationToken));
                if (!result.Valid) continue; // a chain already broken is reported, never sealed
                if (await unit.SealJournalHeadAsync(head.InstanceId, head.Sequence,
                        key.HeadMac(head.InstanceId, head.CorrelationId, head.Sequence, head.Hash), cancellationToken))
                    sealedCount++;
            }
            await unit.CommitAsync(cancellationToken);
        }
        await WriteAsync(store, always: true, cancellationToken);
        return sealedCount;
    }

    /// <summary>Writes a checkpoint every <paramref name="interval"/> (of the injected clock) when heads changed, until cancelled.</summary>
    public async Task RunAsync(Func<CancellationToken, Task> pass, TimeSpan interval, Action<Exception> onError, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval, clock);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            try
            {
                await pass(cancellationToken);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                onError(exception);
            }
        }
    }
}

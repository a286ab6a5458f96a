using Vorlagen.Workflows.Runtime;

namespace Vorlagen.Workflows.Journal;

/// <summary>
/// Walks one instance's records in sequence order and reports the first problem: a gap or
/// reordering (sequence not 1, 2, 3, …), a <c>previousHash</c> that is not the prior record's hash,
/// a hash that does not match the record's content, or a journal that ends before the head the
/// instance row recorded (truncation). With a <see cref="JournalKey"/> the head must carry its keyed
/// MAC, which catches a chain recomputed with plain SHA-256 and a head reset to an earlier record;
/// with a checkpointed head the journal must still contain that record unchanged, which catches
/// deletions and a database restored from an older backup even when every MAC is valid.
/// </summary>
public static class JournalVerifier
{
    public static JournalVerificationResult Verify(
        string instanceId, IReadOnlyList<WorkflowExecutionLogRecord> records, WorkflowInstance? instance,
        JournalKey? key = null, JournalCheckpointedHead? checkpoint = null)
    {
        string? previousHash = null;
        for (var index = 0; index < records.Count; index++)
        {
            var record = records[index];
            var expected = index + 1L;
            if (record.Sequence != expected)
            {
                return Broken(instanceId, records.Count, expected, JournalFindingCodes.SequenceGap,
                    $"Sequence {expected} is missing or out of order (found {record.Sequence}).");
            }
            if (record.PreviousHash != previousHash)
            {
                return Broken(instanceId, records.Count, expected, JournalFindingCodes.BrokenLink,
                    $"Record {expected} does not link to the hash of record {expected - 1}.");
            }
            if (JournalHasher.ComputeHash(record) != record.Hash)
            {
                return Broken(instanceId, records.Count, expected, JournalFindingCodes.RecordChanged,
                    $"Record {expected} was changed: its hash does not match its content.");
            }
            previousHash = record.Hash;
        }
        return CheckHead(instanceId, records, previousHash, instance, key, checkpoint);
    }

    private static JournalVerificationResult CheckHead(
        string instanceId, IReadOnlyList<WorkflowExecutionLogRecord> records, string? lastHash, WorkflowInstance? instance,
        JournalKey? key, JournalCheckpointedHead? checkpoint)
    {
        var count = records.Count;
        if (instance is null)
        {
            return Broken(instanceId, count, null, JournalFindingCodes.NoInstance, "The journal belongs to no workflow instance.") with
            {
                Checkpoint = checkpoint,
            };
        }
        if (instance.JournalSequence != count || instance.JournalHash != lastHash)
        {
            return Broken(instanceId, count, count + 1L, JournalFindingCodes.HeadMismatch,
                $"The journal ends at sequence {count} but the instance recorded {instance.JournalSequence} records.") with
            {
                HeadSequence = instance.JournalSequence,
            };
        }
        if (checkpoint is not null)
        {
            if (count < checkpoint.Sequence)
            {
                return Broken(instanceId, count, count + 1L, JournalFindingCodes.BehindCheckpoint,
                    $"The journal ends at sequence {count} but the checkpoint of {checkpoint.At:O} recorded {checkpoint.Sequence} records: " +
                    "records were deleted or the database was restored from an older backup.") with
                {
                    HeadSequence = instance.JournalSequence, Checkpoint = checkpoint,
                };
            }
            if (records[(int)checkpoint.Sequence - 1].Hash != checkpoint.Hash)
            {
                return Broken(instanceId, count, checkpoint.Sequence, JournalFindingCodes.DiffersFromCheckpoint,
                    $"Record {checkpoint.Sequence} differs from the checkpoint of {checkpoint.At:O}: the chain was rewritten.") with
                {
                    HeadSequence = instance.JournalSequence, Checkpoint = checkpoint,
                };
            }
        }
        if (key is not null && count > 0)
        {
            if (instance.JournalMac is null)
            {
                return Broken(instanceId, count, null, JournalFindingCodes.HeadUnsealed,
                    $"The journal head (sequence {count}) carries no MAC: it was not written by the application.") with
                {
                    HeadSequence = instance.JournalSequence,
                };
            }
            if (!JournalKey.Same(key.HeadMac(instance.Id, instance.CorrelationId, count, lastHash), instance.JournalMac))
            {
                return Broken(instanceId, count, null, JournalFindingCodes.HeadMacInvalid,
                    $"The MAC of the journal head (sequence {count}) is not valid: the head, its chain or the instance's correlation " +
                    "was rewritten by someone without the key.") with
                {
                    HeadSequence = instance.JournalSequence,
                };
            }
        }
        return new JournalVerificationResult(true, count, null, null, instanceId, HeadSequence: instance.JournalSequence, Checkpoint: checkpoint);
    }

    private static JournalVerificationResult Broken(string instanceId, long count, long? at, string code, string reason) =>
        new(false, count, at, reason, instanceId, code);
}

using Vorlagen.Workflows.Runtime;

namespace Vorlagen.Workflows.Journal;

/// <summary>
/// Walks one instance's records in sequence order and reports the first broken link: a gap or
/// reordering (sequence not 1, 2, 3, …), a <c>previousHash</c> that is not the prior record's hash,
/// a hash that does not match the record's content, or a journal that ends before the head the
/// instance row recorded (truncation).
/// </summary>
public static class JournalVerifier
{
    public static JournalVerificationResult Verify(
        string instanceId, IReadOnlyList<WorkflowExecutionLogRecord> records, WorkflowInstance? instance)
    {
        string? previousHash = null;
        for (var index = 0; index < records.Count; index++)
        {
            var record = records[index];
            var expected = index + 1L;
            if (record.Sequence != expected)
            {
                return Broken(instanceId, records.Count, expected,
                    $"Sequence {expected} is missing or out of order (found {record.Sequence}).");
            }
            if (record.PreviousHash != previousHash)
            {
                return Broken(instanceId, records.Count, expected,
                    $"Record {expected} does not link to the hash of record {expected - 1}.");
            }
            if (JournalHasher.ComputeHash(record) != record.Hash)
            {
                return Broken(instanceId, records.Count, expected,
                    $"Record {expected} was changed: its hash does not match its content.");
            }
            previousHash = record.Hash;
        }
        return CheckHead(instanceId, records.Count, previousHash, instance);
    }

    private static JournalVerificationResult CheckHead(
        string instanceId, int count, string? lastHash, WorkflowInstance? instance)
    {
        if (instance is null)
        {
            return Broken(instanceId, count, null, "The journal belongs to no workflow instance.");
        }
        if (instance.JournalSequence != count || instance.JournalHash != lastHash)
        {
            return Broken(instanceId, count, count + 1L,
                $"The journal ends at sequence {count} but the instance recorded {instance.JournalSequence} records.");
        }
        return new JournalVerificationResult(true, count, null, null, instanceId);
    }

    private static JournalVerificationResult Broken(string instanceId, long count, long? at, string reason) =>
        new(false, count, at, reason, instanceId);
}

using Vorlagen.Workflows.Json;
using Vorlagen.Workflows.Runtime;

namespace Vorlagen.Workflows.Journal;

/// <summary>Turns pending entries into sealed records that continue an instance's chain.</summary>
internal static class JournalChain
{
    public static IReadOnlyList<WorkflowExecutionLogRecord> Append(
        string instanceId, long headSequence, string? headHash, WorkflowActor actor, IEnumerable<JournalEntry> entries)
    {
        var records = new List<WorkflowExecutionLogRecord>();
        var sequence = headSequence;
        var previousHash = headHash;
        foreach (var entry in entries)
        {
            var record = JournalHasher.Seal(new WorkflowExecutionLogRecord(
                instanceId, ++sequence, entry.Timestamp, entry.EventName,
                entry.ActivityId, entry.ActivityType, entry.ActivityName,
                actor.Id, actor.Name, actor.Role, entry.Message,
                entry.Payload is null ? null : CanonicalJson.Serialize(entry.Payload),
                previousHash, Hash: string.Empty));
            records.Add(record);
            previousHash = record.Hash;
        }
        return records;
    }
}

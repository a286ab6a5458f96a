using Vorlagen.Workflows.Json;
using Vorlagen.Workflows.Persistence;

namespace Vorlagen.Workflows.Journal;

/// <summary>
/// The journal's hash chain.
/// <c>hash = lowercase hex SHA-256( UTF-8( (previousHash ?? "") + canonicalRecord ) )</c>, where
/// <c>canonicalRecord</c> is the <see cref="CanonicalJson"/> text of the object
/// <c>{ activityId, activityName, activityType, actorId, actorName, actorRole, eventName, instanceId,
/// message, payload, sequence, timestamp }</c>: strings or null, <c>sequence</c> a number,
/// <c>timestamp</c> the fixed-width <see cref="InstantText"/> form and <c>payload</c> the stored
/// payload text as a JSON string (so any edit of it, even whitespace, changes the hash).
/// The first record of an instance has <c>previousHash = null</c>.
/// </summary>
public static class JournalHasher
{
    public static string ComputeHash(WorkflowExecutionLogRecord record) =>
        CanonicalJson.Sha256Hex(record.PreviousHash ?? string.Empty, writer =>
        {
            // Written directly, in ordinal key order, instead of building and sorting a JsonObject.
            writer.WriteStartObject();
            writer.WriteString("activityId", record.ActivityId);
            writer.WriteString("activityName", record.ActivityName);
            writer.WriteString("activityType", record.ActivityType);
            writer.WriteString("actorId", record.ActorId);
            writer.WriteString("actorName", record.ActorName);
            writer.WriteString("actorRole", record.ActorRole);
            writer.WriteString("eventName", record.EventName);
            writer.WriteString("instanceId", record.InstanceId);
            writer.WriteString("message", record.Message);
            writer.WriteString("payload", record.Payload);
            writer.WriteNumber("sequence", record.Sequence);
            writer.WriteString("timestamp", InstantText.ToText(record.Timestamp));
            writer.WriteEndObject();
        });

    /// <summary>Returns the record with its <see cref="WorkflowExecutionLogRecord.Hash"/> filled in.</summary>
    public static WorkflowExecutionLogRecord Seal(WorkflowExecutionLogRecord record) =>
        record with { Hash = ComputeHash(record) };
}

using System.Text.Json.Nodes;
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
    public static string ComputeHash(WorkflowExecutionLogRecord record)
    {
        var canonical = new JsonObject
        {
            ["activityId"] = record.ActivityId,
            ["activityName"] = record.ActivityName,
            ["activityType"] = record.ActivityType,
            ["actorId"] = record.ActorId,
            ["actorName"] = record.ActorName,
            ["actorRole"] = record.ActorRole,
            ["eventName"] = record.EventName,
            ["instanceId"] = record.InstanceId,
            ["message"] = record.Message,
            ["payload"] = record.Payload,
            ["sequence"] = record.Sequence,
            ["timestamp"] = InstantText.ToText(record.Timestamp),
        };
        return Sha256Hex.Of((record.PreviousHash ?? string.Empty) + CanonicalJson.Serialize(canonical));
    }

    /// <summary>Returns the record with its <see cref="WorkflowExecutionLogRecord.Hash"/> filled in.</summary>
    public static WorkflowExecutionLogRecord Seal(WorkflowExecutionLogRecord record) =>
        record with { Hash = ComputeHash(record) };
}

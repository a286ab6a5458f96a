namespace Vorlagen.Workflows.Journal;

/// <summary>
/// One journal entry. <see cref="Payload"/> is canonical JSON text (or null); <see cref="Hash"/>
/// chains to <see cref="PreviousHash"/> as described in <see cref="JournalHasher"/>.
/// </summary>
public sealed record WorkflowExecutionLogRecord(
    string InstanceId,
    long Sequence,
    DateTimeOffset Timestamp,
    string EventName,
    string? ActivityId,
    string? ActivityType,
    string? ActivityName,
    string? ActorId,
    string? ActorName,
    string? ActorRole,
    string? Message,
    string? Payload,
    string? PreviousHash,
    string Hash);

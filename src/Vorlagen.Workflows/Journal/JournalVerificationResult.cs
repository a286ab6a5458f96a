namespace Vorlagen.Workflows.Journal;

/// <summary>
/// Outcome of a journal check: <see cref="Records"/> counts the records read; when invalid,
/// <see cref="InstanceId"/> and <see cref="BrokenAt"/> (a sequence, or null when the break is not
/// at one record, e.g. a missing head) locate the first problem, <see cref="Reason"/> names it and
/// <see cref="Code"/> is its stable code (<see cref="JournalFindingCodes"/>). <see cref="HeadSequence"/>
/// is the head the instance row recorded; <see cref="Checkpoint"/> the checkpointed head compared against.
/// </summary>
public sealed record JournalVerificationResult(
    bool Valid,
    long Records,
    long? BrokenAt,
    string? Reason,
    string? InstanceId = null,
    string? Code = null,
    long? HeadSequence = null,
    JournalCheckpointedHead? Checkpoint = null);

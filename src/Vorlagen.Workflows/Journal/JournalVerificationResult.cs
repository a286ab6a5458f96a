namespace Vorlagen.Workflows.Journal;

/// <summary>
/// Outcome of a journal check: <see cref="Records"/> counts the records read; when invalid,
/// <see cref="InstanceId"/> and <see cref="BrokenAt"/> (a sequence, or null when the break is not
/// at one record, e.g. a missing head) locate the first problem and <see cref="Reason"/> names it.
/// </summary>
public sealed record JournalVerificationResult(
    bool Valid,
    long Records,
    long? BrokenAt,
    string? Reason,
    string? InstanceId = null);

namespace Vorlagen.Workflows.Journal;

/// <summary>An instance's head as the latest checkpoint line that named it recorded.</summary>
public sealed record JournalCheckpointedHead(string InstanceId, long Sequence, string Hash, DateTimeOffset At, long Line);

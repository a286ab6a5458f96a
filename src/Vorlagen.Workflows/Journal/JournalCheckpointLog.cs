namespace Vorlagen.Workflows.Journal;

/// <summary>
/// The checkpoint file as read: per instance the head its latest line recorded, the last line's number,
/// MAC and time, and the problems found in the file (lines unreadable, with an invalid MAC, or not
/// following the line before). Heads of a line with an invalid MAC are not used.
/// </summary>
public sealed record JournalCheckpointLog(
    bool Exists,
    IReadOnlyDictionary<string, JournalCheckpointedHead> Heads,
    long LastLine,
    string? LastMac,
    DateTimeOffset? LastAt,
    IReadOnlyList<string> Problems)
{
    public static JournalCheckpointLog Missing { get; } =
        new(false, new Dictionary<string, JournalCheckpointedHead>(StringComparer.Ordinal), 0, null, null, []);

    public JournalCheckpointedHead? Find(string instanceId) => Heads.GetValueOrDefault(instanceId);
}

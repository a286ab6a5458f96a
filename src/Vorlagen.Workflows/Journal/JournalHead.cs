namespace Vorlagen.Workflows.Journal;

/// <summary>The head of one instance's journal as stored on its row (<c>journal_sequence</c>, <c>journal_hash</c>, <c>journal_mac</c>).</summary>
public sealed record JournalHead(string InstanceId, string? CorrelationId, long Sequence, string? Hash, string? Mac);

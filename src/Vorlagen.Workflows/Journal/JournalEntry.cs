using System.Text.Json.Nodes;

namespace Vorlagen.Workflows.Journal;

/// <summary>A journal entry before it gets its sequence and hash (at commit).</summary>
public sealed record JournalEntry(
    string EventName,
    DateTimeOffset Timestamp,
    string? ActivityId = null,
    string? ActivityType = null,
    string? ActivityName = null,
    string? Message = null,
    JsonNode? Payload = null);

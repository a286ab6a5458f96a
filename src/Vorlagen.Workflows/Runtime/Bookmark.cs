using System.Text.Json.Nodes;

namespace Vorlagen.Workflows.Runtime;

/// <summary>
/// A waiting point of an instance. <see cref="Hash"/> is SHA-256 over the name and the canonical
/// payload (Elsa's bookmark hash); <see cref="DueAt"/> is set for timers.
/// </summary>
public sealed record Bookmark(
    string Id,
    string InstanceId,
    string? CorrelationId,
    string Name,
    string Hash,
    JsonObject Payload,
    string ActivityId,
    string ActivityInstanceId,
    DateTimeOffset? DueAt,
    DateTimeOffset CreatedAt);

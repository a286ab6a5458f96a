using System.Text.Json.Nodes;
using Vorlagen.Workflows.Json;

namespace Vorlagen.Workflows.Runtime;

/// <summary>
/// Selects open bookmarks by name and correlation id, optionally by payload: every property of
/// <see cref="Payload"/> must equal the bookmark payload's property, or — when that is an array —
/// be one of its elements (so <c>{ "allowedActions": "release" }</c> finds the wait offering "release").
/// </summary>
public sealed record BookmarkFilter(string Name, string CorrelationId, JsonObject? Payload = null)
{
    public bool Matches(Bookmark bookmark) =>
        bookmark.Name == Name
        && bookmark.CorrelationId == CorrelationId
        && (Payload is null || Payload.All(expected => Contains(bookmark.Payload[expected.Key], expected.Value)));

    private static bool Contains(JsonNode? actual, JsonNode? expected) =>
        JsonState.ValueEquals(actual, expected)
        || (actual is JsonArray items && expected is not JsonArray && items.Any(item => JsonState.ValueEquals(item, expected)));
}

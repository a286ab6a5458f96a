using System.Globalization;

namespace Vorlagen.Api.Infrastructure;

/// <summary>
/// The <c>If-Match</c> precondition (RFC 9110 §13.1.1) against our strong ETags <c>"N"</c> (N = version): <c>*</c> holds for
/// any current version, a list holds when one entry is the current ETag; weak tags (<c>W/"3"</c>) never hold, as If-Match
/// compares strongly. Commands carry the outcome as <c>int?</c>: null = no precondition, else the version the resource
/// must still have (<see cref="Never"/> when no entry can hold).
/// </summary>
public static class IfMatch
{
    /// <summary>A version no resource has (versions start at 1), so <see cref="Check"/> always answers 412.</summary>
    public const int Never = 0;

    /// <param name="currentVersion">only read for a list naming several versions, to pick the one that holds.</param>
    /// <returns>null when the header is absent or <c>*</c>; the expected version otherwise.</returns>
    public static async Task<int?> ParseAsync(HttpRequest request, Func<Task<int>> currentVersion)
    {
        var versions = Versions(request.Headers.IfMatch.ToString());
        if (versions is null) return null;
        if (versions.Count <= 1) return versions.Count == 0 ? Never : versions[0];
        // The command checks the chosen version again (and its UPDATE is guarded by it), so a change in between is 412, never lost.
        var current = await currentVersion();
        return versions.Contains(current) ? current : versions[0];
    }

    /// <summary>412 when the client's version is stale; absent header means "no precondition".</summary>
    public static void Check(int? expected, int current)
    {
        if (expected is { } version && version != current) throw new PreconditionFailedException(current);
    }

    // null: absent or "*". Otherwise the distinct versions of the strong tags; other well-formed tags (weak, "abc", "007") match nothing.
    private static List<int>? Versions(string header)
    {
        var rest = header.AsSpan().Trim(" \t");
        if (rest.IsEmpty || rest is "*") return null;
        var versions = new List<int>();
        var tags = 0;
        while (!rest.IsEmpty)
        {
            if (rest[0] == ',') // empty list elements are allowed (RFC 9110 §5.6.1)
            {
                rest = rest[1..].TrimStart(" \t");
                continue;
            }
            var weak = rest.StartsWith("W/", StringComparison.Ordinal);
            if (weak) rest = rest[2..];
            var end = rest.Length > 1 && rest[0] == '"' ? rest[1..].IndexOf('"') : -1;
            if (end < 0 || !IsOpaque(rest.Slice(1, end))) throw Invalid();
            var tag = rest.Slice(1, end);
            if (!weak && tag is [>= '1' and <= '9', ..] && int.TryParse(tag, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
                && !versions.Contains(version))
            {
                versions.Add(version);
            }
            tags++;
            rest = rest[(end + 2)..].TrimStart(" \t");
            if (!rest.IsEmpty && rest[0] != ',') throw Invalid();
        }
        return tags > 0 ? versions : throw Invalid();
    }

    // etagc = %x21 / %x23-7E / obs-text
    private static bool IsOpaque(ReadOnlySpan<char> tag)
    {
        foreach (var c in tag)
        {
            if (c is not ('!' or >= '#' and <= '~' or >= '\u0080' and <= '\u00FF')) return false;
        }
        return true;
    }

    private static BadRequestException Invalid() => new("bad_if_match",
        "Der If-Match-Header muss die Version aus dem ETag enthalten, z. B. \"3\".");
}

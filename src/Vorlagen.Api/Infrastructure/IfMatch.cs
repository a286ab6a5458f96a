namespace Vorlagen.Api.Infrastructure;

/// <summary>Reads the expected version from an <c>If-Match</c> header (<c>"3"</c> or <c>W/"3"</c>).</summary>
public static class IfMatch
{
    /// <returns>null when the header is absent; the version otherwise.</returns>
    public static int? Parse(HttpRequest request)
    {
        var raw = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var value = raw.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal)) value = value[2..];
        value = value.Trim('"');
        return int.TryParse(value, out var version) && version > 0
            ? version
            : throw new BadRequestException("bad_if_match",
                "Der If-Match-Header muss die Version aus dem ETag enthalten, z. B. \"3\".");
    }

    /// <summary>412 when the client's version is stale; absent header means "no precondition".</summary>
    public static void Check(int? expected, int current)
    {
        if (expected is { } version && version != current) throw new PreconditionFailedException(current);
    }
}

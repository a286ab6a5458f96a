using System.Globalization;
using System.Text.RegularExpressions;
using Vorlagen.Api.Data;

namespace Vorlagen.Api.Features.OParl;

/// <summary>
/// The parameters of every external list: <c>created_since</c>, <c>created_until</c>, <c>modified_since</c>,
/// <c>modified_until</c> (full date-times with offset), <c>limit</c> (1–<see cref="MaxLimit"/>, larger values are
/// capped), <c>omit_internal</c> and our keyset cursor <c>after</c>. The bounds compare like the second-precision
/// values the objects show: <c>modified_until=T</c> includes an object showing <c>modified</c> = T.
/// </summary>
public sealed partial record OParlListFilter(
    string? CreatedSince, string? CreatedBefore, string? ModifiedSince, string? ModifiedBefore, int Limit, long After, bool OmitInternal,
    IReadOnlyList<KeyValuePair<string, string>> Kept)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static readonly OParlListFilter Default = new(null, null, null, null, DefaultLimit, 0, false, []);

    /// <summary>Dapper arguments; <c>PageSize</c> asks for one row more to know whether a next page exists.</summary>
    public object Args => new { CreatedSince, CreatedBefore, ModifiedSince, ModifiedBefore, After, PageSize = Limit + 1, Offset = 0 };

    /// <summary>The list URL with the client's filters kept, and the cursor of the page (0: the first page).</summary>
    public string Url(string listUrl, long after)
    {
        var parts = Kept.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}").ToList();
        if (after > 0) parts.Add($"after={after}");
        return parts.Count == 0 ? listUrl : $"{listUrl}?{string.Join('&', parts)}";
    }

    /// <exception cref="OParlException">400 with a message naming the parameter.</exception>
    public static OParlListFilter Parse(IQueryCollection query)
    {
        var kept = new List<KeyValuePair<string, string>>();
        string? Instant(string name, bool upper)
        {
            if (Single(query, name) is not { } raw) return null;
            // An unencoded "+" of the offset arrives as a space.
            var text = raw.Replace(' ', '+');
            if (!DateTimePattern().IsMatch(text)
                || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
                throw new OParlException(400, "invalid_parameter",
                    $"Der Parameter „{name}“ braucht Datum, Uhrzeit und Zeitzone, z. B. 2024-01-31T12:00:00+01:00.");
            kept.Add(new(name, text));
            var second = TimeSpan.TicksPerSecond;
            var ticks = value.UtcTicks;
            // since: the shown (whole-second) value is ≥ T; until: the shown value is ≤ T.
            var bound = upper ? ticks - ticks % second + second : (ticks % second == 0 ? ticks : ticks - ticks % second + second);
            return Instants.Format(new DateTimeOffset(bound, TimeSpan.Zero));
        }

        var createdSince = Instant("created_since", false);
        var createdBefore = Instant("created_until", true);
        var modifiedSince = Instant("modified_since", false);
        var modifiedBefore = Instant("modified_until", true);

        var limit = DefaultLimit;
        if (Single(query, "limit") is { } limitText)
        {
            if (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1)
                throw new OParlException(400, "invalid_parameter", $"Der Parameter „limit“ muss eine ganze Zahl ab 1 sein (höchstens {MaxLimit} je Seite).");
            limit = Math.Min(limit, MaxLimit);
            kept.Add(new("limit", limit.ToString(CultureInfo.InvariantCulture)));
        }
        var omit = false;
        if (Single(query, "omit_internal") is { } omitText)
        {
            omit = omitText switch
            {
                "true" => true,
                "false" => false,
                _ => throw new OParlException(400, "invalid_parameter", "Der Parameter „omit_internal“ ist „true“ oder „false“."),
            };
            kept.Add(new("omit_internal", omitText));
        }
        long after = 0;
        if (Single(query, "after") is { } afterText
            && (!long.TryParse(afterText, NumberStyles.None, CultureInfo.InvariantCulture, out after) || after < 0))
            throw new OParlException(400, "invalid_parameter", "Der Parameter „after“ stammt aus einem „next“-Link und ist eine ganze Zahl.");
        return new(createdSince, createdBefore, modifiedSince, modifiedBefore, limit, after, omit, kept);
    }

    private static string? Single(IQueryCollection query, string name)
    {
        if (!query.TryGetValue(name, out var values)) return null;
        if (values.Count != 1) throw new OParlException(400, "invalid_parameter", $"Der Parameter „{name}“ darf nur einmal angegeben werden.");
        return values[0];
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimePattern();
}

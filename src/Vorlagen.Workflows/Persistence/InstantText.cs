using System.Globalization;

namespace Vorlagen.Workflows.Persistence;

/// <summary>
/// Instants as fixed-width ISO-8601 UTC text (<c>yyyy-MM-ddTHH:mm:ss.fffffffZ</c>): the same width
/// for every value, so string comparison in SQLite and SQL Server orders them by time.
/// </summary>
public static class InstantText
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string ToText(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public static string? ToText(DateTimeOffset? instant) => instant is { } value ? ToText(value) : null;

    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.ParseExact(text, Format, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static DateTimeOffset? ParseNullable(string? text) => text is null ? null : Parse(text);
}

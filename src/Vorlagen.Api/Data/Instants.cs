using System.Globalization;

namespace Vorlagen.Api.Data;

/// <summary>
/// Instants are stored as fixed-width ISO 8601 UTC text, so they sort and compare as strings in
/// SQLite and convert implicitly to <c>datetimeoffset</c> in SQL Server.
/// </summary>
public static class Instants
{
    public const string StorageFormat = "yyyy-MM-ddTHH:mm:ss.fffffffZ";

    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString(StorageFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}

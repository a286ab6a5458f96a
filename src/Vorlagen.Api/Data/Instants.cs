using Vorlagen.Workflows.Persistence;

namespace Vorlagen.Api.Data;

/// <summary>
/// Instants are stored as fixed-width ISO 8601 UTC text, so they sort and compare as strings in
/// SQLite and convert implicitly in SQL Server. The same format as the workflow tables, by construction.
/// </summary>
public static class Instants
{
    public static string Format(DateTimeOffset instant) => InstantText.ToText(instant);

    public static DateTimeOffset Parse(string text) => InstantText.Parse(text);
}

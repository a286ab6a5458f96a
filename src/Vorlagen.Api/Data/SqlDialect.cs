namespace Vorlagen.Api.Data;

/// <summary>
/// The few places where SQLite and SQL Server disagree. Slice SQL is written once and may contain
/// the tokens <c>{{Page}}</c> (after an ORDER BY; binds @Offset and @PageSize) and <c>{{ReturnId}}</c>
/// (after an INSERT; selects the generated id). An unrendered token fails loudly in both databases.
/// </summary>
public abstract class SqlDialect
{
    public abstract string Provider { get; }
    protected abstract string PageClause { get; }
    protected abstract string ReturnIdClause { get; }

    public string Render(string sql) => sql
        .Replace("{{Page}}", PageClause, StringComparison.Ordinal)
        .Replace("{{ReturnId}}", ReturnIdClause, StringComparison.Ordinal);

    public static SqlDialect For(string provider) => provider switch
    {
        DatabaseOptions.Sqlite => new SqliteDialect(),
        DatabaseOptions.SqlServer => new SqlServerDialect(),
        _ => throw new InvalidOperationException(
            $"Unbekannter Datenbank-Provider '{provider}'. Erlaubt: '{DatabaseOptions.Sqlite}', '{DatabaseOptions.SqlServer}'."),
    };
}

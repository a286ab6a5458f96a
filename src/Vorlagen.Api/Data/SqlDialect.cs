using System.Text.RegularExpressions;

namespace Vorlagen.Api.Data;

/// <summary>
/// The few places where SQLite, SQL Server and PostgreSQL disagree. Slice SQL is written once and may
/// contain the tokens <c>{{Page}}</c> (after an ORDER BY; binds @Offset and @PageSize), <c>{{ReturnId}}</c>
/// (after an INSERT; selects the generated id) and <c>{{Lower:expr}}</c> (the expression lowercased for
/// all of Unicode, for case-insensitive search). An unrendered token fails loudly in every database.
/// </summary>
public abstract partial class SqlDialect
{
    public abstract string Provider { get; }
    protected abstract string PageClause { get; }
    protected abstract string ReturnIdClause { get; }

    /// <summary>An expression lowercased the same way in every database (callers lowercase the search term with ToLowerInvariant).</summary>
    public virtual string Lower(string expression) => $"LOWER({expression})";

    /// <summary>Taken before start-up work (migrations, demo data, workflow publishing) so app nodes starting together take turns; empty: none needed.</summary>
    public virtual string StartupLockSql => "";
    public virtual string StartupUnlockSql => "";

    [GeneratedRegex(@"\{\{Lower:(?<expression>[^}]+)\}\}")]
    private static partial Regex LowerToken();

    public string Render(string sql) => LowerToken().Replace(sql
            .Replace("{{Page}}", PageClause, StringComparison.Ordinal)
            .Replace("{{ReturnId}}", ReturnIdClause, StringComparison.Ordinal),
        m => Lower(m.Groups["expression"].Value));

    public static SqlDialect For(string provider) => provider switch
    {
        DatabaseOptions.Sqlite => new SqliteDialect(),
        DatabaseOptions.SqlServer => new SqlServerDialect(),
        DatabaseOptions.PostgreSql => new PostgreSqlDialect(),
        _ => throw new InvalidOperationException(
            $"Unbekannter Datenbank-Provider '{provider}'. Erlaubt: '{DatabaseOptions.Sqlite}', '{DatabaseOptions.SqlServer}', '{DatabaseOptions.PostgreSql}'."),
    };
}

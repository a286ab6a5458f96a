namespace Vorlagen.Api.Data;

/// <summary>
/// PostgreSQL (Npgsql). The scripts in <c>db/postgresql</c> keep SQLite's column types (TEXT instants
/// and dates, SMALLINT 0/1 flags), so slice SQL runs unchanged; flags go out as integers (<see cref="DapperSetup"/>).
/// </summary>
public sealed class PostgreSqlDialect : SqlDialect
{
    /// <summary>The key of the session-level advisory lock that serialises start-up across app nodes.</summary>
    public const long StartupLockKey = 0x566F_726C_6167_656E; // "Vorlagen" in ASCII

    public override string Provider => DatabaseOptions.PostgreSql;
    protected override string PageClause => "LIMIT @PageSize OFFSET @Offset";
    protected override string ReturnIdClause => " RETURNING id";

    // The ICU root collation lowercases all of Unicode whatever the database's LC_CTYPE (in the "C" locale LOWER folds ASCII only).
    public override string Lower(string expression) => $"LOWER({expression} COLLATE \"und-x-icu\")";

    public override string StartupLockSql => $"SELECT pg_advisory_lock({StartupLockKey})";
    public override string StartupUnlockSql => $"SELECT pg_advisory_unlock({StartupLockKey})";
}

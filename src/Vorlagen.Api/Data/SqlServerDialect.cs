namespace Vorlagen.Api.Data;

public sealed class SqlServerDialect : SqlDialect
{
    public override string Provider => DatabaseOptions.SqlServer;
    protected override string PageClause => "OFFSET @Offset ROWS FETCH NEXT @PageSize ROWS ONLY";
    protected override string ReturnIdClause => "; SELECT CAST(SCOPE_IDENTITY() AS BIGINT);";

    // A session-owned application lock; released explicitly or when the connection closes.
    public override string StartupLockSql =>
        "EXEC sp_getapplock @Resource = N'vorlagen-startup', @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = -1";
    public override string StartupUnlockSql => "EXEC sp_releaseapplock @Resource = N'vorlagen-startup', @LockOwner = 'Session'";
}

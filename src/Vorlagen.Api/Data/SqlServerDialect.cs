namespace Vorlagen.Api.Data;

public sealed class SqlServerDialect : SqlDialect
{
    public override string Provider => DatabaseOptions.SqlServer;
    protected override string PageClause => "OFFSET @Offset ROWS FETCH NEXT @PageSize ROWS ONLY";
    protected override string ReturnIdClause => "; SELECT CAST(SCOPE_IDENTITY() AS BIGINT);";
}

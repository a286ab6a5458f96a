namespace Vorlagen.Api.Data;

public sealed class SqliteDialect : SqlDialect
{
    public override string Provider => DatabaseOptions.Sqlite;
    protected override string PageClause => "LIMIT @PageSize OFFSET @Offset";
    protected override string ReturnIdClause => "; SELECT last_insert_rowid();";
}

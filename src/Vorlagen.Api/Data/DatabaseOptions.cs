namespace Vorlagen.Api.Data;

/// <summary>Which database Vorlagen talks to. Bound from <c>Vorlagen:Database</c> and <c>ConnectionStrings:Vorlagen</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Sqlite = "sqlite";
    public const string SqlServer = "sqlserver";
    public const string PostgreSql = "postgresql";

    public string Provider { get; set; } = Sqlite;
    public string ConnectionString { get; set; } = "Data Source=data/vorlagen.db";
}

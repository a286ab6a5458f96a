using Vorlagen.Api.Data;

namespace Vorlagen.Api.Tests.Support;

/// <summary>A fresh, empty database of one provider: a SQLite file in a temp folder or a new PostgreSQL database.</summary>
public abstract class TestDatabase : IDisposable
{
    public abstract DatabaseOptions Options { get; }
    public ConnectionFactory Factory => new(Options);

    public static TestDatabase Create(string provider) => provider switch
    {
        DatabaseOptions.Sqlite => new SqliteFile(),
        DatabaseOptions.PostgreSql => new PostgresDatabase(PostgresTestDatabase.Create()),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "no test database for this provider"),
    };

    public abstract void Dispose();

    private sealed class SqliteFile : TestDatabase
    {
        private readonly TempFolder _folder = new();
        public override DatabaseOptions Options => new() { Provider = DatabaseOptions.Sqlite, ConnectionString = $"Data Source={_folder.File("test.db")}" };
        public override void Dispose() => _folder.Dispose();
    }

    private sealed class PostgresDatabase(PostgresTestDatabase database) : TestDatabase
    {
        public override DatabaseOptions Options => new() { Provider = DatabaseOptions.PostgreSql, ConnectionString = database.ConnectionString };
        public override void Dispose() => database.Dispose();
    }
}

/// <summary>The real application on a fresh PostgreSQL database of the test server.</summary>
public sealed class PostgreSqlApp : VorlagenApp
{
    public override string Provider => DatabaseOptions.PostgreSql;
}

using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Vorlagen.Api.Data;

/// <summary>Opens connections for the configured provider; the only place that knows provider types.</summary>
public sealed class ConnectionFactory
{
    // Per-connection settings; journal_mode=WAL is persistent in the file but cheap to repeat.
    private const string SqlitePragmas =
        "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000; PRAGMA synchronous=NORMAL;";

    private readonly DatabaseOptions _options;

    public ConnectionFactory(DatabaseOptions options)
    {
        _options = options;
        DapperSetup.Register();
        Dialect = SqlDialect.For(options.Provider);
        if (options.Provider == DatabaseOptions.Sqlite) EnsureSqliteFolder(options.ConnectionString);
    }

    public SqlDialect Dialect { get; }
    public string Provider => _options.Provider;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        DbConnection connection = _options.Provider switch
        {
            DatabaseOptions.Sqlite => new SqliteConnection(_options.ConnectionString),
            DatabaseOptions.PostgreSql => new NpgsqlConnection(_options.ConnectionString),
            _ => new SqlConnection(_options.ConnectionString),
        };
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (connection is SqliteConnection sqlite)
            {
                // SQLite's LOWER and LIKE fold ASCII only; search must find "Öffentlich" for "ÖFFENTLICH" as SQL Server's CI collation does.
                sqlite.CreateFunction("lower", (string? text) => text?.ToLowerInvariant(), isDeterministic: true);
                await using var pragma = connection.CreateCommand();
                pragma.CommandText = SqlitePragmas;
                await pragma.ExecuteNonQueryAsync(cancellationToken);
            }
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrWhiteSpace(dataSource) || dataSource == ":memory:") return;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
    }
}

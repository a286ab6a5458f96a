using Dapper;
using Microsoft.Data.Sqlite;

namespace Vorlagen.Benchmarks;

/// <summary>A temp SQLite file with db/sqlite/0002_workflows.sql and 0009_journal_mac.sql applied, opened with the production pragmas.</summary>
internal sealed class SqliteBenchmarkDatabase : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("vorlagen-bench-").FullName;

    public SqliteBenchmarkDatabase()
    {
        FilePath = Path.Combine(folder, "bench.db");
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        var scripts = File.ReadAllText(MigrationPath()) + ";" + File.ReadAllText(MigrationPath().Replace("0002_workflows", "0009_journal_mac"));
        foreach (var statement in scripts.Split(';').Where(s => s.Contains("CREATE", StringComparison.Ordinal) || s.Contains("ALTER", StringComparison.Ordinal)))
        {
            connection.Execute(statement, transaction: transaction);
        }
        transaction.Commit();
    }

    public string FilePath { get; }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = FilePath, Pooling = false }.ToString());
        connection.Open();
        connection.Execute("PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000; PRAGMA synchronous=NORMAL;");
        return connection;
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string MigrationPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Vorlagen.sln")))
            {
                return Path.Combine(dir.FullName, "db", "sqlite", "0002_workflows.sql");
            }
        }
        throw new InvalidOperationException("Vorlagen.sln not found above " + AppContext.BaseDirectory);
    }
}

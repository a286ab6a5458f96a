using Dapper;
using Microsoft.Data.Sqlite;

namespace Vorlagen.Workflows.Tests.Infrastructure;

/// <summary>
/// A fresh SQLite file in a temp folder with db/sqlite/0002_workflows.sql and 0009_journal_mac.sql applied (as the lead's
/// migrator would: in one transaction), plus a domain table test activities write to.
/// Connections use the production pragmas; pooling is off so the file can be deleted.
/// </summary>
public sealed class SqliteTestDatabase : IDisposable
{
    public const string DomainTableSql =
        "CREATE TABLE domain_rows (id TEXT NOT NULL PRIMARY KEY, instance_id TEXT NOT NULL, note TEXT NOT NULL)";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "vorlagen-wf-" + Guid.NewGuid().ToString("N"));

    public SqliteTestDatabase()
    {
        Directory.CreateDirectory(folder);
        FilePath = Path.Combine(folder, "workflows.db");
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        string[] files = [RepositoryPaths.SqliteMigration, .. RepositoryPaths.LaterSqliteMigrations];
        // Comment lines go first: a comment may contain ';'.
        var script = string.Join(";\n", files.Select(f => string.Join('\n', File.ReadAllLines(f).Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal)))));
        foreach (var statement in script.Split(';').Select(s => s.Trim()).Where(s => s.Length > 0 && !IsOnlyComments(s)))
        {
            connection.Execute(statement, transaction: transaction);
        }
        connection.Execute(DomainTableSql, transaction: transaction);
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

    public void Dispose()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A connection still closing; the temp folder is cleaned by the OS eventually.
        }
    }

    private static bool IsOnlyComments(string statement) =>
        statement.Split('\n').All(line => line.Trim().Length == 0 || line.Trim().StartsWith("--", StringComparison.Ordinal));
}

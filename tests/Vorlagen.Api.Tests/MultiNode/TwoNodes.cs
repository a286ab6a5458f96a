using Dapper;
using Npgsql;
using Vorlagen.Api.Data;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.MultiNode;

/// <summary>
/// Two app processes on one fresh PostgreSQL database. They start together while the test holds the
/// start-up lock, so both are waiting for it when it is released: a real race for the migrations.
/// Without a configured server nothing starts (the tests report themselves skipped).
/// </summary>
public sealed class TwoNodes : IAsyncLifetime
{
    private PostgresTestDatabase? _database;

    public AppNode A { get; private set; } = default!;
    public AppNode B { get; private set; } = default!;
    public string ConnectionString => _database!.ConnectionString;
    /// <summary>How many nodes were waiting for the start-up lock when the test released it.</summary>
    public int WaitingAtRelease { get; private set; }
    /// <summary>Per node, the "Applied migration" and "Published workflow" log lines of the first start.</summary>
    public (int Applied, int Published)[] Startup { get; private set; } = [];

    public async Task InitializeAsync()
    {
        if (TestPostgres.SkipReason is not null) return;
        _database = PostgresTestDatabase.Create();
        await using var holder = new NpgsqlConnection(ConnectionString);
        await holder.OpenAsync();
        await holder.ExecuteAsync($"SELECT pg_advisory_lock({PostgreSqlDialect.StartupLockKey})");
        A = AppNode.Start("A", ConnectionString);
        B = AppNode.Start("B", ConnectionString);
        WaitingAtRelease = await WaitForWaitersAsync(holder, 2);
        await holder.ExecuteAsync($"SELECT pg_advisory_unlock({PostgreSqlDialect.StartupLockKey})");
        await Task.WhenAll(A.WaitUntilHealthyAsync(), B.WaitUntilHealthyAsync());
        Startup = [.. new[] { A, B }.Select(n => (n.LogLines("Applied migration"), n.LogLines("Published workflow")))];
    }

    private async Task<int> WaitForWaitersAsync(NpgsqlConnection connection, int expected)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2); // a guard against a node that never gets there
        while (true)
        {
            var waiting = await connection.ExecuteScalarAsync<int>(
                "SELECT COUNT(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database " +
                "WHERE l.locktype = 'advisory' AND NOT l.granted AND d.datname = current_database()");
            if (waiting >= expected || DateTime.UtcNow > deadline) return waiting;
            await A.ThrowIfExitedAsync();
            await B.ThrowIfExitedAsync();
            await Task.Delay(50);
        }
    }

    public async Task<T> ScalarAsync<T>(string sql, object? args = null)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        return (await connection.ExecuteScalarAsync<T>(sql, args))!;
    }

    public async Task<List<T>> QueryAsync<T>(string sql, object? args = null)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        return [.. await connection.QueryAsync<T>(sql, args)];
    }

    /// <summary>Restarts node A from another app folder (e.g. with changed workflow definitions) while B keeps running.</summary>
    public async Task RestartAAsync(string appFolder)
    {
        await A.DisposeAsync();
        A = AppNode.Start("A'", ConnectionString, appFolder);
        await A.WaitUntilHealthyAsync();
    }

    public async Task DisposeAsync()
    {
        if (_database is null) return;
        await A.DisposeAsync();
        await B.DisposeAsync();
        _database.Dispose();
    }
}

using System.Data.Common;
using Dapper;

namespace Vorlagen.Api.Data;

/// <summary>
/// Serialises start-up work (migrations, demo data, workflow publishing) across app nodes on one
/// shared database: PostgreSQL's session advisory lock, SQL Server's session app lock. The second
/// node waits here and then finds everything done. SQLite serves one node and takes no lock.
/// </summary>
public sealed class StartupLock : IAsyncDisposable
{
    private readonly DbConnection? _connection;
    private readonly string _unlockSql;

    private StartupLock(DbConnection? connection, string unlockSql) => (_connection, _unlockSql) = (connection, unlockSql);

    public static async Task<StartupLock> AcquireAsync(ConnectionFactory factory, CancellationToken cancellationToken)
    {
        if (factory.Dialect.StartupLockSql.Length == 0) return new StartupLock(null, "");
        var connection = await factory.OpenAsync(cancellationToken);
        try
        {
            // Waits as long as the other node needs; no command timeout.
            await connection.ExecuteAsync(new CommandDefinition(factory.Dialect.StartupLockSql, commandTimeout: 0, cancellationToken: cancellationToken));
            return new StartupLock(connection, factory.Dialect.StartupUnlockSql);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is null) return;
        try
        {
            await _connection.ExecuteAsync(_unlockSql);
        }
        finally
        {
            // Closing ends the session, which releases the lock in any case (a pooled PostgreSQL connection is reset with DISCARD ALL).
            await _connection.DisposeAsync();
        }
    }
}

using System.Data.Common;
using Vorlagen.Workflows.Persistence;

namespace Vorlagen.Api.Data;

/// <summary>
/// One connection per request scope, opened on first use. The transaction behavior begins the
/// transaction for commands; every Dapper call passes <see cref="Transaction"/> along, and the workflow
/// runtime joins the same transaction, so a run commits together with the rows it changed.
/// </summary>
public sealed class DbSession(ConnectionFactory factory) : IWorkflowDbSession, IAsyncDisposable
{
    private DbConnection? _connection;

    public DbTransaction? Transaction { get; private set; }
    public SqlDialect Dialect => factory.Dialect;

    public async Task<DbConnection> ConnectionAsync(CancellationToken cancellationToken) =>
        _connection ??= await factory.OpenAsync(cancellationToken);

    /// <summary>The open connection; only valid after <see cref="ConnectionAsync"/>.</summary>
    public DbConnection Connection =>
        _connection ?? throw new InvalidOperationException("The database connection has not been opened yet.");

    public async Task<DbTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        if (Transaction is not null) throw new InvalidOperationException("A transaction is already open in this scope.");
        var connection = await ConnectionAsync(cancellationToken);
        Transaction = await connection.BeginTransactionAsync(cancellationToken);
        return Transaction;
    }

    public async Task EndAsync(bool commit, CancellationToken cancellationToken)
    {
        if (Transaction is null) return;
        try
        {
            if (commit) await Transaction.CommitAsync(cancellationToken);
            else await Transaction.RollbackAsync(CancellationToken.None);
        }
        finally
        {
            await Transaction.DisposeAsync();
            Transaction = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Transaction is not null) await EndAsync(commit: false, CancellationToken.None);
        if (_connection is not null) await _connection.DisposeAsync();
    }
}

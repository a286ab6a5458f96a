using System.Data.Common;
using Vorlagen.Workflows.Persistence;

namespace Vorlagen.Api.Data;

/// <summary>
/// One connection per request scope, opened on first use. The transaction behavior begins the
/// transaction for commands; every Dapper call passes <see cref="Transaction"/> along, and the workflow
/// runtime joins the same transaction, so a run commits together with the rows it changed.
/// A command marked <see cref="Infrastructure.IWritesLate"/> reads without a transaction and begins it at its first write
/// (<see cref="BeginWriteAsync"/>); on SQLite writers queue at <see cref="ConnectionFactory.WriteGate"/>.
/// </summary>
public sealed class DbSession(ConnectionFactory factory) : IWorkflowDbSession, IAsyncDisposable
{
    private DbConnection? _connection;
    private bool _gateHeld;
    private bool _writePending;
    private Func<DbSession, CancellationToken, Task>? _onBegin;

    public DbTransaction? Transaction { get; private set; }
    public SqlDialect Dialect => factory.Dialect;

    /// <summary>The response is stored in this transaction (Idempotency-Key): only the idempotency filter commits it.</summary>
    public bool CommitsWithResponse { get; set; }

    public async Task<DbConnection> ConnectionAsync(CancellationToken cancellationToken) =>
        _connection ??= await factory.OpenAsync(cancellationToken);

    /// <summary>The open connection; only valid after <see cref="ConnectionAsync"/>.</summary>
    public DbConnection Connection =>
        _connection ?? throw new InvalidOperationException("The database connection has not been opened yet.");

    public async Task<DbTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        if (Transaction is not null) throw new InvalidOperationException("A transaction is already open in this scope.");
        var connection = await ConnectionAsync(cancellationToken);
        if (factory.WriteGate is { } gate)
        {
            await gate.WaitAsync(cancellationToken);
            _gateHeld = true;
        }
        try
        {
            Transaction = await connection.BeginTransactionAsync(cancellationToken);
        }
        catch
        {
            ReleaseGate();
            throw;
        }
        return Transaction;
    }

    /// <summary>A command that writes late: no transaction yet; <paramref name="onBegin"/> runs first in it when it begins.</summary>
    public void DeferBegin(Func<DbSession, CancellationToken, Task>? onBegin)
    {
        if (Transaction is not null) throw new InvalidOperationException("A transaction is already open in this scope.");
        _writePending = true;
        _onBegin = onBegin;
    }

    /// <summary>Begins the deferred write transaction at the command's first write; a no-op inside an open one.</summary>
    public async Task BeginWriteAsync(CancellationToken cancellationToken)
    {
        if (Transaction is not null) return;
        if (!_writePending) throw new InvalidOperationException("This command runs without a deferred write transaction.");
        _writePending = false;
        await BeginAsync(cancellationToken);
        if (_onBegin is { } onBegin) await onBegin(this, cancellationToken);
    }

    /// <summary>
    /// The command has written all it writes: commit now, so what follows (reading the response) holds no lock — unless the
    /// response itself is stored in the transaction (<see cref="CommitsWithResponse"/>).
    /// </summary>
    public async Task CompleteWritesAsync(CancellationToken cancellationToken)
    {
        if (!CommitsWithResponse) await EndAsync(commit: true, cancellationToken);
    }

    public async Task EndAsync(bool commit, CancellationToken cancellationToken)
    {
        _writePending = false;
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
            ReleaseGate();
        }
    }

    private void ReleaseGate()
    {
        if (!_gateHeld) return;
        _gateHeld = false;
        factory.WriteGate!.Release();
    }

    public async ValueTask DisposeAsync()
    {
        if (Transaction is not null) await EndAsync(commit: false, CancellationToken.None);
        ReleaseGate();
        if (_connection is not null) await _connection.DisposeAsync();
    }
}

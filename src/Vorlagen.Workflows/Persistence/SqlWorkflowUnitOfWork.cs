using System.Data.Common;
using Dapper;

namespace Vorlagen.Workflows.Persistence;

/// <summary>
/// A unit of work on the host's connection: joins the host's transaction when there is one,
/// otherwise opens its own (lazily, see <see cref="EnsureTransactionAsync"/>) and commits it.
/// </summary>
internal sealed partial class SqlWorkflowUnitOfWork(IWorkflowDbSession session, bool openedConnection) : IWorkflowUnitOfWork
{
    private DbTransaction? ownTransaction;
    private bool committed;

    public DbConnection? Connection => session.Connection;
    public DbTransaction? Transaction => session.Transaction ?? ownTransaction;
    public bool OwnsTransaction => session.Transaction is null;

    public async Task EnsureTransactionAsync(CancellationToken cancellationToken)
    {
        if (OwnsTransaction && ownTransaction is null)
        {
            ownTransaction = await session.Connection.BeginTransactionAsync(cancellationToken);
        }
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (ownTransaction is not null && !committed)
        {
            await ownTransaction.CommitAsync(cancellationToken);
            committed = true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (ownTransaction is not null)
        {
            if (!committed)
            {
                await ownTransaction.RollbackAsync(CancellationToken.None);
            }
            await ownTransaction.DisposeAsync();
        }
        if (openedConnection)
        {
            await session.Connection.CloseAsync();
        }
    }

    private CommandDefinition Command(string sql, object? parameters, CancellationToken cancellationToken) =>
        new(sql, parameters, Transaction, cancellationToken: cancellationToken);

    private async Task<List<T>> QueryAsync<T>(
        string sql, object? parameters, Func<DbDataReader, T> map, CancellationToken cancellationToken, int max = int.MaxValue)
    {
        var rows = new List<T>();
        await using var reader = await session.Connection.ExecuteReaderAsync(Command(sql, parameters, cancellationToken));
        while (rows.Count < max && await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }
        return rows;
    }

    private async Task<T?> QuerySingleAsync<T>(string sql, object? parameters, Func<DbDataReader, T> map, CancellationToken cancellationToken)
        where T : class =>
        (await QueryAsync(sql, parameters, map, cancellationToken, max: 1)).SingleOrDefault();
}

namespace Vorlagen.Workflows.Persistence;

/// <summary>The workflow tables in SQLite or SQL Server, on the host's <see cref="IWorkflowDbSession"/>.</summary>
public sealed class SqlWorkflowStore(IWorkflowDbSession session) : IWorkflowStore
{
    public async Task<IWorkflowUnitOfWork> BeginAsync(CancellationToken cancellationToken)
    {
        var openedConnection = false;
        if (session.Connection.State != System.Data.ConnectionState.Open)
        {
            await session.Connection.OpenAsync(cancellationToken);
            openedConnection = true;
        }
        return new SqlWorkflowUnitOfWork(session, openedConnection);
    }
}

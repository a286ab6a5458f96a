using Dapper;
using Vorlagen.Workflows.Definitions;
using Vorlagen.Workflows.Errors;

namespace Vorlagen.Workflows.Persistence;

internal sealed partial class SqlWorkflowUnitOfWork
{
    public async Task AddDefinitionVersionAsync(WorkflowDefinitionVersion version, CancellationToken cancellationToken)
    {
        await EnsureTransactionAsync(cancellationToken);
        await session.Connection.ExecuteAsync(
            Command(WorkflowSql.DemoteDefinitionVersionsSql, new { version.DefinitionId }, cancellationToken));
        await session.Connection.ExecuteAsync(
            Command(WorkflowSql.InsertDefinitionSql, RowMapper.DefinitionParameters(version), cancellationToken));
    }

    public async Task<bool> SealJournalHeadAsync(string instanceId, long sequence, string mac, CancellationToken cancellationToken)
    {
        await EnsureTransactionAsync(cancellationToken);
        return await session.Connection.ExecuteAsync(
            Command(WorkflowSql.SealJournalHeadSql, new { Id = instanceId, Sequence = sequence, Mac = mac }, cancellationToken)) == 1;
    }

    /// <summary>
    /// Instance first: its version check (or primary key on insert) serializes concurrent runs of
    /// one instance before any bookmark or journal row is touched.
    /// </summary>
    public async Task ApplyAsync(WorkflowRunChanges changes, CancellationToken cancellationToken)
    {
        await EnsureTransactionAsync(cancellationToken);
        var instance = changes.Instance;
        var expected = changes.ExpectedVersion;
        var sql = expected is null ? WorkflowSql.InsertInstanceSql : WorkflowSql.UpdateInstanceSql;
        var saved = await session.Connection.ExecuteAsync(
            Command(sql, RowMapper.InstanceParameters(instance, expected), cancellationToken));
        if (saved != 1)
        {
            throw new WorkflowConcurrencyException(instance.Id, expected ?? 0, "another run saved it first.");
        }
        foreach (var bookmarkId in changes.DeletedBookmarkIds)
        {
            var deleted = await session.Connection.ExecuteAsync(
                Command(WorkflowSql.DeleteBookmarkSql, new { Id = bookmarkId }, cancellationToken));
            if (deleted != 1)
            {
                throw new WorkflowConcurrencyException(instance.Id, expected ?? 0, $"bookmark '{bookmarkId}' was already consumed.");
            }
        }
        foreach (var bookmark in changes.CreatedBookmarks)
        {
            await session.Connection.ExecuteAsync(
                Command(WorkflowSql.InsertBookmarkSql, RowMapper.BookmarkParameters(bookmark), cancellationToken));
        }
        foreach (var record in changes.Journal)
        {
            await session.Connection.ExecuteAsync(
                Command(WorkflowSql.InsertJournalRecordSql, RowMapper.JournalParameters(record), cancellationToken));
        }
    }
}

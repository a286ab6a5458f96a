using System.Globalization;
using Dapper;
using Vorlagen.Workflows.Definitions;
using Vorlagen.Workflows.Journal;
using Vorlagen.Workflows.Runtime;

namespace Vorlagen.Workflows.Persistence;

internal sealed partial class SqlWorkflowUnitOfWork
{
    public Task<WorkflowDefinitionVersion?> FindLatestDefinitionAsync(string definitionId, CancellationToken cancellationToken) =>
        QuerySingleAsync(WorkflowSql.SelectLatestDefinitionSql, new { DefinitionId = definitionId }, RowMapper.Definition, cancellationToken);

    public Task<WorkflowDefinitionVersion?> FindPublishedDefinitionAsync(string definitionId, CancellationToken cancellationToken) =>
        QuerySingleAsync(WorkflowSql.SelectPublishedDefinitionSql, new { DefinitionId = definitionId }, RowMapper.Definition, cancellationToken);

    public Task<WorkflowDefinitionVersion?> FindDefinitionVersionAsync(string id, CancellationToken cancellationToken) =>
        QuerySingleAsync(WorkflowSql.SelectDefinitionByIdSql, new { Id = id }, RowMapper.Definition, cancellationToken);

    public async Task<IReadOnlyList<WorkflowDefinitionVersion>> ListDefinitionVersionsAsync(string definitionId, CancellationToken cancellationToken) =>
        await QueryAsync(WorkflowSql.SelectDefinitionVersionsSql, new { DefinitionId = definitionId }, RowMapper.Definition, cancellationToken);

    public async Task<int> GetMaxDefinitionVersionAsync(string definitionId, CancellationToken cancellationToken)
    {
        var max = await session.Connection.ExecuteScalarAsync<object?>(
            Command(WorkflowSql.SelectMaxDefinitionVersionSql, new { DefinitionId = definitionId }, cancellationToken));
        return max is null or DBNull ? 0 : Convert.ToInt32(max, CultureInfo.InvariantCulture);
    }

    public Task<WorkflowInstance?> FindInstanceAsync(string id, CancellationToken cancellationToken) =>
        QuerySingleAsync(WorkflowSql.SelectInstanceByIdSql, new { Id = id }, RowMapper.Instance, cancellationToken);

    public async Task<IReadOnlyList<WorkflowInstance>> ListInstancesByCorrelationAsync(string correlationId, CancellationToken cancellationToken) =>
        await QueryAsync(WorkflowSql.SelectInstancesByCorrelationSql, new { CorrelationId = correlationId }, RowMapper.Instance, cancellationToken);

    public Task<Bookmark?> FindBookmarkAsync(string id, CancellationToken cancellationToken) =>
        QuerySingleAsync(WorkflowSql.SelectBookmarkByIdSql, new { Id = id }, RowMapper.Bookmark, cancellationToken);

    public async Task<IReadOnlyList<Bookmark>> ListBookmarksByInstanceAsync(string instanceId, CancellationToken cancellationToken) =>
        await QueryAsync(WorkflowSql.SelectBookmarksByInstanceSql, new { InstanceId = instanceId }, RowMapper.Bookmark, cancellationToken);

    public async Task<IReadOnlyList<Bookmark>> ListBookmarksAsync(string name, string correlationId, CancellationToken cancellationToken) =>
        await QueryAsync(WorkflowSql.SelectBookmarksByNameAndCorrelationSql, new { Name = name, CorrelationId = correlationId }, RowMapper.Bookmark, cancellationToken);

    public async Task<IReadOnlyList<Bookmark>> ListBookmarksByCorrelationAsync(string correlationId, CancellationToken cancellationToken) =>
        await QueryAsync(WorkflowSql.SelectBookmarksByCorrelationSql, new { CorrelationId = correlationId }, RowMapper.Bookmark, cancellationToken);

    public async Task<IReadOnlyList<Bookmark>> ListDueBookmarksAsync(DateTimeOffset now, int max, CancellationToken cancellationToken) =>
        await QueryAsync(
            WorkflowSql.SelectDueBookmarksSql,
            new { Now = InstantText.ToText(now), FaultedSubStatus = nameof(WorkflowSubStatus.Faulted) },
            RowMapper.Bookmark, cancellationToken, max);

    public async Task<IReadOnlyList<WorkflowExecutionLogRecord>> ListJournalAsync(string instanceId, CancellationToken cancellationToken) =>
        await QueryAsync(WorkflowSql.SelectJournalByInstanceSql, new { InstanceId = instanceId }, RowMapper.Journal, cancellationToken);

    public async Task<IReadOnlyList<string>> ListJournaledInstanceIdsAsync(CancellationToken cancellationToken) =>
        await QueryAsync(WorkflowSql.SelectJournaledInstanceIdsSql, null, r => r.GetString(0), cancellationToken);

    public async Task<IReadOnlyList<JournalHead>> ListJournalHeadsAsync(CancellationToken cancellationToken) =>
        await QueryAsync(WorkflowSql.SelectJournalHeadsSql, null, RowMapper.Head, cancellationToken);
}

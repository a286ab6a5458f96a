using System.Data.Common;
using Vorlagen.Workflows.Definitions;
using Vorlagen.Workflows.Journal;
using Vorlagen.Workflows.Persistence;
using Vorlagen.Workflows.Runtime;

namespace Vorlagen.Workflows.Tests.Infrastructure;

/// <summary>
/// Wraps a store and waits on <paramref name="beforeTransaction"/> after a run's reads and before
/// its transaction: lets a test put another run's commit exactly between them.
/// </summary>
public sealed class PausingWorkflowStore(IWorkflowStore inner, Func<Task> beforeTransaction) : IWorkflowStore
{
    public async Task<IWorkflowUnitOfWork> BeginAsync(CancellationToken cancellationToken) =>
        new Unit(await inner.BeginAsync(cancellationToken), beforeTransaction);

    private sealed class Unit(IWorkflowUnitOfWork inner, Func<Task> beforeTransaction) : IWorkflowUnitOfWork
    {
        public DbConnection? Connection => inner.Connection;
        public DbTransaction? Transaction => inner.Transaction;
        public bool OwnsTransaction => inner.OwnsTransaction;

        public async Task EnsureTransactionAsync(CancellationToken ct)
        {
            await beforeTransaction();
            await inner.EnsureTransactionAsync(ct);
        }

        public Task CommitAsync(CancellationToken ct) => inner.CommitAsync(ct);
        public ValueTask DisposeAsync() => inner.DisposeAsync();
        public Task<WorkflowDefinitionVersion?> FindLatestDefinitionAsync(string id, CancellationToken ct) => inner.FindLatestDefinitionAsync(id, ct);
        public Task<WorkflowDefinitionVersion?> FindPublishedDefinitionAsync(string id, CancellationToken ct) => inner.FindPublishedDefinitionAsync(id, ct);
        public Task<WorkflowDefinitionVersion?> FindDefinitionVersionAsync(string id, CancellationToken ct) => inner.FindDefinitionVersionAsync(id, ct);
        public Task<IReadOnlyList<WorkflowDefinitionVersion>> ListDefinitionVersionsAsync(string id, CancellationToken ct) => inner.ListDefinitionVersionsAsync(id, ct);
        public Task<int> GetMaxDefinitionVersionAsync(string id, CancellationToken ct) => inner.GetMaxDefinitionVersionAsync(id, ct);
        public Task AddDefinitionVersionAsync(WorkflowDefinitionVersion version, CancellationToken ct) => inner.AddDefinitionVersionAsync(version, ct);
        public Task<WorkflowInstance?> FindInstanceAsync(string id, CancellationToken ct) => inner.FindInstanceAsync(id, ct);
        public Task<IReadOnlyList<WorkflowInstance>> ListInstancesByCorrelationAsync(string id, CancellationToken ct) => inner.ListInstancesByCorrelationAsync(id, ct);
        public Task<Bookmark?> FindBookmarkAsync(string id, CancellationToken ct) => inner.FindBookmarkAsync(id, ct);
        public Task<IReadOnlyList<Bookmark>> ListBookmarksByInstanceAsync(string id, CancellationToken ct) => inner.ListBookmarksByInstanceAsync(id, ct);
        public Task<IReadOnlyList<Bookmark>> ListBookmarksAsync(string name, string id, CancellationToken ct) => inner.ListBookmarksAsync(name, id, ct);
        public Task<IReadOnlyList<Bookmark>> ListBookmarksByCorrelationAsync(string id, CancellationToken ct) => inner.ListBookmarksByCorrelationAsync(id, ct);
        public Task<IReadOnlyList<Bookmark>> ListDueBookmarksAsync(DateTimeOffset now, int max, CancellationToken ct) => inner.ListDueBookmarksAsync(now, max, ct);
        public Task<IReadOnlyList<WorkflowExecutionLogRecord>> ListJournalAsync(string id, CancellationToken ct) => inner.ListJournalAsync(id, ct);
        public Task<IReadOnlyList<string>> ListJournaledInstanceIdsAsync(CancellationToken ct) => inner.ListJournaledInstanceIdsAsync(ct);
        public Task<IReadOnlyList<Journal.JournalHead>> ListJournalHeadsAsync(CancellationToken ct) => inner.ListJournalHeadsAsync(ct);
        public Task<bool> SealJournalHeadAsync(string instanceId, long sequence, string mac, CancellationToken ct) =>
            inner.SealJournalHeadAsync(instanceId, sequence, mac, ct);
        public Task ApplyAsync(WorkflowRunChanges changes, CancellationToken ct) => inner.ApplyAsync(changes, ct);
    }
}

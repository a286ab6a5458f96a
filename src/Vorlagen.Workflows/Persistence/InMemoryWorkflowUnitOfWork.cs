using System.Data.Common;
using Vorlagen.Workflows.Definitions;
using Vorlagen.Workflows.Errors;
using Vorlagen.Workflows.Journal;
using Vorlagen.Workflows.Runtime;

namespace Vorlagen.Workflows.Persistence;

/// <summary>Unit of work of <see cref="InMemoryWorkflowStore"/>: reads copy out, <see cref="ApplyAsync"/> checks then writes.</summary>
internal sealed class InMemoryWorkflowUnitOfWork(InMemoryWorkflowStore store) : IWorkflowUnitOfWork
{
    public DbConnection? Connection => null;
    public DbTransaction? Transaction => null;
    public bool OwnsTransaction => true;

    public Task EnsureTransactionAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task CommitAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public Task<WorkflowDefinitionVersion?> FindLatestDefinitionAsync(string definitionId, CancellationToken cancellationToken) =>
        Locked(() => store.Definitions.Values.SingleOrDefault(d => d.DefinitionId == definitionId && d.IsLatest));

    public Task<WorkflowDefinitionVersion?> FindPublishedDefinitionAsync(string definitionId, CancellationToken cancellationToken) =>
        Locked(() => store.Definitions.Values.SingleOrDefault(d => d.DefinitionId == definitionId && d.IsPublished));

    public Task<WorkflowDefinitionVersion?> FindDefinitionVersionAsync(string id, CancellationToken cancellationToken) =>
        Locked(() => store.Definitions.GetValueOrDefault(id));

    public Task<IReadOnlyList<WorkflowDefinitionVersion>> ListDefinitionVersionsAsync(string definitionId, CancellationToken cancellationToken) =>
        Locked<IReadOnlyList<WorkflowDefinitionVersion>>(() => [.. store.Definitions.Values.Where(d => d.DefinitionId == definitionId).OrderBy(d => d.Version)]);

    public Task<int> GetMaxDefinitionVersionAsync(string definitionId, CancellationToken cancellationToken) =>
        Locked(() => store.Definitions.Values.Where(d => d.DefinitionId == definitionId).Select(d => d.Version).DefaultIfEmpty(0).Max());

    public Task AddDefinitionVersionAsync(WorkflowDefinitionVersion version, CancellationToken cancellationToken) =>
        Locked(() =>
        {
            foreach (var other in store.Definitions.Values.Where(d => d.DefinitionId == version.DefinitionId).ToList())
            {
                store.Definitions[other.Id] = other with { IsLatest = false, IsPublished = false };
            }
            store.Definitions.Add(version.Id, version);
            return true;
        });

    public Task<WorkflowInstance?> FindInstanceAsync(string id, CancellationToken cancellationToken) =>
        Locked(() => store.Instances.TryGetValue(id, out var i) ? InMemoryWorkflowStore.Copy(i) : null);

    public Task<IReadOnlyList<WorkflowInstance>> ListInstancesByCorrelationAsync(string correlationId, CancellationToken cancellationToken) =>
        Locked<IReadOnlyList<WorkflowInstance>>(() => [.. store.Instances.Values.Where(i => i.CorrelationId == correlationId)
            .OrderBy(i => i.CreatedAt).ThenBy(i => i.Id, StringComparer.Ordinal).Select(InMemoryWorkflowStore.Copy)]);

    public Task<Bookmark?> FindBookmarkAsync(string id, CancellationToken cancellationToken) =>
        Locked(() => store.Bookmarks.TryGetValue(id, out var b) ? InMemoryWorkflowStore.Copy(b) : null);

    public Task<IReadOnlyList<Bookmark>> ListBookmarksByInstanceAsync(string instanceId, CancellationToken cancellationToken) =>
        Bookmarks(b => b.InstanceId == instanceId);

    public Task<IReadOnlyList<Bookmark>> ListBookmarksAsync(string name, string correlationId, CancellationToken cancellationToken) =>
        Bookmarks(b => b.Name == name && b.CorrelationId == correlationId);

    public Task<IReadOnlyList<Bookmark>> ListBookmarksByCorrelationAsync(string correlationId, CancellationToken cancellationToken) =>
        Bookmarks(b => b.CorrelationId == correlationId);

    public Task<IReadOnlyList<Bookmark>> ListDueBookmarksAsync(DateTimeOffset now, int max, CancellationToken cancellationToken) =>
        Locked<IReadOnlyList<Bookmark>>(() => [.. store.Bookmarks.Values
            .Where(b => b.DueAt <= now && store.Instances[b.InstanceId].SubStatus != WorkflowSubStatus.Faulted)
            .OrderBy(b => b.DueAt).ThenBy(b => b.Id, StringComparer.Ordinal).Take(max).Select(InMemoryWorkflowStore.Copy)]);

    public Task<IReadOnlyList<WorkflowExecutionLogRecord>> ListJournalAsync(string instanceId, CancellationToken cancellationToken) =>
        Locked<IReadOnlyList<WorkflowExecutionLogRecord>>(() => [.. store.Journal.GetValueOrDefault(instanceId) ?? []]);

    public Task<IReadOnlyList<string>> ListJournaledInstanceIdsAsync(CancellationToken cancellationToken) =>
        Locked<IReadOnlyList<string>>(() => [.. store.Instances.Keys.Union(store.Journal.Keys).Order(StringComparer.Ordinal)]);

    public Task<IReadOnlyList<JournalHead>> ListJournalHeadsAsync(CancellationToken cancellationToken) =>
        Locked<IReadOnlyList<JournalHead>>(() => [.. store.Instances.Values.OrderBy(i => i.Id, StringComparer.Ordinal)
            .Select(i => new JournalHead(i.Id, i.CorrelationId, i.JournalSequence, i.JournalHash, i.JournalMac))]);

    public Task<bool> SealJournalHeadAsync(string instanceId, long sequence, string mac, CancellationToken cancellationToken) =>
        Locked(() =>
        {
            if (store.Instances.GetValueOrDefault(instanceId) is not { JournalMac: null } instance || instance.JournalSequence != sequence) return false;
            store.Instances[instanceId] = instance with { JournalMac = mac };
            return true;
        });

    public Task ApplyAsync(WorkflowRunChanges changes, CancellationToken cancellationToken) =>
        Locked(() =>
        {
            var instance = changes.Instance;
            var expected = changes.ExpectedVersion;
            var current = store.Instances.GetValueOrDefault(instance.Id);
            if (expected is null ? current is not null : current?.Version != expected)
            {
                throw new WorkflowConcurrencyException(instance.Id, expected ?? 0, "another run saved it first.");
            }
            if (changes.DeletedBookmarkIds.FirstOrDefault(id => !store.Bookmarks.ContainsKey(id)) is { } consumed)
            {
                throw new WorkflowConcurrencyException(instance.Id, expected ?? 0, $"bookmark '{consumed}' was already consumed.");
            }
            store.Instances[instance.Id] = InMemoryWorkflowStore.Copy(instance);
            changes.DeletedBookmarkIds.ToList().ForEach(id => store.Bookmarks.Remove(id));
            changes.CreatedBookmarks.ToList().ForEach(b => store.Bookmarks.Add(b.Id, InMemoryWorkflowStore.Copy(b)));
            if (!store.Journal.TryGetValue(instance.Id, out var journal))
            {
                store.Journal[instance.Id] = journal = [];
            }
            journal.AddRange(changes.Journal);
            return true;
        });

    private Task<IReadOnlyList<Bookmark>> Bookmarks(Func<Bookmark, bool> predicate) =>
        Locked<IReadOnlyList<Bookmark>>(() => [.. store.Bookmarks.Values.Where(predicate)
            .OrderBy(b => b.CreatedAt).ThenBy(b => b.Id, StringComparer.Ordinal).Select(InMemoryWorkflowStore.Copy)]);

    private Task<T> Locked<T>(Func<T> read)
    {
        lock (store.Gate)
        {
            return Task.FromResult(read());
        }
    }
}

using System.Data.Common;
using Vorlagen.Workflows.Definitions;
using Vorlagen.Workflows.Journal;
using Vorlagen.Workflows.Runtime;

namespace Vorlagen.Workflows.Persistence;

/// <summary>
/// Reads and writes of one runtime operation. Reads before <see cref="EnsureTransactionAsync"/> run
/// outside a transaction when the unit owns it (the version check at save time catches stale
/// reads); <see cref="CommitAsync"/> commits only a transaction the unit opened itself, and
/// disposing an uncommitted unit rolls that one back.
/// </summary>
public interface IWorkflowUnitOfWork : IAsyncDisposable
{
    DbConnection? Connection { get; }
    DbTransaction? Transaction { get; }
    bool OwnsTransaction { get; }

    Task EnsureTransactionAsync(CancellationToken cancellationToken);
    Task CommitAsync(CancellationToken cancellationToken);

    Task<WorkflowDefinitionVersion?> FindLatestDefinitionAsync(string definitionId, CancellationToken cancellationToken);
    Task<WorkflowDefinitionVersion?> FindPublishedDefinitionAsync(string definitionId, CancellationToken cancellationToken);
    Task<WorkflowDefinitionVersion?> FindDefinitionVersionAsync(string id, CancellationToken cancellationToken);
    Task<IReadOnlyList<WorkflowDefinitionVersion>> ListDefinitionVersionsAsync(string definitionId, CancellationToken cancellationToken);
    Task<int> GetMaxDefinitionVersionAsync(string definitionId, CancellationToken cancellationToken);

    /// <summary>Stores a new version and clears <c>isLatest</c>/<c>isPublished</c> on the others.</summary>
    Task AddDefinitionVersionAsync(WorkflowDefinitionVersion version, CancellationToken cancellationToken);

    Task<WorkflowInstance?> FindInstanceAsync(string id, CancellationToken cancellationToken);
    Task<IReadOnlyList<WorkflowInstance>> ListInstancesByCorrelationAsync(string correlationId, CancellationToken cancellationToken);

    Task<Bookmark?> FindBookmarkAsync(string id, CancellationToken cancellationToken);
    Task<IReadOnlyList<Bookmark>> ListBookmarksByInstanceAsync(string instanceId, CancellationToken cancellationToken);
    Task<IReadOnlyList<Bookmark>> ListBookmarksAsync(string name, string correlationId, CancellationToken cancellationToken);
    Task<IReadOnlyList<Bookmark>> ListBookmarksByCorrelationAsync(string correlationId, CancellationToken cancellationToken);
    Task<IReadOnlyList<Bookmark>> ListDueBookmarksAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    Task<IReadOnlyList<WorkflowExecutionLogRecord>> ListJournalAsync(string instanceId, CancellationToken cancellationToken);
    Task<IReadOnlyList<string>> ListJournaledInstanceIdsAsync(CancellationToken cancellationToken);
    Task<IReadOnlyList<JournalHead>> ListJournalHeadsAsync(CancellationToken cancellationToken);

    /// <summary>Sets the MAC of a head that has none yet and is still at <paramref name="sequence"/>; false if it changed.</summary>
    Task<bool> SealJournalHeadAsync(string instanceId, long sequence, string mac, CancellationToken cancellationToken);

    /// <summary>Applies a run's changes; throws <c>WorkflowConcurrencyException</c> when a check fails.</summary>
    Task ApplyAsync(WorkflowRunChanges changes, CancellationToken cancellationToken);
}

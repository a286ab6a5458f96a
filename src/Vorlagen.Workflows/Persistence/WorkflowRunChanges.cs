using Vorlagen.Workflows.Journal;
using Vorlagen.Workflows.Runtime;

namespace Vorlagen.Workflows.Persistence;

/// <summary>
/// Everything one run changes, applied atomically: the instance (inserted when
/// <see cref="ExpectedVersion"/> is null, else updated only if still at that version), consumed
/// bookmarks (each delete must hit one row), new bookmarks and new journal records.
/// </summary>
public sealed record WorkflowRunChanges(
    WorkflowInstance Instance,
    long? ExpectedVersion,
    IReadOnlyList<string> DeletedBookmarkIds,
    IReadOnlyList<Bookmark> CreatedBookmarks,
    IReadOnlyList<WorkflowExecutionLogRecord> Journal);

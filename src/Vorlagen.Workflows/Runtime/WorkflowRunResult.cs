using Vorlagen.Workflows.Journal;

namespace Vorlagen.Workflows.Runtime;

/// <summary>The instance after a run, its open bookmarks, and the journal records this run appended.</summary>
public sealed record WorkflowRunResult(
    WorkflowInstance Instance,
    IReadOnlyList<Bookmark> Bookmarks,
    IReadOnlyList<WorkflowExecutionLogRecord> Journal);

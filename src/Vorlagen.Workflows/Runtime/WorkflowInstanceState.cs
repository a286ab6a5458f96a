using Vorlagen.Workflows.Journal;

namespace Vorlagen.Workflows.Runtime;

/// <summary>An instance with its open bookmarks and its whole journal.</summary>
public sealed record WorkflowInstanceState(
    WorkflowInstance Instance,
    IReadOnlyList<Bookmark> Bookmarks,
    IReadOnlyList<WorkflowExecutionLogRecord> Journal);

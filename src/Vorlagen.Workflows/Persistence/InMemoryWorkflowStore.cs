using Vorlagen.Workflows.Definitions;
using Vorlagen.Workflows.Journal;
using Vorlagen.Workflows.Runtime;

namespace Vorlagen.Workflows.Persistence;

/// <summary>
/// A process-local store for fast unit tests and the benchmark. It applies a run's changes
/// atomically under a lock with the same checks as the SQL store; it has no connection, so host
/// activities that write domain rows need the SQL store.
/// </summary>
public sealed class InMemoryWorkflowStore : IWorkflowStore
{
    internal object Gate { get; } = new();
    internal Dictionary<string, WorkflowDefinitionVersion> Definitions { get; } = new(StringComparer.Ordinal);
    internal Dictionary<string, WorkflowInstance> Instances { get; } = new(StringComparer.Ordinal);
    internal Dictionary<string, Bookmark> Bookmarks { get; } = new(StringComparer.Ordinal);
    internal Dictionary<string, List<WorkflowExecutionLogRecord>> Journal { get; } = new(StringComparer.Ordinal);

    public Task<IWorkflowUnitOfWork> BeginAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IWorkflowUnitOfWork>(new InMemoryWorkflowUnitOfWork(this));

    internal static WorkflowInstance Copy(WorkflowInstance instance) => instance with
    {
        Input = Json.JsonState.CloneObject(instance.Input),
        Variables = Json.JsonState.CloneObject(instance.Variables),
        Outputs = Json.JsonState.CloneObject(instance.Outputs),
        Incidents = [.. instance.Incidents],
    };

    internal static Bookmark Copy(Bookmark bookmark) => bookmark with { Payload = Json.JsonState.CloneObject(bookmark.Payload) };
}

using Vorlagen.Workflows.Runtime;

namespace Vorlagen.Workflows.Timers;

/// <summary>A runtime with its own connection/DI scope, disposed after use (one per timer resume).</summary>
public interface IWorkflowRuntimeScope : IAsyncDisposable
{
    IWorkflowRuntime Runtime { get; }
}

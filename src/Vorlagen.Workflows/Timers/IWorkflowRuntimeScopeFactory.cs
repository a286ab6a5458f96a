namespace Vorlagen.Workflows.Timers;

/// <summary>
/// Creates runtime scopes for background work. The host implements it with an
/// <c>IServiceScopeFactory</c> whose scoped <c>IWorkflowDbSession</c> has no transaction, so each
/// timer resume commits on its own.
/// </summary>
public interface IWorkflowRuntimeScopeFactory
{
    Task<IWorkflowRuntimeScope> CreateScopeAsync(CancellationToken cancellationToken);
}

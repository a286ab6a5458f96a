namespace Vorlagen.Workflows.Persistence;

/// <summary>Opens units of work on the workflow tables (SQL via <see cref="IWorkflowDbSession"/>, or in memory).</summary>
public interface IWorkflowStore
{
    Task<IWorkflowUnitOfWork> BeginAsync(CancellationToken cancellationToken);
}

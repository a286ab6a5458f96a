using Microsoft.Data.Sqlite;
using Vorlagen.Workflows.Persistence;
using Vorlagen.Workflows.Runtime;
using Vorlagen.Workflows.Timers;

namespace Vorlagen.Workflows.Tests.Infrastructure;

/// <summary>What the host does with IServiceScopeFactory: a new connection (no transaction) per scope.</summary>
public sealed class SqliteRuntimeScopeFactory(WorkflowTestHost host) : IWorkflowRuntimeScopeFactory
{
    public Task<IWorkflowRuntimeScope> CreateScopeAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IWorkflowRuntimeScope>(new Scope(host));

    private sealed class Scope : IWorkflowRuntimeScope
    {
        private readonly SqliteConnection connection;

        public Scope(WorkflowTestHost host)
        {
            connection = host.Database.Open();
            Runtime = host.CreateRuntime(new WorkflowDbSession(connection));
        }

        public IWorkflowRuntime Runtime { get; }

        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }
}

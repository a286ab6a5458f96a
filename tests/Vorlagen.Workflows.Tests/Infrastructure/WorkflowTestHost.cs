using Microsoft.Data.Sqlite;
using Vorlagen.Workflows.Definitions;
using Vorlagen.Workflows.Persistence;
using Vorlagen.Workflows.Runtime;

namespace Vorlagen.Workflows.Tests.Infrastructure;

/// <summary>
/// Everything a scenario needs: a fresh SQLite file, a fake clock, the registry with test
/// activities, and a runtime that owns its transactions (Transaction = null), as background work does.
/// </summary>
public sealed class WorkflowTestHost : IDisposable
{
    public static readonly WorkflowActor Clerk = new("u-clerk", "Clara Clerk", "Sitzungsdienst");
    public static readonly WorkflowActor Landrat = new("u-landrat", "Lars Landrat", "Landrat");

    public WorkflowTestHost(WorkflowRuntimeOptions? options = null)
    {
        Engine = new WorkflowEngine(TestActivities.Registry(), Clock, options);
        Connection = Database.Open();
        Runtime = CreateRuntime(new WorkflowDbSession(Connection));
        Publisher = new WorkflowDefinitionPublisher(Engine, new SqlWorkflowStore(new WorkflowDbSession(Connection)));
    }

    public SqliteTestDatabase Database { get; } = new();
    public FakeTimeProvider Clock { get; } = new();
    public TestServices Services { get; } = new TestServices().Add(new CallCounter());
    public WorkflowEngine Engine { get; }
    public SqliteConnection Connection { get; }
    public WorkflowRuntime Runtime { get; }
    public WorkflowDefinitionPublisher Publisher { get; }

    public WorkflowRuntime CreateRuntime(IWorkflowDbSession session) => new(Engine, new SqlWorkflowStore(session), Services);

    public WorkflowDefinition LoadScenario(string scenario, string file = "workflow.json") =>
        Engine.Loader.LoadFile(RepositoryPaths.Scenario(scenario, file)).EnsureValid().Definitions.Single();

    public async Task<PublishResult> PublishScenarioAsync(string scenario, string file = "workflow.json") =>
        await Publisher.PublishAsync(LoadScenario(scenario, file), CancellationToken.None);

    public Task<WorkflowRunResult> StartAsync(string definitionId, string correlationId, WorkflowActor? actor = null, System.Text.Json.Nodes.JsonObject? input = null) =>
        Runtime.CreateAndRunAsync(new CreateAndRunWorkflowRequest(definitionId, correlationId, input, actor ?? Clerk), CancellationToken.None);

    public void Dispose()
    {
        Connection.Dispose();
        Database.Dispose();
    }
}

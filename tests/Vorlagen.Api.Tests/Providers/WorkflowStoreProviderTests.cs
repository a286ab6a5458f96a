using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Vorlagen.Api.Data;
using Vorlagen.Api.Tests.Support;
using Vorlagen.Workflows.Activities;
using Vorlagen.Workflows.Definitions;
using Vorlagen.Workflows.Errors;
using Vorlagen.Workflows.Persistence;
using Vorlagen.Workflows.Runtime;

namespace Vorlagen.Api.Tests.Providers;

/// <summary>
/// The workflow store (SqlWorkflowStore on the host's DbSession) on each provider, on a database
/// migrated by the shipped scripts: versions and their flags, pinned instances, due timers, the
/// journal, and the optimistic check when two sessions resume one bookmark at once.
/// </summary>
public abstract class WorkflowStoreProviderTests : IAsyncLifetime
{

    private static readonly WorkflowActor Clerk = new("u-1", "Clara Clerk", "clerk");
    private readonly WorkflowEngine _engine = new(ActivityRegistry.CreateWithBuiltIns(), TimeProvider.System);
    private readonly ServiceProvider _services = new ServiceCollection().BuildServiceProvider();
    private readonly List<DbSession> _sessions = [];
    private TestDatabase _database = default!;

    protected abstract string Provider { get; }

    public async Task InitializeAsync()
    {
        _database = TestDatabase.Create(Provider);
        await new Migrator(_database.Factory, TimeProvider.System, NullLogger<Migrator>.Instance)
            .MigrateAsync(RepositoryPaths.Combine("db", Provider), CancellationToken.None);
    }

    /// <summary>A runtime on its own session (connection), as one request or one app node has.</summary>
    private async Task<WorkflowRuntime> RuntimeAsync()
    {
        var session = new DbSession(_database.Factory);
        _sessions.Add(session);
        await session.ConnectionAsync(CancellationToken.None);
        return new WorkflowRuntime(_engine, new SqlWorkflowStore(session), _services);
    }

    private async Task<PublishResult> PublishAsync(string name)
    {
        var session = new DbSession(_database.Factory);
        _sessions.Add(session);
        await session.ConnectionAsync(CancellationToken.None);
        var definition = _engine.Loader.Load(DeadlineWorkflow.Json("provider-deadline", name), "deadline.json").EnsureValid().Definitions.Single();
        return await new WorkflowDefinitionPublisher(_engine, new SqlWorkflowStore(session)).PublishAsync(definition, CancellationToken.None);
    }

    private async Task<T> ScalarAsync<T>(string sql, object? args = null)
    {
        await using var connection = await _database.Factory.OpenAsync(CancellationToken.None);
        return (await connection.ExecuteScalarAsync<T>(sql, args))!;
    }

    [ProviderFact]
    public async Task Versions_flags_pinned_instances_due_timers_and_the_journal_round_trip()
    {
        Assert.True((await PublishAsync("Frist")).Created);
        Assert.False((await PublishAsync("Frist")).Created);
        var runtime = await RuntimeAsync();
        var started = await runtime.CreateAndRunAsync(new CreateAndRunWorkflowRequest("provider-deadline", "paper-1", null, Clerk), CancellationToken.None);
        Assert.Equal(WorkflowSubStatus.Suspended, started.Instance.SubStatus);

        var second = await PublishAsync("Frist (geändert)");
        Assert.True(second.Created);
        Assert.Equal(2, second.Version.Version);
        Assert.Equal(1, await ScalarAsync<int>("SELECT COUNT(*) FROM workflow_definitions WHERE definition_id = 'provider-deadline' AND is_latest = 1 AND is_published = 1"));
        Assert.Equal(2, await ScalarAsync<int>("SELECT version FROM workflow_definitions WHERE definition_id = 'provider-deadline' AND is_latest = 1"));

        var due = Assert.Single(await runtime.GetDueTimersAsync(10, CancellationToken.None));
        Assert.Equal(started.Bookmarks.Single().Id, due.Id);
        Assert.Equal(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), due.DueAt);
        var resumed = await runtime.ResumeAsync(new ResumeBookmarkRequest(due.Id, new JsonObject { ["dueAt"] = "2020-01-01T00:00:00Z" }, WorkflowActor.System),
            CancellationToken.None);

        Assert.Equal(WorkflowStatus.Finished, resumed.Instance.Status);
        Assert.Equal(1, resumed.Instance.DefinitionVersion); // pinned to the version it started on
        Assert.True(resumed.Instance.Variables["periodOver"]!.GetValue<bool>());
        Assert.Empty(await runtime.GetDueTimersAsync(10, CancellationToken.None));
        var state = await runtime.GetStateAsync(started.Instance.Id, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, state.Journal.Count).Select(i => (long)i), state.Journal.Select(j => j.Sequence));
        Assert.True((await runtime.VerifyJournalAsync(started.Instance.Id, CancellationToken.None)).Valid);
        Assert.True((await runtime.VerifyAllJournalsAsync(CancellationToken.None)).Valid);
    }

    [ProviderFact]
    public async Task Two_sessions_resuming_one_bookmark_at_once_one_wins_the_other_gets_a_conflict()
    {
        await PublishAsync("Frist");
        var started = await (await RuntimeAsync()).CreateAndRunAsync(
            new CreateAndRunWorkflowRequest("provider-deadline", "paper-2", null, Clerk), CancellationToken.None);
        var bookmark = started.Bookmarks.Single().Id;
        var nodes = new[] { await RuntimeAsync(), await RuntimeAsync() };
        var gate = new TaskCompletionSource();

        var racing = nodes.Select(node => Task.Run(async () =>
        {
            await gate.Task;
            try
            {
                await node.ResumeAsync(new ResumeBookmarkRequest(bookmark, new JsonObject(), WorkflowActor.System), CancellationToken.None);
                return "won";
            }
            catch (WorkflowConflictException)
            {
                return "conflict";
            }
        })).ToArray();
        gate.SetResult();
        var outcomes = await Task.WhenAll(racing);

        Assert.Equal(["conflict", "won"], outcomes.Order());
        Assert.Equal(1, await ScalarAsync<int>(
            "SELECT COUNT(*) FROM workflow_execution_log WHERE instance_id = @id AND event_name = 'Resumed'", new { id = started.Instance.Id }));
        Assert.Equal("Finished", await ScalarAsync<string>("SELECT status FROM workflow_instances WHERE id = @id", new { id = started.Instance.Id }));
    }

    public async Task DisposeAsync()
    {
        foreach (var session in _sessions) await session.DisposeAsync();
        await _services.DisposeAsync();
        _database.Dispose();
    }
}

public sealed class SqliteWorkflowStoreProviderTests : WorkflowStoreProviderTests
{
    protected override string Provider => DatabaseOptions.Sqlite;
}

public sealed class PostgreSqlWorkflowStoreProviderTests : WorkflowStoreProviderTests, IPostgresTests
{
    protected override string Provider => DatabaseOptions.PostgreSql;
}

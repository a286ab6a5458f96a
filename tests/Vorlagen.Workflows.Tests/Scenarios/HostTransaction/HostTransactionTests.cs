using System.Text.Json.Nodes;
using Dapper;
using Vorlagen.Workflows.Runtime;
using Vorlagen.Workflows.Tests.Infrastructure;

namespace Vorlagen.Workflows.Tests.Scenarios.HostTransaction;

/// <summary>The contract with the API: a run commits or rolls back together with the host's transaction.</summary>
public sealed class HostTransactionTests : IDisposable
{
    private readonly WorkflowTestHost host = new();

    public HostTransactionTests() => host.PublishScenarioAsync("HostTransaction").GetAwaiter().GetResult();

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task The_run_commits_with_the_hosts_own_rows()
    {
        var started = await host.StartAsync("host-transaction", "paper-1");
        await using var connection = host.Database.Open();
        await using (var transaction = connection.BeginTransaction())
        {
            var runtime = host.CreateRuntime(new HostSession(connection) { Transaction = transaction });
            await connection.ExecuteAsync("INSERT INTO domain_rows (id, instance_id, note) VALUES ('host', @Id, 'host row')",
                new { started.Instance.Id }, transaction);
            await runtime.ResumeActionAsync(Decide(), CancellationToken.None);
            transaction.Commit();
        }

        var state = await host.Runtime.GetStateAsync(started.Instance.Id, CancellationToken.None);
        Assert.Equal(WorkflowSubStatus.Finished, state.Instance.SubStatus);
        Assert.Equal(2, await host.Connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM domain_rows"));
    }

    [Fact]
    public async Task When_the_host_rolls_back_nothing_of_the_run_remains()
    {
        var started = await host.StartAsync("host-transaction", "paper-2");
        await using var connection = host.Database.Open();
        await using (var transaction = connection.BeginTransaction())
        {
            var runtime = host.CreateRuntime(new HostSession(connection) { Transaction = transaction });
            var result = await runtime.ResumeActionAsync(Decide("paper-2"), CancellationToken.None);
            Assert.Equal(WorkflowSubStatus.Finished, result.Instance.SubStatus);
            transaction.Rollback();
        }

        var state = await host.Runtime.GetStateAsync(started.Instance.Id, CancellationToken.None);
        Assert.Equal((WorkflowSubStatus.Suspended, 1L), (state.Instance.SubStatus, state.Instance.Version));
        Assert.Equal(started.Bookmarks[0].Id, Assert.Single(state.Bookmarks).Id);
        Assert.Equal(started.Journal.Count, state.Journal.Count);
        Assert.Equal(0, await host.Connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM domain_rows"));
    }

    private static ResumeActionRequest Decide(string correlationId = "paper-1") =>
        new(correlationId, "decide", new JsonObject(), WorkflowTestHost.Clerk);
}

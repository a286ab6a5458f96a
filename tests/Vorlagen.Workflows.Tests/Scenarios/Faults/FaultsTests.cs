using System.Text.Json.Nodes;
using Dapper;
using Vorlagen.Workflows.Errors;
using Vorlagen.Workflows.Journal;
using Vorlagen.Workflows.Persistence;
using Vorlagen.Workflows.Runtime;
using Vorlagen.Workflows.Tests.Infrastructure;

namespace Vorlagen.Workflows.Tests.Scenarios.Faults;

public sealed class FaultsTests : IDisposable
{
    private readonly WorkflowTestHost host = new();

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task A_throwing_activity_rolls_back_the_run_and_records_an_incident()
    {
        await host.PublishScenarioAsync("Faults");
        var started = await host.StartAsync("faulting", "paper-1");

        var error = await Assert.ThrowsAsync<WorkflowFaultedException>(() => Resume(host.Runtime, started));

        Assert.True(error.IsRecorded);
        Assert.IsType<InvalidOperationException>(error.InnerException);
        Assert.Equal(0, await DomainRows());
        var state = await host.Runtime.GetStateAsync(started.Instance.Id, CancellationToken.None);
        Assert.Equal((WorkflowStatus.Running, WorkflowSubStatus.Faulted), (state.Instance.Status, state.Instance.SubStatus));
        var incident = Assert.Single(state.Instance.Incidents);
        Assert.Equal(("fail", "Test.Fail", "Simulated failure in a host activity."), (incident.ActivityId, incident.ActivityType, incident.Message));
        Assert.Equal(host.Clock.GetUtcNow(), incident.Timestamp);
        Assert.Equal(started.Bookmarks[0].Id, Assert.Single(state.Bookmarks).Id);
        Assert.Equal([JournalEvents.Started, JournalEvents.ActivityCompleted, JournalEvents.Suspended, JournalEvents.Faulted],
            state.Journal.Select(r => r.EventName));
        Assert.True((await host.Runtime.VerifyJournalAsync(started.Instance.Id, CancellationToken.None)).Valid);
    }

    [Fact]
    public async Task A_fault_in_the_first_run_stores_a_finished_faulted_instance_and_no_domain_rows()
    {
        await host.PublishScenarioAsync("Faults", "workflow-fail-at-start.json");

        var error = await Assert.ThrowsAsync<WorkflowFaultedException>(() => host.StartAsync("faulting-at-start", "paper-2"));

        var state = await host.Runtime.GetStateAsync(error.Fault.InstanceId, CancellationToken.None);
        Assert.Equal((WorkflowStatus.Finished, WorkflowSubStatus.Faulted), (state.Instance.Status, state.Instance.SubStatus));
        Assert.Equal(JournalEvents.Faulted, Assert.Single(state.Journal).EventName);
        Assert.Equal(0, await DomainRows());
        Assert.True((await host.Runtime.VerifyJournalAsync(state.Instance.Id, CancellationToken.None)).Valid);
    }

    [Fact]
    public async Task In_the_hosts_transaction_the_host_rolls_back_then_records_the_fault()
    {
        await host.PublishScenarioAsync("Faults");
        var started = await host.StartAsync("faulting", "paper-3");
        await using var connection = host.Database.Open();
        var session = new HostSession(connection) { Transaction = connection.BeginTransaction() };
        var runtime = host.CreateRuntime(session);

        var error = await Assert.ThrowsAsync<WorkflowFaultedException>(() => Resume(runtime, started));
        Assert.False(error.IsRecorded);
        session.Transaction!.Rollback();
        session.Transaction = null;
        await runtime.RecordFaultAsync(error.Fault, CancellationToken.None);

        var state = await host.Runtime.GetStateAsync(started.Instance.Id, CancellationToken.None);
        Assert.Equal(WorkflowSubStatus.Faulted, state.Instance.SubStatus);
        Assert.Equal("fail", Assert.Single(state.Instance.Incidents).ActivityId);
        Assert.Equal(0, await DomainRows());
        Assert.True((await host.Runtime.VerifyJournalAsync(started.Instance.Id, CancellationToken.None)).Valid);
    }

    [Fact]
    public async Task Host_exceptions_declared_as_rejections_do_not_fault_the_instance()
    {
        var engine = new WorkflowEngine(TestActivities.Registry(), host.Clock,
            new WorkflowRuntimeOptions { IsRejection = e => e is InvalidOperationException });
        await host.PublishScenarioAsync("Faults");
        var started = await host.StartAsync("faulting", "paper-4");
        var runtime = new WorkflowRuntime(engine, new SqlWorkflowStore(new WorkflowDbSession(host.Connection)), host.Services);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Resume(runtime, started));

        var state = await host.Runtime.GetStateAsync(started.Instance.Id, CancellationToken.None);
        Assert.Equal((WorkflowSubStatus.Suspended, 1L), (state.Instance.SubStatus, state.Instance.Version));
        Assert.Empty(state.Instance.Incidents);
        Assert.Equal(0, await DomainRows());
    }

    private static Task<WorkflowRunResult> Resume(IWorkflowRuntime runtime, WorkflowRunResult started) =>
        runtime.ResumeAsync(new ResumeBookmarkRequest(started.Bookmarks[0].Id, new JsonObject { ["action"] = "go" }, WorkflowTestHost.Clerk), CancellationToken.None);

    private Task<long> DomainRows() => host.Connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM domain_rows");
}

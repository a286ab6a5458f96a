using System.Text.Json.Nodes;
using Dapper;
using Vorlagen.Workflows.Errors;
using Vorlagen.Workflows.Journal;
using Vorlagen.Workflows.Runtime;
using Vorlagen.Workflows.Tests.Infrastructure;

namespace Vorlagen.Workflows.Tests.Scenarios.StraightLine;

public sealed class StraightLineTests : IDisposable
{
    private readonly WorkflowTestHost host = new();

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task Runs_to_the_end_in_one_run_and_commits_state_journal_and_domain_row()
    {
        await host.PublishScenarioAsync("StraightLine");

        var result = await host.StartAsync("straight-line", "paper-1", input: new JsonObject { ["paperId"] = "0640" });

        Assert.Equal(WorkflowStatus.Finished, result.Instance.Status);
        Assert.Equal(WorkflowSubStatus.Finished, result.Instance.SubStatus);
        Assert.Empty(result.Bookmarks);
        Assert.Equal("released", result.Instance.Variables["status"]!.GetValue<string>());

        var state = await host.Runtime.GetStateAsync(result.Instance.Id, CancellationToken.None);
        Assert.Equal(1, state.Instance.Version);
        Assert.Equal("paper-1", state.Instance.CorrelationId);
        Assert.Equal("0640", state.Instance.Input["paperId"]!.GetValue<string>());
        Assert.NotNull(state.Instance.FinishedAt);
        Assert.Equal(
            [JournalEvents.Started, JournalEvents.ActivityCompleted, JournalEvents.ActivityCompleted,
             JournalEvents.ActivityCompleted, JournalEvents.ActivityCompleted, JournalEvents.Completed],
            state.Journal.Select(r => r.EventName));
        Assert.Equal([1L, 2, 3, 4, 5, 6], state.Journal.Select(r => r.Sequence));
        Assert.All(state.Journal, r => Assert.Equal(WorkflowTestHost.Clerk.Id, r.ActorId));
        Assert.Equal(["start", "set-status", "insert", "end"], state.Journal.Where(r => r.EventName == JournalEvents.ActivityCompleted).Select(r => r.ActivityId));
        Assert.Equal(1, await host.Connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM domain_rows WHERE instance_id = @Id", new { result.Instance.Id }));
        Assert.True((await host.Runtime.VerifyJournalAsync(result.Instance.Id, CancellationToken.None)).Valid);
    }

    [Fact]
    public async Task Missing_required_input_is_rejected_and_nothing_is_stored()
    {
        await host.PublishScenarioAsync("StraightLine");

        var error = await Assert.ThrowsAsync<InvalidWorkflowInputException>(() => host.StartAsync("straight-line", "paper-2"));

        Assert.Equal(["paperId"], error.Errors.Keys);
        Assert.Empty(await host.Runtime.FindInstancesAsync("paper-2", CancellationToken.None));
        Assert.Equal(0, await host.Connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM domain_rows"));
    }

    [Fact]
    public async Task Input_of_the_wrong_type_is_rejected()
    {
        await host.PublishScenarioAsync("StraightLine");

        var error = await Assert.ThrowsAsync<InvalidWorkflowInputException>(
            () => host.StartAsync("straight-line", "paper-3", input: new JsonObject { ["paperId"] = 640 }));

        Assert.Contains("String", error.Errors["paperId"][0]);
    }

    [Fact]
    public async Task Starting_an_unknown_definition_is_a_typed_error()
    {
        var error = await Assert.ThrowsAsync<WorkflowDefinitionNotFoundException>(() => host.StartAsync("nope", "paper-4"));

        Assert.Equal("nope", error.DefinitionId);
    }
}

using System.Text.Json.Nodes;
using Vorlagen.Workflows.Errors;
using Vorlagen.Workflows.Journal;
using Vorlagen.Workflows.Persistence;
using Vorlagen.Workflows.Runtime;
using Vorlagen.Workflows.Tests.Infrastructure;

namespace Vorlagen.Workflows.Tests.Scenarios.ParallelResume;

public sealed class ParallelResumeTests : IDisposable
{
    private readonly WorkflowTestHost host = new();

    public ParallelResumeTests() => host.PublishScenarioAsync("ParallelResume").GetAwaiter().GetResult();

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task Two_tasks_on_two_connections_resuming_one_bookmark_exactly_one_wins()
    {
        for (var round = 0; round < 10; round++)
        {
            var started = await host.StartAsync("parallel-resume", $"paper-{round}");
            var bookmarkId = started.Bookmarks[0].Id;
            using var ready = new Barrier(2);

            var outcomes = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
            {
                await using var connection = host.Database.Open();
                var runtime = host.CreateRuntime(new WorkflowDbSession(connection));
                ready.SignalAndWait();
                try
                {
                    await runtime.ResumeAsync(new ResumeBookmarkRequest(bookmarkId, Go, WorkflowTestHost.Clerk), CancellationToken.None);
                    return null;
                }
                catch (Exception exception)
                {
                    return exception;
                }
            })));

            Assert.Single(outcomes, o => o is null);
            Assert.IsAssignableFrom<WorkflowConflictException>(Assert.Single(outcomes, o => o is not null));
            await AssertResumedOnceAsync(started.Instance.Id);
        }
    }

    [Fact]
    public async Task A_run_that_read_before_another_committed_fails_the_version_check()
    {
        var started = await host.StartAsync("parallel-resume", "paper-stale");
        var bookmarkId = started.Bookmarks[0].Id;
        await using var connection = host.Database.Open();
        var otherCommitted = new TaskCompletionSource();
        var readDone = new TaskCompletionSource();
        var store = new PausingWorkflowStore(new SqlWorkflowStore(new WorkflowDbSession(connection)), async () =>
        {
            readDone.SetResult();
            await otherCommitted.Task;
        });
        var slow = new WorkflowRuntime(host.Engine, store, host.Services);

        var slowRun = slow.ResumeAsync(new ResumeBookmarkRequest(bookmarkId, Go, WorkflowTestHost.Clerk), CancellationToken.None);
        await readDone.Task;
        await host.Runtime.ResumeAsync(new ResumeBookmarkRequest(bookmarkId, Go, WorkflowTestHost.Landrat), CancellationToken.None);
        otherCommitted.SetResult();

        var conflict = await Assert.ThrowsAsync<WorkflowConcurrencyException>(() => slowRun);
        Assert.Equal((started.Instance.Id, 1L), (conflict.InstanceId, conflict.ExpectedVersion));
        await AssertResumedOnceAsync(started.Instance.Id);
    }

    [Fact]
    public async Task Deleting_a_bookmark_that_is_gone_is_a_conflict_not_a_silent_no_op()
    {
        var started = await host.StartAsync("parallel-resume", "paper-gone");
        await using var unit = await new SqlWorkflowStore(new WorkflowDbSession(host.Connection)).BeginAsync(CancellationToken.None);
        var instance = started.Instance with { Version = 2, UpdatedAt = host.Clock.GetUtcNow() };

        var conflict = await Assert.ThrowsAsync<WorkflowConcurrencyException>(() => unit.ApplyAsync(
            new WorkflowRunChanges(instance, ExpectedVersion: 1, ["no-such-bookmark"], [], []), CancellationToken.None));

        Assert.Contains("no-such-bookmark", conflict.Message);
    }

    private static JsonObject Go => new() { ["action"] = "go" };

    private async Task AssertResumedOnceAsync(string instanceId)
    {
        var state = await host.Runtime.GetStateAsync(instanceId, CancellationToken.None);
        Assert.Equal(WorkflowSubStatus.Finished, state.Instance.SubStatus);
        Assert.Equal(2, state.Instance.Version);
        Assert.Single(state.Journal, r => r.EventName == JournalEvents.Resumed);
        Assert.True((await host.Runtime.VerifyJournalAsync(instanceId, CancellationToken.None)).Valid);
    }
}

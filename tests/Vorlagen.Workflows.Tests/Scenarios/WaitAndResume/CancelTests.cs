using Vorlagen.Workflows.Errors;
using Vorlagen.Workflows.Journal;
using Vorlagen.Workflows.Runtime;
using Vorlagen.Workflows.Tests.Infrastructure;

namespace Vorlagen.Workflows.Tests.Scenarios.WaitAndResume;

public sealed class CancelTests : IDisposable
{
    private readonly WorkflowTestHost host = new();

    public CancelTests() => host.PublishScenarioAsync("WaitAndResume").GetAwaiter().GetResult();

    public void Dispose() => host.Dispose();

    private IWorkflowRuntime Runtime => host.Runtime;

    [Fact]
    public async Task Cancel_removes_bookmarks_and_finishes_as_cancelled()
    {
        var started = await host.StartAsync("wait-and-resume", "paper-9");

        var cancelled = await Runtime.CancelAsync(new CancelWorkflowRequest(started.Instance.Id, WorkflowTestHost.Clerk, "zurückgezogen"), CancellationToken.None);

        Assert.Equal((WorkflowStatus.Finished, WorkflowSubStatus.Cancelled), (cancelled.Instance.Status, cancelled.Instance.SubStatus));
        var state = await Runtime.GetStateAsync(started.Instance.Id, CancellationToken.None);
        Assert.Empty(state.Bookmarks);
        Assert.Equal((JournalEvents.Cancelled, "zurückgezogen"), (state.Journal[^1].EventName, state.Journal[^1].Message));
        await Assert.ThrowsAsync<WorkflowNotRunningException>(() => Runtime.CancelAsync(
            new CancelWorkflowRequest(started.Instance.Id, WorkflowTestHost.Clerk), CancellationToken.None));
        Assert.True((await Runtime.VerifyJournalAsync(started.Instance.Id, CancellationToken.None)).Valid);
    }
}

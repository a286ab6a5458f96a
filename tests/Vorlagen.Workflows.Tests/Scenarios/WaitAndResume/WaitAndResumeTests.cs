using System.Text.Json.Nodes;
using Vorlagen.Workflows.Errors;
using Vorlagen.Workflows.Journal;
using Vorlagen.Workflows.Runtime;
using Vorlagen.Workflows.Tests.Infrastructure;

namespace Vorlagen.Workflows.Tests.Scenarios.WaitAndResume;

public sealed class WaitAndResumeTests : IDisposable
{
    private readonly WorkflowTestHost host = new();

    public WaitAndResumeTests() => host.PublishScenarioAsync("WaitAndResume").GetAwaiter().GetResult();

    public void Dispose() => host.Dispose();

    private IWorkflowRuntime Runtime => host.Runtime;

    [Fact]
    public async Task Suspends_at_the_first_wait_with_a_bookmark_that_carries_actions_and_roles()
    {
        var result = await host.StartAsync("wait-and-resume", "paper-1");

        Assert.Equal(WorkflowStatus.Running, result.Instance.Status);
        Assert.Equal(WorkflowSubStatus.Suspended, result.Instance.SubStatus);
        var bookmark = Assert.Single(await Runtime.GetOpenBookmarksAsync("paper-1", CancellationToken.None));
        Assert.Equal("Vorlagen.WaitForAction", bookmark.Name);
        Assert.Equal("release", bookmark.ActivityId);
        Assert.Equal("paper-1", bookmark.CorrelationId);
        Assert.Equal("""{"allowedActions":["release","withdraw"],"allowedRoles":{"release":["Landrat"]}}""", bookmark.Payload.ToJsonString());
        Assert.Equal(64, bookmark.Hash.Length);
        Assert.Equal(JournalEvents.Suspended, result.Journal[^1].EventName);
    }

    [Fact]
    public async Task Available_actions_depend_on_the_role()
    {
        await host.StartAsync("wait-and-resume", "paper-2");

        var forLandrat = await Runtime.GetAvailableActionsAsync("paper-2", WorkflowTestHost.Landrat, CancellationToken.None);
        var forClerk = await Runtime.GetAvailableActionsAsync("paper-2", WorkflowTestHost.Clerk, CancellationToken.None);

        Assert.Equal(["release", "withdraw"], forLandrat.Select(a => a.Action));
        Assert.Equal(["Landrat"], forLandrat[0].AllowedRoles);
        Assert.Equal(["withdraw"], forClerk.Select(a => a.Action));
    }

    [Fact]
    public async Task A_role_that_may_not_act_gets_a_typed_error_listing_its_actions_and_nothing_changes()
    {
        var started = await host.StartAsync("wait-and-resume", "paper-3");

        var error = await Assert.ThrowsAsync<ActionNotAllowedException>(() => Runtime.ResumeActionAsync(
            new ResumeActionRequest("paper-3", "release", null, WorkflowTestHost.Clerk), CancellationToken.None));

        Assert.Equal(ActionNotAllowedReason.RoleNotPermitted, error.Reason);
        Assert.Equal(["withdraw"], error.AllowedActions);
        var state = await Runtime.GetStateAsync(started.Instance.Id, CancellationToken.None);
        Assert.Equal(started.Instance.Version, state.Instance.Version);
        Assert.Single(state.Bookmarks);
        Assert.Equal(started.Journal.Count, state.Journal.Count);
    }

    [Fact]
    public async Task An_action_not_offered_gets_a_typed_error_listing_the_allowed_actions()
    {
        await host.StartAsync("wait-and-resume", "paper-4");

        var error = await Assert.ThrowsAsync<ActionNotAllowedException>(() => Runtime.ResumeActionAsync(
            new ResumeActionRequest("paper-4", "record", null, WorkflowTestHost.Landrat), CancellationToken.None));

        Assert.Equal(ActionNotAllowedReason.NotAvailable, error.Reason);
        Assert.Equal(["release", "withdraw"], error.AllowedActions);
    }

    [Fact]
    public async Task Resuming_by_bookmark_id_checks_the_action_too()
    {
        var started = await host.StartAsync("wait-and-resume", "paper-5");

        var error = await Assert.ThrowsAsync<ActionNotAllowedException>(() => Runtime.ResumeAsync(
            new ResumeBookmarkRequest(started.Bookmarks[0].Id, new JsonObject { ["action"] = "publish" }, WorkflowTestHost.Landrat),
            CancellationToken.None));

        Assert.Equal(["release", "withdraw"], error.AllowedActions);
    }

    [Fact]
    public async Task Walks_through_both_waits_to_the_end_and_records_the_result_in_the_journal()
    {
        var started = await host.StartAsync("wait-and-resume", "paper-6");
        var released = await Runtime.ResumeActionAsync(
            new ResumeActionRequest("paper-6", "release", null, WorkflowTestHost.Landrat), CancellationToken.None);
        Assert.Equal(WorkflowSubStatus.Suspended, released.Instance.SubStatus);
        Assert.Equal("record", Assert.Single(released.Bookmarks).ActivityId);

        var tally = new JsonObject { ["yes"] = 17, ["no"] = 43, ["abstain"] = 0 };
        var finished = await Runtime.ResumeActionAsync(
            new ResumeActionRequest("paper-6", "record", new JsonObject { ["tally"] = tally }, WorkflowTestHost.Clerk), CancellationToken.None);

        Assert.Equal(WorkflowSubStatus.Finished, finished.Instance.SubStatus);
        Assert.Equal(3, finished.Instance.Version);
        Assert.Equal(1, host.Services.GetService(typeof(CallCounter)) is CallCounter c ? c.Count : -1);
        var state = await Runtime.GetStateAsync(started.Instance.Id, CancellationToken.None);
        Assert.Empty(state.Bookmarks);
        var recorded = Assert.Single(state.Journal, r => r.EventName == "ResultRecorded");
        Assert.Equal("""{"abstain":0,"no":43,"yes":17}""", recorded.Payload);
        Assert.Equal(WorkflowTestHost.Clerk.Role, recorded.ActorRole);
        Assert.Equal("record", state.Instance.Outputs["record"]!["action"]!.GetValue<string>());
        Assert.Equal(state.Journal.Select((_, i) => i + 1L), state.Journal.Select(r => r.Sequence));
        Assert.True((await Runtime.VerifyJournalAsync(started.Instance.Id, CancellationToken.None)).Valid);
    }

    [Fact]
    public async Task A_consumed_bookmark_cannot_be_resumed_again()
    {
        var started = await host.StartAsync("wait-and-resume", "paper-7");
        var request = new ResumeBookmarkRequest(started.Bookmarks[0].Id, new JsonObject { ["action"] = "withdraw" }, WorkflowTestHost.Clerk);
        var withdrawn = await Runtime.ResumeAsync(request, CancellationToken.None);
        Assert.Equal("withdrawn", withdrawn.Instance.Variables["status"]!.GetValue<string>());

        var error = await Assert.ThrowsAsync<BookmarkNotFoundException>(() => Runtime.ResumeAsync(request, CancellationToken.None));

        Assert.Equal(started.Bookmarks[0].Id, error.BookmarkId);
    }

    [Fact]
    public async Task Resumes_by_filter_on_name_correlation_and_payload()
    {
        await host.StartAsync("wait-and-resume", "paper-8");
        var filter = new BookmarkFilter("Vorlagen.WaitForAction", "paper-8", new JsonObject { ["allowedActions"] = "withdraw" });

        var result = await Runtime.ResumeAsync(
            new ResumeByFilterRequest(filter, new JsonObject { ["action"] = "withdraw" }, WorkflowTestHost.Clerk), CancellationToken.None);

        Assert.Equal(WorkflowSubStatus.Finished, result.Instance.SubStatus);
        var missing = filter with { Payload = new JsonObject { ["allowedActions"] = "record" } };
        await Assert.ThrowsAsync<BookmarkNotFoundException>(() => Runtime.ResumeAsync(
            new ResumeByFilterRequest(missing, null, WorkflowTestHost.Clerk), CancellationToken.None));
    }
}

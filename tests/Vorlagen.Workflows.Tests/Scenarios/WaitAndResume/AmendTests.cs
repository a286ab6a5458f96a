using System.Text.Json.Nodes;
using Vorlagen.Workflows.Activities.BuiltIn;
using Vorlagen.Workflows.Errors;
using Vorlagen.Workflows.Journal;
using Vorlagen.Workflows.Runtime;
using Vorlagen.Workflows.Tests.Infrastructure;

namespace Vorlagen.Workflows.Tests.Scenarios.WaitAndResume;

/// <summary>Appending a record without a run, and re-running an activity with new input (a corrected result): the chain stays intact.</summary>
public sealed class AmendTests : IDisposable
{
    private readonly WorkflowTestHost host = new();

    public AmendTests() => host.PublishScenarioAsync("WaitAndResume").GetAwaiter().GetResult();

    public void Dispose() => host.Dispose();

    private IWorkflowRuntime Runtime => host.Runtime;

    private static readonly JsonObject RecordPayload = new() { ["allowedActions"] = new JsonArray("record"), ["allowedRoles"] = new JsonArray("Vorsitz", "Sitzungsdienst") };

    private async Task<WorkflowRunResult> RecordedAsync(string correlation)
    {
        await host.StartAsync("wait-and-resume", correlation);
        await Runtime.ResumeActionAsync(new ResumeActionRequest(correlation, "release", null, WorkflowTestHost.Landrat), CancellationToken.None);
        return await Runtime.ResumeActionAsync(new ResumeActionRequest(correlation, "record",
            new JsonObject { ["tally"] = new JsonObject { ["yes"] = 17, ["no"] = 43 } }, WorkflowTestHost.Clerk), CancellationToken.None);
    }

    [Fact]
    public async Task Append_adds_one_chained_record_and_leaves_state_and_bookmarks_as_they_are()
    {
        var started = await host.StartAsync("wait-and-resume", "amend-1");
        var before = await Runtime.GetStateAsync(started.Instance.Id, CancellationToken.None);

        var appended = await Runtime.AppendAsync(new AppendJournalRequest(started.Instance.Id, "ResultCorrected", "release", "berichtigt",
            new JsonObject { ["reason"] = "Zählfehler" }, WorkflowTestHost.Clerk), CancellationToken.None);

        var after = await Runtime.GetStateAsync(started.Instance.Id, CancellationToken.None);
        Assert.Equal((before.Instance.Version + 1, before.Instance.JournalSequence + 1), (after.Instance.Version, after.Instance.JournalSequence));
        Assert.Equal((before.Instance.Status, before.Instance.SubStatus), (after.Instance.Status, after.Instance.SubStatus));
        Assert.Equal(before.Bookmarks.Select(b => b.Id), after.Bookmarks.Select(b => b.Id));
        var record = after.Journal[^1];
        Assert.Equal(("ResultCorrected", "release", "Freigabe", "berichtigt", "Sitzungsdienst"),
            (record.EventName, record.ActivityId, record.ActivityName, record.Message, record.ActorRole));
        Assert.Equal(before.Journal[^1].Hash, record.PreviousHash);
        Assert.Equal(Assert.Single(appended.Journal).Hash, after.Instance.JournalHash);
        Assert.True((await Runtime.VerifyJournalAsync(started.Instance.Id, CancellationToken.None)).Valid);
        await Assert.ThrowsAsync<WorkflowInstanceNotFoundException>(() => Runtime.AppendAsync(
            new AppendJournalRequest("missing", "X", null, null, null, WorkflowTestHost.Clerk), CancellationToken.None));
    }

    [Fact]
    public async Task Rerun_of_a_finished_instance_resumes_the_activity_again_and_runs_what_follows()
    {
        var finished = await RecordedAsync("amend-2");
        Assert.Equal(WorkflowSubStatus.Finished, finished.Instance.SubStatus);

        var rerun = await Runtime.RerunAsync(new RerunActivityRequest(finished.Instance.Id, "record", WaitForActionPayload.BookmarkName, RecordPayload,
            new JsonObject { ["action"] = "record", ["tally"] = new JsonObject { ["yes"] = 43, ["no"] = 17 } }, WorkflowTestHost.Clerk), CancellationToken.None);

        Assert.Equal((WorkflowStatus.Finished, WorkflowSubStatus.Finished), (rerun.Instance.Status, rerun.Instance.SubStatus));
        var state = await Runtime.GetStateAsync(finished.Instance.Id, CancellationToken.None);
        Assert.Empty(state.Bookmarks);
        Assert.Equal(JournalEvents.Rerun, rerun.Journal[0].EventName);
        var results = state.Journal.Where(r => r.EventName == "ResultRecorded").Select(r => r.Payload).ToList();
        Assert.Equal(["""{"no":43,"yes":17}""", """{"no":17,"yes":43}"""], results); // the first record stays, the re-run adds its own
        Assert.Equal(state.Journal.Select((_, i) => i + 1L), state.Journal.Select(r => r.Sequence));
        Assert.True((await Runtime.VerifyJournalAsync(finished.Instance.Id, CancellationToken.None)).Valid);
    }

    [Fact]
    public async Task Rerun_drops_the_open_bookmarks_and_a_cancelled_instance_is_refused()
    {
        var started = await host.StartAsync("wait-and-resume", "amend-3");
        await Runtime.ResumeActionAsync(new ResumeActionRequest("amend-3", "release", null, WorkflowTestHost.Landrat), CancellationToken.None);
        var waiting = Assert.Single(await Runtime.GetOpenBookmarksAsync("amend-3", CancellationToken.None));

        var release = new JsonObject { ["allowedActions"] = new JsonArray("release", "withdraw"), ["allowedRoles"] = new JsonObject { ["release"] = new JsonArray("Landrat") } };
        var rerun = await Runtime.RerunAsync(new RerunActivityRequest(started.Instance.Id, "release", WaitForActionPayload.BookmarkName, release,
            new JsonObject { ["action"] = "release" }, WorkflowTestHost.Landrat), CancellationToken.None);

        var open = Assert.Single(await Runtime.GetOpenBookmarksAsync("amend-3", CancellationToken.None));
        Assert.NotEqual(waiting.Id, open.Id);
        Assert.Equal(("record", WorkflowSubStatus.Suspended), (open.ActivityId, rerun.Instance.SubStatus));
        var dropped = Assert.Single(JsonNode.Parse(rerun.Journal[0].Payload!)!["dropped"]!.AsArray())!;
        Assert.Equal(("record", WaitForActionPayload.BookmarkName), (dropped["activityId"]!.GetValue<string>(), dropped["name"]!.GetValue<string>()));

        await Runtime.CancelAsync(new CancelWorkflowRequest(started.Instance.Id, WorkflowTestHost.Clerk), CancellationToken.None);
        var before = await Runtime.GetStateAsync(started.Instance.Id, CancellationToken.None);
        await Assert.ThrowsAsync<WorkflowNotRunningException>(() => Runtime.RerunAsync(new RerunActivityRequest(started.Instance.Id, "release",
            WaitForActionPayload.BookmarkName, release, new JsonObject { ["action"] = "release" }, WorkflowTestHost.Landrat), CancellationToken.None));
        Assert.Equal(before.Instance.Version, (await Runtime.GetStateAsync(started.Instance.Id, CancellationToken.None)).Instance.Version);
    }
}

using System.Text.Json.Nodes;
using Vorlagen.Workflows.Definitions;
using Vorlagen.Workflows.Errors;
using Vorlagen.Workflows.Persistence;
using Vorlagen.Workflows.Runtime;
using Vorlagen.Workflows.Tests.Infrastructure;

namespace Vorlagen.Workflows.Tests.Scenarios.WaitAndResume;

/// <summary>The same flow on the in-memory store (fast; used by the benchmark too).</summary>
public sealed class InMemoryWaitAndResumeTests
{
    [Fact]
    public async Task Runs_the_scenario_with_the_same_checks_as_the_sql_store()
    {
        var engine = new WorkflowEngine(TestActivities.Registry(), new FakeTimeProvider());
        var store = new InMemoryWorkflowStore();
        var runtime = new WorkflowRuntime(engine, store, new TestServices());
        var definition = engine.Loader.LoadFile(RepositoryPaths.Scenario("WaitAndResume")).EnsureValid().Definitions[0];
        await new WorkflowDefinitionPublisher(engine, store).PublishAsync(definition, CancellationToken.None);

        var started = await runtime.CreateAndRunAsync(
            new CreateAndRunWorkflowRequest("wait-and-resume", "paper-1", null, WorkflowTestHost.Clerk), CancellationToken.None);
        var request = new ResumeBookmarkRequest(started.Bookmarks[0].Id, new JsonObject { ["action"] = "withdraw" }, WorkflowTestHost.Clerk);
        var finished = await runtime.ResumeAsync(request, CancellationToken.None);

        Assert.Equal(WorkflowSubStatus.Finished, finished.Instance.SubStatus);
        await Assert.ThrowsAsync<BookmarkNotFoundException>(() => runtime.ResumeAsync(request, CancellationToken.None));
        var journal = await runtime.VerifyAllJournalsAsync(CancellationToken.None);
        Assert.True(journal.Valid);
        Assert.Equal(finished.Instance.JournalSequence, journal.Records);
    }
}

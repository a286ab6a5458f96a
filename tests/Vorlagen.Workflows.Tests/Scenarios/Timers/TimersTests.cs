using Vorlagen.Workflows.Journal;
using Vorlagen.Workflows.Persistence;
using Vorlagen.Workflows.Runtime;
using Vorlagen.Workflows.Tests.Infrastructure;
using Vorlagen.Workflows.Timers;

namespace Vorlagen.Workflows.Tests.Scenarios.Timers;

public sealed class TimersTests : IDisposable
{
    private readonly WorkflowTestHost host = new();
    private readonly WorkflowTimerService timers;

    public TimersTests() => timers = new WorkflowTimerService(new SqliteRuntimeScopeFactory(host), host.Clock);

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task A_duration_timer_waits_until_due_and_is_then_resumed_by_the_timer_service()
    {
        await host.PublishScenarioAsync("Timers");
        var started = await host.StartAsync("timer-duration", "paper-1");
        var bookmark = Assert.Single(started.Bookmarks);
        Assert.Equal(host.Clock.GetUtcNow().AddDays(14), bookmark.DueAt);
        Assert.Equal(InstantText.ToText(host.Clock.GetUtcNow().AddDays(14)), bookmark.Payload["dueAt"]!.GetValue<string>());

        host.Clock.Advance(TimeSpan.FromDays(14) - TimeSpan.FromTicks(1));
        Assert.Equal(0, await timers.RunDueTimersAsync(CancellationToken.None));
        host.Clock.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(1, await timers.RunDueTimersAsync(CancellationToken.None));

        var state = await host.Runtime.GetStateAsync(started.Instance.Id, CancellationToken.None);
        Assert.Equal(WorkflowSubStatus.Finished, state.Instance.SubStatus);
        Assert.True(state.Instance.Variables["periodOver"]!.GetValue<bool>());
        var resumed = Assert.Single(state.Journal, r => r.EventName == JournalEvents.Resumed);
        Assert.Equal(WorkflowActor.System.Id, resumed.ActorId);
        Assert.Equal(0, await timers.RunDueTimersAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_due_at_timer_uses_the_given_instant()
    {
        await host.PublishScenarioAsync("Timers", "workflow-due-at.json");
        var started = await host.StartAsync("timer-due-at", "paper-2");

        Assert.Equal(new DateTimeOffset(2025, 3, 10, 11, 0, 0, TimeSpan.Zero), started.Bookmarks[0].DueAt);
        host.Clock.Advance(TimeSpan.FromDays(9) + TimeSpan.FromHours(1));
        Assert.Equal(0, await timers.RunDueTimersAsync(CancellationToken.None));
        host.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await timers.RunDueTimersAsync(CancellationToken.None));
        Assert.Equal(WorkflowSubStatus.Finished, (await host.Runtime.GetStateAsync(started.Instance.Id, CancellationToken.None)).Instance.SubStatus);
    }

    [Fact]
    public async Task Two_timer_services_on_one_database_resume_each_timer_exactly_once()
    {
        await host.PublishScenarioAsync("Timers");
        var instances = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            instances.Add((await host.StartAsync("timer-duration", $"paper-{i}")).Instance.Id);
        }
        host.Clock.Advance(TimeSpan.FromDays(15));
        var other = new WorkflowTimerService(new SqliteRuntimeScopeFactory(host), host.Clock);

        var counts = await Task.WhenAll(
            Task.Run(() => timers.RunDueTimersAsync(CancellationToken.None)),
            Task.Run(() => other.RunDueTimersAsync(CancellationToken.None)));

        Assert.Equal(instances.Count, counts.Sum());
        foreach (var id in instances)
        {
            var state = await host.Runtime.GetStateAsync(id, CancellationToken.None);
            Assert.Equal(WorkflowSubStatus.Finished, state.Instance.SubStatus);
            Assert.Single(state.Journal, r => r.EventName == JournalEvents.Resumed);
        }
        Assert.True((await host.Runtime.VerifyAllJournalsAsync(CancellationToken.None)).Valid);
    }
}

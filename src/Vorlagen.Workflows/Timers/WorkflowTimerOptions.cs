namespace Vorlagen.Workflows.Timers;

/// <summary>How often the timer loop looks for due timers and how many it resumes per pass.</summary>
public sealed record WorkflowTimerOptions
{
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(15);
    public int BatchSize { get; init; } = 100;

    /// <summary>Called when a pass fails (e.g. the database is unreachable); the loop goes on. Wire it to the host's logger.</summary>
    public Action<Exception> OnError { get; init; } = _ => { };
}

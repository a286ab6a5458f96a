namespace Vorlagen.Workflows.Runtime;

/// <summary>Tuning and policy of the runtime.</summary>
public sealed record WorkflowRuntimeOptions
{
    /// <summary>Guards against flowcharts that loop without waiting: beyond this, the run faults.</summary>
    public int MaxActivityExecutionsPerRun { get; init; } = 10_000;

    /// <summary>
    /// Exceptions that reject the request instead of faulting the instance, in addition to
    /// <c>WorkflowRejectedException</c> (e.g. the host's domain validation exceptions thrown by
    /// host activities). They propagate unchanged; the run is not committed.
    /// </summary>
    public Func<Exception, bool> IsRejection { get; init; } = _ => false;

    /// <summary>
    /// Seals every journal head at commit with a keyed MAC and makes verification require it. Null
    /// (the default) keeps the plain SHA-256 chain, which anyone with write access can recompute.
    /// </summary>
    public Journal.JournalKey? JournalKey { get; init; }

    /// <summary>Checkpoints outside the database that verification compares the heads against.</summary>
    public Journal.JournalCheckpointFile? JournalCheckpoints { get; init; }
}

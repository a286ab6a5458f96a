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
}

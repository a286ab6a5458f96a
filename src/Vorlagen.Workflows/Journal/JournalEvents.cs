namespace Vorlagen.Workflows.Journal;

/// <summary>Event names the runtime writes. Hosts may append their own (e.g. "ResultRecorded").</summary>
public static class JournalEvents
{
    public const string Started = "Started";
    public const string Resumed = "Resumed";
    public const string Suspended = "Suspended";
    public const string Completed = "Completed";
    public const string Faulted = "Faulted";
    public const string Cancelled = "Cancelled";
    public const string ActivityCompleted = "ActivityCompleted";
    /// <summary>An activity is resumed once more with new input (<see cref="Runtime.RerunActivityRequest"/>).</summary>
    public const string Rerun = "Rerun";
}

namespace Vorlagen.Workflows.Runtime;

/// <summary>An activity that threw: recorded on the instance when it faults.</summary>
public sealed record WorkflowIncident(
    string ActivityId,
    string ActivityType,
    string Message,
    string ExceptionType,
    DateTimeOffset Timestamp);

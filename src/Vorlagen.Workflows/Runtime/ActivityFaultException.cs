namespace Vorlagen.Workflows.Runtime;

/// <summary>Internal signal: an activity threw; the runtime turns it into a recorded fault.</summary>
internal sealed class ActivityFaultException(WorkflowIncident incident, Exception cause)
    : Exception(incident.Message, cause)
{
    public WorkflowIncident Incident { get; } = incident;
}

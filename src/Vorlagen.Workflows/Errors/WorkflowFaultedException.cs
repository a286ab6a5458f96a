namespace Vorlagen.Workflows.Errors;

/// <summary>
/// An activity threw; the run's changes must not be committed. When the runtime owned the
/// transaction it has already rolled back and recorded the fault (<see cref="IsRecorded"/>).
/// When the host supplied the transaction, the host rolls it back and then calls
/// <c>IWorkflowRuntime.RecordFaultAsync(Fault)</c> outside that transaction.
/// </summary>
public sealed class WorkflowFaultedException(WorkflowFault fault, bool isRecorded, Exception innerException)
    : WorkflowException(
        $"Workflow instance '{fault.InstanceId}' faulted in activity '{fault.Incident.ActivityId}': {fault.Incident.Message}",
        innerException)
{
    public WorkflowFault Fault { get; } = fault;
    public bool IsRecorded { get; } = isRecorded;
    public override string Code => "workflow-faulted";
}

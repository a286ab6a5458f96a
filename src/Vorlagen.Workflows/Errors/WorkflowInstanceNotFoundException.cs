namespace Vorlagen.Workflows.Errors;

/// <summary>No workflow instance with that id (HTTP 404).</summary>
public sealed class WorkflowInstanceNotFoundException(string instanceId)
    : WorkflowRejectedException($"Workflow instance '{instanceId}' does not exist.")
{
    public string InstanceId { get; } = instanceId;
    public override string Code => "workflow-instance-not-found";
}

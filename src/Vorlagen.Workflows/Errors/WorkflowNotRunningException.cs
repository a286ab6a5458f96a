using Vorlagen.Workflows.Runtime;

namespace Vorlagen.Workflows.Errors;

/// <summary>The instance has already finished (completed, cancelled or faulted without bookmarks).</summary>
public sealed class WorkflowNotRunningException(string instanceId, WorkflowSubStatus subStatus)
    : WorkflowConflictException($"Workflow instance '{instanceId}' is not running (it is {subStatus}).")
{
    public string InstanceId { get; } = instanceId;
    public WorkflowSubStatus SubStatus { get; } = subStatus;
    public override string Code => "workflow-not-running";
}

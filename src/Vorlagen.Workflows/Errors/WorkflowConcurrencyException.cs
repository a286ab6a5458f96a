namespace Vorlagen.Workflows.Errors;

/// <summary>The instance's version or its bookmarks changed since this run read them (optimistic check failed).</summary>
public sealed class WorkflowConcurrencyException(string instanceId, long expectedVersion, string detail)
    : WorkflowConflictException(
        $"Workflow instance '{instanceId}' was changed concurrently (expected version {expectedVersion}): {detail}")
{
    public string InstanceId { get; } = instanceId;
    public long ExpectedVersion { get; } = expectedVersion;
    public override string Code => "workflow-concurrency-conflict";
}

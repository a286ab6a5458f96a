namespace Vorlagen.Workflows.Runtime;

/// <summary>Cancel a running instance: its bookmarks are removed and it finishes as Cancelled.</summary>
public sealed record CancelWorkflowRequest(string InstanceId, WorkflowActor Actor, string? Reason = null);

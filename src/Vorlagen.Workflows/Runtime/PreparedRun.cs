namespace Vorlagen.Workflows.Runtime;

/// <summary>A run ready to execute: where it starts and whether the instance is new (not stored yet).</summary>
internal sealed record PreparedRun(WorkflowRun Run, Definitions.ActivityNode First, Bookmark? Bookmark, bool IsNewInstance);

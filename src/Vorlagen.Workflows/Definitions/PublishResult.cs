namespace Vorlagen.Workflows.Definitions;

/// <summary>The version a file is published as, and whether publishing created it (false: content unchanged).</summary>
public sealed record PublishResult(WorkflowDefinitionVersion Version, bool Created);

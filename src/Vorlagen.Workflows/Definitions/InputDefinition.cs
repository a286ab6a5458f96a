namespace Vorlagen.Workflows.Definitions;

/// <summary>A declared workflow input; required inputs must be passed when an instance starts.</summary>
public sealed record InputDefinition(string Name, WorkflowValueType Type, bool Required);

namespace Vorlagen.Workflows.Runtime;

/// <summary>Elsa's coarse instance status.</summary>
public enum WorkflowStatus
{
    Running,
    Finished,
}

namespace Vorlagen.Workflows.Runtime;

/// <summary>
/// Elsa's fine instance status. <see cref="Pending"/> and <see cref="Executing"/> exist only while a
/// run is in progress (a run commits once, at its end), so stored instances are Suspended, Finished,
/// Cancelled or Faulted.
/// </summary>
public enum WorkflowSubStatus
{
    Pending,
    Executing,
    Suspended,
    Finished,
    Cancelled,
    Faulted,
}

using Vorlagen.Workflows.Runtime;

namespace Vorlagen.Workflows.Errors;

/// <summary>
/// What is needed to record a fault after the faulted run was rolled back: the instance as it
/// was before the run (<see cref="IsNewInstance"/> when the run was its start and nothing of it
/// is stored yet), the incident and the actor.
/// </summary>
public sealed record WorkflowFault(WorkflowInstance InstanceBeforeRun, bool IsNewInstance, WorkflowIncident Incident, WorkflowActor Actor)
{
    public string InstanceId => InstanceBeforeRun.Id;
}

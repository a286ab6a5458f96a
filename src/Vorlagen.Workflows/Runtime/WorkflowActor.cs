namespace Vorlagen.Workflows.Runtime;

/// <summary>Who caused a run: a user of the host, or <see cref="System"/> for timers.</summary>
public sealed record WorkflowActor(string Id, string Name, string? Role)
{
    public static WorkflowActor System { get; } = new("system", "System", null);
}

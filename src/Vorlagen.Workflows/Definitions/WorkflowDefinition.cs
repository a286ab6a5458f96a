using Vorlagen.Workflows.Activities;

namespace Vorlagen.Workflows.Definitions;

/// <summary>
/// A validated definition. <see cref="Content"/> is its canonical JSON without the
/// database-managed fields (<c>version</c>, <c>isLatest</c>, <c>isPublished</c>) and
/// <see cref="ContentHash"/> its SHA-256, which decides whether publishing creates a new version.
/// </summary>
public sealed record WorkflowDefinition(
    string DefinitionId,
    string Name,
    string SourceName,
    IReadOnlyList<VariableDefinition> Variables,
    IReadOnlyList<InputDefinition> Inputs,
    IReadOnlyList<ActivityNode> Activities,
    IReadOnlyList<Connection> Connections,
    string Content,
    string ContentHash)
{
    public ActivityNode StartActivity => Activities.Single(a => a.Type == BuiltInActivityTypes.Start);

    public ActivityNode GetActivity(string id) =>
        Activities.FirstOrDefault(a => a.Id == id)
        ?? throw new InvalidOperationException($"Workflow '{DefinitionId}' has no activity '{id}'.");

    /// <summary>Targets connected to an outcome port of an activity, in file order.</summary>
    public IEnumerable<string> TargetsOf(string activityId, string port) =>
        Connections.Where(c => c.Source.Activity == activityId && c.Source.Port == port).Select(c => c.Target.Activity);
}

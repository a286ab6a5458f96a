namespace Vorlagen.Workflows.Errors;

/// <summary>No published version of that definition (or no version with that id).</summary>
public sealed class WorkflowDefinitionNotFoundException(string definitionId)
    : WorkflowRejectedException($"No published workflow definition '{definitionId}'.")
{
    public string DefinitionId { get; } = definitionId;
    public override string Code => "workflow-definition-not-found";
}

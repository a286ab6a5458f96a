namespace Vorlagen.Workflows.Errors;

/// <summary>The start input misses required inputs or has values of the wrong type (HTTP 400); keys are input names.</summary>
public sealed class InvalidWorkflowInputException(string definitionId, IReadOnlyDictionary<string, string[]> errors)
    : WorkflowRejectedException(
        $"Invalid input for workflow '{definitionId}': {string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))}")
{
    public string DefinitionId { get; } = definitionId;
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
    public override string Code => "workflow-input-invalid";
}

namespace Vorlagen.Workflows.Definitions;

/// <summary>The valid definitions read and every error found; the host decides what to do with errors.</summary>
public sealed record WorkflowLoadResult(
    IReadOnlyList<WorkflowDefinition> Definitions,
    IReadOnlyList<WorkflowValidationError> Errors)
{
    public bool IsValid => Errors.Count == 0;

    /// <summary>Throws <see cref="WorkflowDefinitionInvalidException"/> listing all errors, if any.</summary>
    public WorkflowLoadResult EnsureValid() => IsValid ? this : throw new WorkflowDefinitionInvalidException(Errors);
}

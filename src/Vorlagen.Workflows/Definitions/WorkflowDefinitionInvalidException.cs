using Vorlagen.Workflows.Errors;

namespace Vorlagen.Workflows.Definitions;

/// <summary>One or more definition files are invalid; <see cref="Errors"/> lists every problem.</summary>
public sealed class WorkflowDefinitionInvalidException(IReadOnlyList<WorkflowValidationError> errors)
    : WorkflowException(
        $"{errors.Count} workflow definition error(s):{Environment.NewLine}{string.Join(Environment.NewLine, errors)}")
{
    public IReadOnlyList<WorkflowValidationError> Errors { get; } = errors;
    public override string Code => "workflow-definition-invalid";
}

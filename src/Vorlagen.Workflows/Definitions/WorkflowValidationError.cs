namespace Vorlagen.Workflows.Definitions;

/// <summary>One problem in a definition file: which file, where (a JSON path such as
/// <c>$.root.activities[3].allowedActions</c>) and what.</summary>
public sealed record WorkflowValidationError(string Source, string Path, string Message)
{
    public override string ToString() => $"{Source}: {Path}: {Message}";
}

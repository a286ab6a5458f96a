namespace Vorlagen.Workflows.Definitions;

/// <summary>Collects validation errors for one source file.</summary>
internal sealed class ErrorSink(string source)
{
    public List<WorkflowValidationError> Errors { get; } = [];

    public int Count => Errors.Count;

    public void Add(string path, string message) => Errors.Add(new WorkflowValidationError(source, path, message));
}

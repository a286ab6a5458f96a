namespace Vorlagen.Workflows.Errors;

/// <summary>Base of every exception the workflow runtime throws on purpose.</summary>
public abstract class WorkflowException(string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    /// <summary>A stable, machine-readable code for ProblemDetails (<c>type</c>/<c>code</c>).</summary>
    public abstract string Code { get; }
}

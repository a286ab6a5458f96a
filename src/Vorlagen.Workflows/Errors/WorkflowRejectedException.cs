namespace Vorlagen.Workflows.Errors;

/// <summary>
/// The request cannot be applied in the instance's current state; the runtime wrote nothing.
/// Thrown from an activity, it does not fault the instance: the run is abandoned (and its
/// transaction should be rolled back by whoever owns it).
/// </summary>
public abstract class WorkflowRejectedException(string message, Exception? innerException = null)
    : WorkflowException(message, innerException);

namespace Vorlagen.Workflows.Errors;

/// <summary>
/// The state changed under the caller (HTTP 409): a concurrent run won, or the bookmark the caller
/// meant is gone. Of two concurrent resumes of one bookmark the loser gets one of these: a
/// <see cref="WorkflowConcurrencyException"/> if it read before the winner committed, a
/// <see cref="BookmarkNotFoundException"/> if after.
/// </summary>
public abstract class WorkflowConflictException(string message, Exception? innerException = null)
    : WorkflowRejectedException(message, innerException);

using Vorlagen.Workflows.Errors;

namespace Vorlagen.Workflows.Runtime;

/// <summary>A committed run's result, or the fault to record once its transaction has rolled back.</summary>
internal sealed record RunAttempt(WorkflowRunResult? Result, WorkflowFault? Fault, Exception? Cause);

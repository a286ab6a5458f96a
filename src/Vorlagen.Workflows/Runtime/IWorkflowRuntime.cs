using Vorlagen.Workflows.Errors;
using Vorlagen.Workflows.Journal;

namespace Vorlagen.Workflows.Runtime;

/// <summary>
/// Runs and reads workflow instances (Elsa's <c>IWorkflowClient</c>/<c>IWorkflowRuntime</c> in one).
/// Every run commits once: instance, bookmarks and journal together, inside the host's
/// transaction when <c>IWorkflowDbSession.Transaction</c> is set.
/// </summary>
public interface IWorkflowRuntime
{
    Task<WorkflowRunResult> CreateAndRunAsync(CreateAndRunWorkflowRequest request, CancellationToken cancellationToken);
    Task<WorkflowRunResult> ResumeAsync(ResumeBookmarkRequest request, CancellationToken cancellationToken);
    Task<WorkflowRunResult> ResumeAsync(ResumeByFilterRequest request, CancellationToken cancellationToken);
    Task<WorkflowRunResult> ResumeActionAsync(ResumeActionRequest request, CancellationToken cancellationToken);
    Task<WorkflowRunResult> CancelAsync(CancelWorkflowRequest request, CancellationToken cancellationToken);

    /// <summary>Appends records to the journal without a run (the instance's state stays as it is).</summary>
    Task<WorkflowRunResult> AppendAsync(AppendJournalRequest request, CancellationToken cancellationToken);

    /// <summary>Resumes an activity once more with new input; what followed it is redone (see <see cref="RerunActivityRequest"/>).</summary>
    Task<WorkflowRunResult> RerunAsync(RerunActivityRequest request, CancellationToken cancellationToken);

    /// <summary>Records a fault the host received as <see cref="WorkflowFaultedException"/> after rolling back its transaction.</summary>
    Task RecordFaultAsync(WorkflowFault fault, CancellationToken cancellationToken);

    Task<WorkflowInstanceState> GetStateAsync(string instanceId, CancellationToken cancellationToken);
    Task<IReadOnlyList<WorkflowInstance>> FindInstancesAsync(string correlationId, CancellationToken cancellationToken);
    Task<IReadOnlyList<Bookmark>> GetOpenBookmarksAsync(string correlationId, CancellationToken cancellationToken);

    /// <summary>The open bookmarks of many correlations at once, by correlation id.</summary>
    Task<ILookup<string, Bookmark>> GetOpenBookmarksAsync(IReadOnlyCollection<string> correlationIds, CancellationToken cancellationToken);

    /// <summary>The WaitForAction actions the actor's role may take now on the correlation (the paper).</summary>
    Task<IReadOnlyList<AvailableAction>> GetAvailableActionsAsync(string correlationId, WorkflowActor actor, CancellationToken cancellationToken);

    /// <summary>Timer bookmarks due now (per the injected clock), oldest first, of instances not faulted.</summary>
    Task<IReadOnlyList<Bookmark>> GetDueTimersAsync(int max, CancellationToken cancellationToken);

    Task<JournalVerificationResult> VerifyJournalAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Verifies every instance's journal; returns the first broken one, or valid with the total record count.</summary>
    Task<JournalVerificationResult> VerifyAllJournalsAsync(CancellationToken cancellationToken);

    /// <summary>One result per journaled instance, then checkpointed instances now missing and problems of the checkpoint file.</summary>
    Task<IReadOnlyList<JournalVerificationResult>> VerifyEachJournalAsync(CancellationToken cancellationToken);
}

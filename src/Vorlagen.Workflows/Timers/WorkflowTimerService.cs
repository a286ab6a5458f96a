using System.Text.Json.Nodes;
using Vorlagen.Workflows.Errors;
using Vorlagen.Workflows.Runtime;

namespace Vorlagen.Workflows.Timers;

/// <summary>
/// Resumes due Timer bookmarks. Safe with several service instances on one database: each timer
/// is resumed in its own scope and transaction, and the optimistic version check lets exactly
/// one instance win; the losers get a <see cref="WorkflowConflictException"/> and skip it.
/// The host runs <see cref="RunAsync"/> from a BackgroundService (ASP.NET stays out of this library).
/// </summary>
public sealed class WorkflowTimerService(IWorkflowRuntimeScopeFactory scopes, TimeProvider timeProvider, WorkflowTimerOptions? options = null)
{
    private readonly WorkflowTimerOptions settings = options ?? new WorkflowTimerOptions();

    /// <summary>One pass: resumes the timers due now; returns how many this service resumed.</summary>
    public async Task<int> RunDueTimersAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<Bookmark> due;
        await using (var scope = await scopes.CreateScopeAsync(cancellationToken))
        {
            due = await scope.Runtime.GetDueTimersAsync(settings.BatchSize, cancellationToken);
        }
        var resumed = 0;
        foreach (var bookmark in due)
        {
            await using var scope = await scopes.CreateScopeAsync(cancellationToken);
            try
            {
                var input = new JsonObject { ["dueAt"] = bookmark.Payload["dueAt"]?.DeepClone() };
                await scope.Runtime.ResumeAsync(new ResumeBookmarkRequest(bookmark.Id, input, WorkflowActor.System), cancellationToken);
                resumed++;
            }
            catch (WorkflowConflictException)
            {
                // Another service instance (or a person) resumed it first.
            }
            catch (WorkflowFaultedException)
            {
                // Recorded on the instance as an incident; faulted instances are not picked up again.
            }
        }
        return resumed;
    }

    /// <summary>Runs passes every <see cref="WorkflowTimerOptions.PollInterval"/> until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(settings.PollInterval, timeProvider);
        do
        {
            try
            {
                await RunDueTimersAsync(cancellationToken);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                settings.OnError(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(cancellationToken));
    }
}

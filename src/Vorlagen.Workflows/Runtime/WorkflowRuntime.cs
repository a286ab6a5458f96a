using System.Text.Json.Nodes;
using Vorlagen.Workflows.Definitions;
using Vorlagen.Workflows.Errors;
using Vorlagen.Workflows.Journal;
using Vorlagen.Workflows.Persistence;

namespace Vorlagen.Workflows.Runtime;

/// <summary>
/// The runtime for one scope (a request, or one timer batch). Reads happen first; the transaction
/// (the host's, or its own) spans the activities and the single save at the end. If an activity
/// throws, nothing of the run is saved; the fault is recorded afterwards in a fresh transaction.
/// </summary>
public sealed partial class WorkflowRuntime(WorkflowEngine engine, IWorkflowStore store, IServiceProvider services) : IWorkflowRuntime
{
    private readonly FlowchartRunner runner = new(engine);

    private TimeProvider Clock => engine.TimeProvider;

    public Task<WorkflowRunResult> CreateAndRunAsync(CreateAndRunWorkflowRequest request, CancellationToken cancellationToken) =>
        RunGuardedAsync(async unit =>
        {
            var version = await unit.FindPublishedDefinitionAsync(request.DefinitionId, cancellationToken)
                ?? throw new WorkflowDefinitionNotFoundException(request.DefinitionId);
            var definition = engine.Compile(version);
            var input = WorkflowInputs.Validate(definition, request.Input);
            var now = Clock.GetUtcNow();
            var variables = new JsonObject();
            foreach (var variable in definition.Variables)
            {
                variables[variable.Name] = variable.Default?.DeepClone();
            }
            var instance = new WorkflowInstance(
                Ids.New(now), definition.DefinitionId, version.Id, version.Version, Version: 0, request.CorrelationId,
                WorkflowStatus.Running, WorkflowSubStatus.Pending, input, variables, [], [], 0, null, now, now, null);
            var run = NewRun(unit, definition, instance, [], request.Actor, resumeInput: null, cancellationToken);
            run.Log(new JournalEntry(JournalEvents.Started, now, Payload: input.DeepClone()));
            return new PreparedRun(run, definition.StartActivity, null, IsNewInstance: true);
        }, cancellationToken);

    /// <summary>The head's MAC, computed at commit (HMAC-SHA256 of a few ids: microseconds).</summary>
    private WorkflowRunChanges Seal(WorkflowRunChanges changes) => engine.Options.JournalKey is not { } key ? changes : changes with
    {
        Instance = changes.Instance with
        {
            JournalMac = key.HeadMac(changes.Instance.Id, changes.Instance.CorrelationId, changes.Instance.JournalSequence, changes.Instance.JournalHash),
        },
    };

    private WorkflowRun NewRun(
        IWorkflowUnitOfWork unit, WorkflowDefinition definition, WorkflowInstance instance, IReadOnlyList<Bookmark> open,
        WorkflowActor actor, JsonObject? resumeInput, CancellationToken cancellationToken) =>
        new(definition, instance with { SubStatus = WorkflowSubStatus.Executing }, open, actor, resumeInput,
            services, Clock, unit, cancellationToken);

    /// <summary>Prepare (reads) → transaction → run → one save → commit; a fault is recorded after the rollback.</summary>
    private async Task<WorkflowRunResult> RunGuardedAsync(Func<IWorkflowUnitOfWork, Task<PreparedRun>> prepare, CancellationToken cancellationToken)
    {
        var attempt = await RunOnceAsync(prepare, cancellationToken);
        if (attempt.Result is { } result)
        {
            return result;
        }
        await RecordFaultAsync(attempt.Fault!, cancellationToken);
        throw new WorkflowFaultedException(attempt.Fault!, isRecorded: true, attempt.Cause!);
    }

    private async Task<RunAttempt> RunOnceAsync(Func<IWorkflowUnitOfWork, Task<PreparedRun>> prepare, CancellationToken cancellationToken)
    {
        await using var unit = await store.BeginAsync(cancellationToken);
        var prepared = await prepare(unit);
        await unit.EnsureTransactionAsync(cancellationToken);
        try
        {
            await runner.RunAsync(prepared.Run, prepared.First, prepared.Bookmark);
        }
        catch (ActivityFaultException exception)
        {
            var fault = new WorkflowFault(prepared.Run.Instance, prepared.IsNewInstance, exception.Incident, prepared.Run.Actor);
            var cause = exception.InnerException ?? exception;
            return unit.OwnsTransaction
                ? new RunAttempt(null, fault, cause)
                : throw new WorkflowFaultedException(fault, isRecorded: false, cause);
        }
        var changes = Seal(RunCompletion.Complete(prepared.Run, prepared.IsNewInstance));
        await unit.ApplyAsync(changes, cancellationToken);
        await unit.CommitAsync(cancellationToken);
        return new RunAttempt(
            new WorkflowRunResult(changes.Instance, [.. prepared.Run.OpenBookmarks, .. prepared.Run.CreatedBookmarks], changes.Journal),
            null, null);
    }
}

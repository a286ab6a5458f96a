using System.Text.Json.Nodes;
using Vorlagen.Workflows.Activities.BuiltIn;
using Vorlagen.Workflows.Errors;
using Vorlagen.Workflows.Journal;
using Vorlagen.Workflows.Persistence;

namespace Vorlagen.Workflows.Runtime;

public sealed partial class WorkflowRuntime
{
    public Task<WorkflowRunResult> ResumeAsync(ResumeBookmarkRequest request, CancellationToken cancellationToken) =>
        RunGuardedAsync(async unit =>
        {
            var bookmark = await unit.FindBookmarkAsync(request.BookmarkId, cancellationToken)
                ?? throw new BookmarkNotFoundException(request.BookmarkId);
            return await PrepareResumeAsync(unit, bookmark, request.Input, request.Actor, cancellationToken);
        }, cancellationToken);

    public Task<WorkflowRunResult> ResumeAsync(ResumeByFilterRequest request, CancellationToken cancellationToken) =>
        RunGuardedAsync(async unit =>
        {
            var filter = request.Filter;
            var matches = (await unit.ListBookmarksAsync(filter.Name, filter.CorrelationId, cancellationToken))
                .Where(filter.Matches).ToList();
            return matches.Count switch
            {
                0 => throw new BookmarkNotFoundException(filter),
                1 => await PrepareResumeAsync(unit, matches[0], request.Input, request.Actor, cancellationToken),
                _ => throw new AmbiguousBookmarkException(filter, [.. matches.Select(b => b.Id)]),
            };
        }, cancellationToken);

    public Task<WorkflowRunResult> ResumeActionAsync(ResumeActionRequest request, CancellationToken cancellationToken) =>
        RunGuardedAsync(async unit =>
        {
            var waits = await unit.ListBookmarksAsync(WaitForActionPayload.BookmarkName, request.CorrelationId, cancellationToken);
            var offering = waits.Where(b => WaitForActionPayload.FromJson(b.Payload).AllowedActions.Contains(request.Action)).ToList();
            if (offering.Count == 0)
            {
                var allowed = waits.SelectMany(b => WaitForActionPayload.FromJson(b.Payload).ActionsFor(request.Actor.Role)).Distinct().ToList();
                throw new ActionNotAllowedException(request.Action, request.Actor.Role, allowed, ActionNotAllowedReason.NotAvailable);
            }
            if (offering.Count > 1)
            {
                var filter = new BookmarkFilter(WaitForActionPayload.BookmarkName, request.CorrelationId, new JsonObject { ["allowedActions"] = request.Action });
                throw new AmbiguousBookmarkException(filter, [.. offering.Select(b => b.Id)]);
            }
            var input = request.Input is null ? new JsonObject() : (JsonObject)request.Input.DeepClone();
            input["action"] = request.Action;
            return await PrepareResumeAsync(unit, offering[0], input, request.Actor, cancellationToken);
        }, cancellationToken);

    private async Task<PreparedRun> PrepareResumeAsync(
        IWorkflowUnitOfWork unit, Bookmark bookmark, JsonObject? input, WorkflowActor actor, CancellationToken cancellationToken)
    {
        var instance = await unit.FindInstanceAsync(bookmark.InstanceId, cancellationToken)
            ?? throw new WorkflowInstanceNotFoundException(bookmark.InstanceId);
        var definition = engine.FindCompiled(instance.DefinitionVersionId)
            ?? engine.Compile(await unit.FindDefinitionVersionAsync(instance.DefinitionVersionId, cancellationToken)
                ?? throw new WorkflowDefinitionNotFoundException(instance.DefinitionVersionId));
        var open = await unit.ListBookmarksByInstanceAsync(instance.Id, cancellationToken);
        var resumeInput = input is null ? new JsonObject() : (JsonObject)input.DeepClone();
        var run = NewRun(unit, definition, instance, open, actor, resumeInput, cancellationToken);
        run.ConsumeBookmark(bookmark);
        var activity = definition.GetActivity(bookmark.ActivityId);
        run.Log(new JournalEntry(JournalEvents.Resumed, run.Now, activity.Id, activity.Type, activity.Name,
            Payload: new JsonObject { ["bookmarkId"] = bookmark.Id, ["bookmarkName"] = bookmark.Name, ["input"] = resumeInput.DeepClone() }));
        return new PreparedRun(run, activity, bookmark, IsNewInstance: false);
    }
}

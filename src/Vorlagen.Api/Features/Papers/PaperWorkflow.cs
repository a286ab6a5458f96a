using System.Globalization;
using System.Text.Json.Nodes;
using Vorlagen.Api.Activities;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;
using Vorlagen.Domain.Organizations;
using Vorlagen.Workflows.Activities.BuiltIn;
using Vorlagen.Workflows.Runtime;

namespace Vorlagen.Api.Features.Papers;

/// <summary>
/// The bridge between papers and the workflow runtime: starts the workflow its type names, lists
/// what a caller may do now (the roles come from the definition's bookmarks, not from code), and
/// performs actions in the caller's name and role.
/// </summary>
public sealed class PaperWorkflow(IWorkflowRuntime runtime, Infrastructure.PaperTypes.PaperTypeCatalog types)
{
    public const string RecordResultAction = Infrastructure.PaperTypes.PaperTypeCatalog.RecordResultAction;

    /// <summary>The German label of a status as the paper's type words it.</summary>
    public string StatusLabel(string paperType, string status) =>
        status == PaperStatuses.Decided ? PaperStatuses.Label(status) : types.StatusLabel(paperType, status);

    public static string CorrelationId(long paperId) => "paper:" + paperId.ToString(CultureInfo.InvariantCulture);

    public static WorkflowActor Actor(Caller caller, string? role) =>
        new(caller.UserId?.ToString(CultureInfo.InvariantCulture) ?? "anonymous", caller.DisplayName, role);

    public async Task<string> StartAsync(long paperId, string definitionId, Caller caller, CancellationToken cancellationToken)
    {
        var result = await runtime.CreateAndRunAsync(new CreateAndRunWorkflowRequest(definitionId, CorrelationId(paperId),
            new JsonObject { ["paperId"] = paperId }, Actor(caller, Roles.Clerk)), cancellationToken);
        return result.Instance.Id;
    }

    /// <summary>Actions the caller may take now, including <c>record_result</c> when a consultation of theirs waits.</summary>
    public async Task<IReadOnlyList<string>> AvailableActionsAsync(PaperReader.Loaded paper, Caller caller, CancellationToken cancellationToken)
    {
        if (!caller.BelongsTo(paper.Paper.BodyId) || caller.UserId is null) return [];
        return AvailableActions(paper, await runtime.GetOpenBookmarksAsync(CorrelationId(paper.Paper.Id), cancellationToken), caller);
    }

    /// <summary>The open bookmarks of many papers in one go, by <see cref="CorrelationId"/>.</summary>
    public Task<ILookup<string, Bookmark>> OpenBookmarksAsync(IReadOnlyCollection<long> paperIds, CancellationToken cancellationToken) =>
        runtime.GetOpenBookmarksAsync([.. paperIds.Select(CorrelationId)], cancellationToken);

    /// <summary>
    /// <see cref="AvailableActionsAsync"/> from the paper's open bookmarks (oldest first), read by the caller: a list
    /// (Meine Aufgaben) reads the bookmarks of all its papers at once.
    /// </summary>
    public static IReadOnlyList<string> AvailableActions(PaperReader.Loaded paper, IEnumerable<Bookmark> openBookmarks, Caller caller)
    {
        if (!caller.BelongsTo(paper.Paper.BodyId) || caller.UserId is null) return [];
        var bookmarks = openBookmarks.ToList();
        var waits = bookmarks.Where(b => b.Name == WaitForActionPayload.BookmarkName).Select(b => WaitForActionPayload.FromJson(b.Payload)).ToList();
        var actions = new List<string>();
        foreach (var role in caller.Roles)
            foreach (var wait in waits) actions.AddRange(wait.ActionsFor(role));
        if (Waiting(paper, bookmarks) is { } waiting && RoleForResult(caller, waiting) is not null)
            actions.Add(RecordResultAction);
        return [.. actions.Distinct()];
    }

    /// <summary>Which of the caller's roles permits <paramref name="action"/> now; null if none does.</summary>
    public async Task<string?> RoleForActionAsync(long paperId, string action, Caller caller, CancellationToken cancellationToken)
    {
        foreach (var role in caller.Roles)
        {
            var available = await runtime.GetAvailableActionsAsync(CorrelationId(paperId), Actor(caller, role), cancellationToken);
            if (available.Any(a => a.Action == action)) return role;
        }
        return null;
    }

    /// <summary>Whether any role may take <paramref name="action"/> now (to tell 403 from 409).</summary>
    public async Task<bool> IsOfferedAsync(long paperId, string action, CancellationToken cancellationToken) =>
        (await runtime.GetOpenBookmarksAsync(CorrelationId(paperId), cancellationToken))
        .Where(b => b.Name == WaitForActionPayload.BookmarkName)
        .Any(b => WaitForActionPayload.FromJson(b.Payload).AllowedActions.Contains(action));

    public Task<WorkflowRunResult> ActAsync(long paperId, string action, JsonObject input, Caller caller, string role, CancellationToken cancellationToken) =>
        runtime.ResumeActionAsync(new ResumeActionRequest(CorrelationId(paperId), action, input, Actor(caller, role)), cancellationToken);

    /// <summary>The consultation whose result the workflow waits for, with the roles the definition allows to record it.</summary>
    public sealed record WaitingConsultation(long ConsultationId, long OrganizationId, string OrganizationKind, IReadOnlyList<string> AllowedRoles);

    public async Task<WaitingConsultation?> WaitingConsultationAsync(PaperReader.Loaded paper, CancellationToken cancellationToken) =>
        Waiting(paper, await runtime.GetOpenBookmarksAsync(CorrelationId(paper.Paper.Id), cancellationToken));

    private static WaitingConsultation? Waiting(PaperReader.Loaded paper, IEnumerable<Bookmark> openBookmarks)
    {
        var bookmark = openBookmarks.FirstOrDefault(b => b.Name == CouncilActivityTypes.ConsultationResultBookmark);
        if (bookmark is null) return null;
        var id = bookmark.Payload["consultationId"]!.GetValue<long>();
        var organizationId = bookmark.Payload["organizationId"]!.GetValue<long>();
        var roles = bookmark.Payload["allowedRoles"] is JsonArray list ? list.Select(r => r!.GetValue<string>()).ToList() : [];
        var kind = paper.Consultations.FirstOrDefault(c => c.Id == id)?.OrganizationKind ?? "";
        return new WaitingConsultation(id, organizationId, kind, roles);
    }

    /// <summary>
    /// Results are recorded by the chair of that Gremium, by the Landrat where he chairs (Kreistag,
    /// Kreisausschuss), or by a clerk on the chair's behalf — each only if the definition allows the role.
    /// </summary>
    public static string? RoleForResult(Caller caller, WaitingConsultation waiting)
    {
        if (waiting.AllowedRoles.Contains(Roles.Chair) && caller.ChairOf.Contains(waiting.OrganizationId)) return Roles.Chair;
        if (waiting.AllowedRoles.Contains(Roles.Landrat) && caller.Is(Roles.Landrat)
            && waiting.OrganizationKind is OrganizationKinds.Kreistag or OrganizationKinds.Kreisausschuss) return Roles.Landrat;
        if (waiting.AllowedRoles.Contains(Roles.Clerk) && caller.Is(Roles.Clerk)) return Roles.Clerk;
        return null;
    }

    /// <summary>The activity that journaled a consultation's latest result, and whether the paper moved on after it by an action (or was cancelled).</summary>
    public sealed record JournaledResult(string ActivityId, bool MovedOn);

    public async Task<JournaledResult?> LastResultAsync(string instanceId, long consultationId, CancellationToken cancellationToken)
    {
        var journal = (await runtime.GetStateAsync(instanceId, cancellationToken)).Journal;
        static JsonObject? Payload(Vorlagen.Workflows.Journal.WorkflowExecutionLogRecord r) => r.Payload is null ? null : JsonNode.Parse(r.Payload) as JsonObject;
        var index = -1;
        for (var i = journal.Count - 1; i >= 0 && index < 0; i--)
            if (journal[i].EventName is CouncilActivityTypes.ResultRecordedEvent or CouncilActivityTypes.ResultCorrectedEvent
                && Payload(journal[i])?["consultationId"]?.GetValue<long>() == consultationId)
                index = i;
        if (index < 0 || journal[index].ActivityId is not { } activityId) return null;
        var movedOn = journal.Skip(index + 1).Any(r => r.EventName == Vorlagen.Workflows.Journal.JournalEvents.Cancelled
            || (r.EventName == Vorlagen.Workflows.Journal.JournalEvents.Resumed && Payload(r)?["bookmarkName"]?.GetValue<string>() == WaitForActionPayload.BookmarkName));
        return new JournaledResult(activityId, movedOn);
    }

    /// <summary>
    /// Journals a corrected result. Where the outcome takes the Beratungsfolge another way (beschlossen ↔ abgelehnt) the
    /// Deliberate activity that recorded it is re-run from that consultation; otherwise only the record is appended.
    /// </summary>
    public async Task CorrectResultAsync(string instanceId, string activityId, ConsultationRow consultation, bool pathChanges, JsonObject payload,
        JsonObject stored, Caller caller, string role, CancellationToken cancellationToken)
    {
        var actor = Actor(caller, role);
        if (pathChanges)
        {
            await runtime.RerunAsync(new RerunActivityRequest(instanceId, activityId, CouncilActivityTypes.ConsultationResultBookmark,
                new JsonObject { ["consultationId"] = consultation.Id, ["organizationId"] = consultation.OrganizationId, ["role"] = consultation.Role },
                payload, actor), cancellationToken);
            return;
        }
        var record = (JsonObject)payload.DeepClone();
        record[CouncilActivityTypes.StoredConsultationKey] = stored;
        await runtime.AppendAsync(new AppendJournalRequest(instanceId, CouncilActivityTypes.ResultCorrectedEvent, activityId,
            record["outcome"]?.GetValue<string>(), record, actor), cancellationToken);
    }

    public async Task ResumeResultAsync(long paperId, long consultationId, JsonObject input, Caller caller, string role, CancellationToken cancellationToken) =>
        await runtime.ResumeAsync(new ResumeByFilterRequest(
            new BookmarkFilter(CouncilActivityTypes.ConsultationResultBookmark, CorrelationId(paperId), new JsonObject { ["consultationId"] = consultationId }),
            input, Actor(caller, role)), cancellationToken);
}

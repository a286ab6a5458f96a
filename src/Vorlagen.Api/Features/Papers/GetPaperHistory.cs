using System.Text.Json.Nodes;
using MediatR;
using Vorlagen.Api.Activities;
using Vorlagen.Api.Infrastructure.Auth;
using Vorlagen.Domain.Voting;
using Vorlagen.Workflows.Runtime;

namespace Vorlagen.Api.Features.Papers;

/// <summary>
/// The paper's history, read from its workflow journal: each transition and each recorded result,
/// with time, actor and role. Results of non-public consultations are reduced for callers who may
/// not see them.
/// </summary>
public static class GetPaperHistory
{
    public sealed record Query(long PaperId) : IRequest<IReadOnlyList<HistoryEntry>>;

    public sealed record HistoryEntry(long Sequence, DateTimeOffset Time, string Kind, string? ActorName, string? ActorRole,
        string? Action, string? FromStatus, string? ToStatus, string? StatusLabel, long? ConsultationId, string? OrganizationName,
        string? Outcome, string? OutcomeLabel, JsonNode? Votes, bool? Unanimous, string? Date, string? Comment, bool Restricted,
        string? NewDate = null);

    public sealed class Handler(PaperReader reader, IWorkflowRuntime runtime, Caller caller) : IRequestHandler<Query, IReadOnlyList<HistoryEntry>>
    {
        public async Task<IReadOnlyList<HistoryEntry>> Handle(Query query, CancellationToken cancellationToken)
        {
            var loaded = await reader.LoadVisibleAsync(query.PaperId, cancellationToken);
            if (loaded.Paper.WorkflowInstanceId is not { } instanceId) return [];
            var state = await runtime.GetStateAsync(instanceId, cancellationToken);
            var entries = new List<HistoryEntry>();
            foreach (var record in state.Journal)
            {
                var payload = record.Payload is null ? null : JsonNode.Parse(record.Payload) as JsonObject;
                if (payload is null) continue;
                if (record.EventName == CouncilActivityTypes.TransitionEvent)
                {
                    var entry = Transition(record.Sequence, record.Timestamp, record.ActorName, record.ActorRole, payload, loaded);
                    // One reduced step stands for all that follow a hidden decision: a second one (Ausfertigung) would tell "adopted".
                    if (entry.Restricted && entries.Any(e => e.Restricted && e.Kind == "transition")) continue;
                    entries.Add(entry);
                }
                else if (record.EventName is CouncilActivityTypes.ResultRecordedEvent or CouncilActivityTypes.ResultCorrectedEvent)
                {
                    entries.Add(Result(record.Sequence, record.Timestamp, record.ActorName, record.ActorRole, payload, loaded));
                }
            }
            if (caller.SeesAllOf(loaded.Paper.BodyId)) return entries;
            // Drafting, submitting and returning are the office's internal steps; outside it the history starts at the release.
            var released = entries.FindIndex(e => e.Kind == "transition" && e.Action == "release");
            return released < 0 ? entries : entries[released..];
        }

        /// <summary>
        /// Comments are office notes (e.g. the reasons of a Widerspruch) and stay with the office. Steps that
        /// would reveal a decision taken in a non-public session the caller may not see are reduced.
        /// </summary>
        private HistoryEntry Transition(long sequence, DateTimeOffset time, string? actor, string? role, JsonObject payload, PaperReader.Loaded loaded)
        {
            var from = Text(payload, "fromStatus");
            var to = Text(payload, "toStatus");
            var comment = caller.SeesAllOf(loaded.Paper.BodyId) ? Text(payload, "comment") : null;
            var reveals = PaperStatuses.RevealDecision.Contains(from) || PaperStatuses.RevealDecision.Contains(to);
            if (reveals && DecisionHidden(loaded))
                return new HistoryEntry(sequence, time, "transition", actor, role, null, null, null, "nichtöffentlich",
                    null, null, null, null, null, null, null, null, true);
            return new HistoryEntry(sequence, time, "transition", actor, role, Text(payload, "action"), from, to,
                to is null ? null : PaperStatuses.Label(to), null, null, null, null, null, null, Text(payload, "date"), comment, false);
        }

        private bool DecisionHidden(PaperReader.Loaded loaded) =>
            loaded.Consultations.Any(c => c.Role == ConsultationRoles.Beschliessend && c.Status == ConsultationStatuses.Done
                                          && !PaperAccess.CanSeeDetails(caller, loaded.Paper.BodyId, c));

        private HistoryEntry Result(long sequence, DateTimeOffset time, string? actor, string? role, JsonObject payload, PaperReader.Loaded loaded)
        {
            var consultationId = payload["consultationId"]?.GetValue<long>();
            var consultation = loaded.Consultations.FirstOrDefault(c => c.Id == consultationId);
            var visible = consultation is not null && PaperAccess.CanSeeDetails(caller, loaded.Paper.BodyId, consultation);
            var outcome = visible ? Text(payload, "outcome") : null;
            // A correction shows its reason; the record it corrects stays in the history before it.
            var correction = payload[CouncilActivityTypes.CorrectionKey] as JsonObject;
            return new HistoryEntry(sequence, time, "result", actor, role, correction is null ? PaperWorkflow.RecordResultAction : CorrectResult.Action,
                null, null, null, consultationId,
                Text(payload, "organizationName"), outcome, outcome is null ? (visible ? null : "nichtöffentlich") : Outcomes.Find(outcome)?.Label,
                visible ? payload["votes"]?.DeepClone() : null, visible ? payload["unanimous"]?.GetValue<bool?>() : null,
                Text(payload, "date"), visible && correction is not null ? Text(correction, "reason") : null, !visible, visible ? Text(payload, "plannedDate") : null);
        }

        private static string? Text(JsonObject payload, string name) => payload[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
    }
}

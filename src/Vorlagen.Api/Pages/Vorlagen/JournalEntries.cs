using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Vorlagen.Api.Activities;
using Vorlagen.Api.Features.Papers;
using Vorlagen.Api.Infrastructure.PaperTypes;
using Vorlagen.Api.Pages.Shared;
using Vorlagen.Domain.Organizations;
using Vorlagen.Domain.Voting;
using Vorlagen.Workflows.Activities.BuiltIn;
using Vorlagen.Workflows.Journal;

namespace Vorlagen.Api.Pages.Papers;

/// <summary>
/// The journal records as the office reads them: a German name for each event and its key facts
/// (who, which Gremium, which outcome, which status) instead of engine event names and JSON. The page lists the
/// steps a clerk names (<see cref="JournalEntry.Procedural"/>: angelegt, eingereicht, freigegeben, Ergebnis …);
/// every record with its stored data stays available in the audit log (Prüfprotokoll) for whoever checks the chain.
/// </summary>
public static class JournalEntries
{
    /// <param name="Procedural">a step of the procedure (status change, result); the others are the engine's bookkeeping.</param>
    public sealed record JournalEntry(long Sequence, DateTimeOffset Time, string Event, IReadOnlyList<Fact> Facts, string? Actor,
        bool Procedural, string EventCode, string? ActivityId, string? RawPayload, string Hash, string? PreviousHash);

    public sealed record Fact(string Label, string Value);

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static IReadOnlyList<JournalEntry> From(IReadOnlyList<WorkflowExecutionLogRecord> records, PaperDto paper, PaperTypeDescriptor type)
    {
        // Suspended entries name the activity they wait in only by id; the other entries carry its name.
        var activityNames = records.Where(r => r.ActivityId is not null && !string.IsNullOrWhiteSpace(r.ActivityName))
            .GroupBy(r => r.ActivityId!).ToDictionary(g => g.Key, g => g.First().ActivityName!);
        return [.. records.Select(r => Describe(r, paper, type, activityNames))];
    }

    private static JournalEntry Describe(WorkflowExecutionLogRecord record, PaperDto paper, PaperTypeDescriptor type, IReadOnlyDictionary<string, string> activityNames)
    {
        var payload = Parse(record.Payload);
        var facts = new List<Fact>();
        var procedural = false;
        string label;
        switch (record.EventName)
        {
            case JournalEvents.Started:
                label = "Entwurf angelegt";
                procedural = true;
                break;
            case JournalEvents.ActivityCompleted:
                label = record.ActivityType == "Vorlagen.Start" ? "Bearbeitung vorbereitet" : $"Erledigt: {record.ActivityName ?? record.ActivityId}";
                if (Text(payload, "outcome") is { } port && PortLabel(type, port) is { } portLabel) facts.Add(new("Ausgang", portLabel));
                break;
            case JournalEvents.Suspended:
                label = "Wartet auf " + Waits(payload, activityNames);
                break;
            case JournalEvents.Resumed:
                label = Resumed(record, payload, type, facts);
                break;
            case JournalEvents.Completed:
                label = "Verfahren abgeschlossen";
                break;
            case JournalEvents.Cancelled:
                label = "Verfahren abgebrochen";
                procedural = true;
                if (!string.IsNullOrWhiteSpace(record.Message)) facts.Add(new("Grund", record.Message));
                break;
            case JournalEvents.Faulted:
                label = "Verfahren wegen eines Fehlers angehalten";
                procedural = true;
                if (!string.IsNullOrWhiteSpace(record.Message)) facts.Add(new("Meldung", record.Message));
                break;
            case CouncilActivityTypes.TransitionEvent:
                label = Transition(payload, type, facts);
                procedural = true;
                break;
            case CouncilActivityTypes.ResultRecordedEvent:
                label = Result(record, payload, paper, facts);
                procedural = true;
                break;
            case CouncilActivityTypes.ResultCorrectedEvent:
                label = Result(record, payload, paper, facts).Replace("Ergebnis erfasst", "Ergebnis berichtigt", StringComparison.Ordinal);
                if (payload?[CouncilActivityTypes.CorrectionKey] is JsonObject correction)
                {
                    if (correction["previous"] is JsonObject previous && Text(previous, "outcome") is { } before)
                        facts.Add(new("Vorher", Outcomes.Find(before)?.Label ?? before));
                    if (Text(correction, "reason") is { } reason) facts.Add(new("Grund", Shorten(reason, 300)));
                }
                procedural = true;
                break;
            case JournalEvents.Rerun:
                label = $"Erneut ausgeführt: {record.ActivityName ?? record.ActivityId}";
                break;
            default:
                label = record.EventName;
                if (!string.IsNullOrWhiteSpace(record.Message)) facts.Add(new("Meldung", record.Message));
                break;
        }
        var actor = record.ActorName is null ? null : OfficeTitles.Actor(record.ActorName, record.ActorRole);
        return new JournalEntry(record.Sequence, record.Timestamp, label, facts, actor, procedural, record.EventName, record.ActivityId,
            payload is null ? record.Payload : payload.ToJsonString(Indented), record.Hash, record.PreviousHash);
    }

    private static string Waits(JsonObject? payload, IReadOnlyDictionary<string, string> activityNames)
    {
        var waits = (payload?["bookmarks"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(b => (Activity: Text(b, "activityId") is { } id ? activityNames.GetValueOrDefault(id, id) : null, Kind: Text(b, "name")))
            .GroupBy(w => w.Activity ?? "")
            .Select(g =>
            {
                var kinds = string.Join(" oder ", g.Select(w => BookmarkLabel(w.Kind)).Distinct());
                return g.Key.Length == 0 ? kinds : $"„{g.Key}“ ({kinds})";
            })
            .ToList();
        return waits.Count == 0 ? "die nächste Eingabe" : string.Join(", ", waits);
    }

    private static string BookmarkLabel(string? name) => name switch
    {
        WaitForActionPayload.BookmarkName => "Aktion",
        CouncilActivityTypes.ConsultationResultBookmark => "Beratungsergebnis",
        _ => "Eingabe",
    };

    private static string Resumed(WorkflowExecutionLogRecord record, JsonObject? payload, PaperTypeDescriptor type, List<Fact> facts)
    {
        var input = payload?["input"] as JsonObject;
        if (record.ActivityName is { } step) facts.Add(new("Schritt", step));
        if (Text(payload, "bookmarkName") == CouncilActivityTypes.ConsultationResultBookmark)
        {
            if (Text(input, "organizationName") is { } organization) facts.Add(new("Gremium", organization));
            return "Beratungsergebnis eingegangen";
        }
        if (Text(input, "action") is { } action)
        {
            AddDateAndComment(input, facts, "Datum");
            return $"Aktion: {Actions.For(type, action).Button}";
        }
        return "Eingabe verarbeitet";
    }

    private static string Transition(JsonObject? payload, PaperTypeDescriptor type, List<Fact> facts)
    {
        var from = Text(payload, "fromStatus");
        var to = Text(payload, "toStatus");
        if (to is not null)
            facts.Add(new("Status", from is null ? type.StatusLabel(to) : $"{type.StatusLabel(from)} → {type.StatusLabel(to)}"));
        var action = Text(payload, "action");
        AddDateAndComment(payload, facts, action == "sign" ? "Ausgefertigt am" : "Datum");
        return action is null ? "Status geändert" : Actions.HistoryLabel(type, action);
    }

    private static string Result(WorkflowExecutionLogRecord record, JsonObject? payload, PaperDto paper, List<Fact> facts)
    {
        var code = Text(payload, "outcome") ?? record.Message;
        if (Text(payload, "organizationName") is { } organization) facts.Add(new("Gremium", organization));
        if (Text(payload, "date") is { } date) facts.Add(new("Sitzung am", Format.Date(date)));
        if (payload?["votes"] is JsonObject votes)
        {
            var tally = PaperView.Votes(votes);
            if (votes["entitled"] is JsonValue entitled) tally += $" (Stimmberechtigte: {entitled})";
            if (payload["unanimous"] is JsonValue unanimous && unanimous.TryGetValue<bool>(out var isUnanimous) && isUnanimous) tally += ", einstimmig";
            facts.Add(new("Abstimmung", tally));
        }
        if (Text(payload, "majority") is { } majority) facts.Add(new("Mehrheit", MajorityRequirements.Find(majority)?.Label ?? majority));
        if (Text(payload, "resolutionText") is { } resolution) facts.Add(new("Beschlossener Wortlaut", Shorten(resolution, 200)));
        if (payload?["referredToOrganizationId"] is JsonValue referred && referred.TryGetValue<long>(out var referredId))
        {
            var name = paper.Consultations.Select(c => c.Result).FirstOrDefault(r => r?.ReferredToOrganizationId == referredId)?.ReferredToOrganizationName;
            facts.Add(new("Verwiesen an", name ?? $"Gremium Nr. {referredId}"));
        }
        return code is null ? "Ergebnis erfasst" : $"Ergebnis erfasst: {Outcomes.Find(code)?.Label ?? code}";
    }

    private static void AddDateAndComment(JsonObject? source, List<Fact> facts, string dateLabel)
    {
        if (Text(source, "date") is { } date) facts.Add(new(dateLabel, Format.Date(date)));
        if (Text(source, "comment") is { } comment && !string.IsNullOrWhiteSpace(comment)) facts.Add(new("Bemerkung", Shorten(comment, 300)));
    }

    /// <summary>Ports of the workflow's activities: actions (submit, sign …) and the Beratungsfolge's ends.</summary>
    private static string? PortLabel(PaperTypeDescriptor type, string port) => port switch
    {
        "Done" => null,
        "Adopted" => "beschlossen",
        "Rejected" => "abgelehnt",
        "Withdrawn" => "zurückgezogen",
        _ when Actions.IsKnown(type, port) => Actions.For(type, port).Button,
        _ => port,
    };

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max].TrimEnd() + " …";

    private static JsonObject? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            return JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonObject? source, string name) =>
        source?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}

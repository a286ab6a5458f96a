using System.Globalization;
using System.Text.Json.Nodes;
using Vorlagen.Api.Activities;
using Vorlagen.Workflows.Journal;
using Vorlagen.Workflows.Runtime;

namespace Vorlagen.Api.Features.Papers;

/// <summary>
/// Replays a verified journal and compares what it recorded with the paper's rows: status, signing and
/// release dates, the public flag, and every consultation's result and tally. Records since the
/// cross-check exists carry the rows as stored (<see cref="CouncilActivityTypes.StoredPaperKey"/>,
/// <see cref="CouncilActivityTypes.StoredConsultationKey"/>); older records are compared on what they carry
/// (status, signing date, outcome, date, tally, majority, wording, referral, Gremium).
/// </summary>
public static class JournalCrossCheck
{
    public const string RowDiffers = "row_differs";
    public const string ResultNotJournaled = "result_not_journaled";
    public const string ConsultationMissing = "consultation_missing";
    public const string WrongJournal = "wrong_journal";

    private static readonly (string Name, string Label)[] ConsultationFields =
    [
        ("status", "Stand"), ("outcome", "Ergebnis"), ("resultDate", "Sitzungsdatum"), ("majority", "Mehrheitserfordernis"),
        ("votesEntitled", "Stimmberechtigte"), ("votesYes", "Ja-Stimmen"), ("votesNo", "Nein-Stimmen"), ("votesAbstain", "Enthaltungen"),
        ("votesRecused", "Befangene"), ("resolutionText", "Beschlusstext"), ("referredToOrganizationId", "verwiesen an (Gremium-Nr.)"),
        ("organizationId", "Gremium (Nr.)"), ("role", "Rolle"), ("public", "öffentlich"), ("position", "Position"),
    ];

    /// <summary>A row that differs from an intact journal (rather than a broken journal).</summary>
    public static bool IsRowFinding(JournalFinding? finding) => finding?.Code is RowDiffers or ResultNotJournaled or ConsultationMissing or WrongJournal;

    public static IReadOnlyList<JournalFinding> Compare(
        PaperRow paper, IReadOnlyList<ConsultationRow> consultations, WorkflowInstance instance, IReadOnlyList<WorkflowExecutionLogRecord> journal)
    {
        var findings = new List<JournalFinding>();
        var correlation = PaperWorkflow.CorrelationId(paper.Id);
        var startedFor = journal.FirstOrDefault(r => r.EventName == JournalEvents.Started) is { Payload: { } started }
            ? Text(JsonNode.Parse(started)?["paperId"]) : null;
        if (instance.CorrelationId != correlation || startedFor != paper.Id.ToString(CultureInfo.InvariantCulture))
        {
            findings.Add(new JournalFinding(WrongJournal,
                $"Die Vorlage verweist auf das Journal einer anderen Vorlage ({instance.CorrelationId}); ihr eigenes Journal ist es nicht.",
                null, "workflowInstanceId", instance.CorrelationId, correlation));
            return findings;
        }

        string status = PaperStatuses.Draft, lastTo = PaperStatuses.Draft;
        string? signedDate = null;
        var released = false;
        JsonObject? storedPaper = null;
        var results = new Dictionary<long, (JsonObject Payload, long Sequence)>();
        foreach (var record in journal)
        {
            if (record.Payload is null || JsonNode.Parse(record.Payload) is not JsonObject payload) continue;
            if (record.EventName == CouncilActivityTypes.TransitionEvent)
            {
                lastTo = status = Text(payload["toStatus"]) ?? status;
                storedPaper = payload[CouncilActivityTypes.StoredPaperKey] as JsonObject;
                if (status == PaperStatuses.Signed) signedDate = Text(payload["date"]);
                if (status == PaperStatuses.InDeliberation) released = true;
            }
            // A correction is a later record of the same consultation: the latest one is what the row must say.
            else if (record.EventName is CouncilActivityTypes.ResultRecordedEvent or CouncilActivityTypes.ResultCorrectedEvent && payload["consultationId"] is { } id)
            {
                results[id.GetValue<long>()] = (payload, record.Sequence);
            }
        }

        void Paper(string field, string label, string? journalValue, string? rowValue)
        {
            if (journalValue != rowValue)
                findings.Add(new JournalFinding(RowDiffers, $"{label} laut Journal „{journalValue ?? "leer"}“, in der Datenbank „{rowValue ?? "leer"}“.",
                    null, field, journalValue, rowValue));
        }
        Paper("status", "Status der Vorlage", status, paper.Status);
        if (storedPaper is not null)
        {
            Paper("signedDate", "Datum der Ausfertigung", Text(storedPaper["signedDate"]), Day(paper.SignedDate));
            Paper("releasedOn", "Freigabe zur Beratung", Text(storedPaper["releasedOn"]), Day(paper.ReleasedOn));
            // A returned draft may legitimately be edited (public included) without a journal record.
            if (lastTo != PaperStatuses.Draft) Paper("public", "Öffentlichkeit der Vorlage", Text(storedPaper["public"]), Bool(paper.IsPublic));
        }
        else
        {
            if (signedDate is not null) Paper("signedDate", "Datum der Ausfertigung", signedDate, Day(paper.SignedDate));
            if (!released && paper.ReleasedOn is not null) Paper("releasedOn", "Freigabe zur Beratung", null, Day(paper.ReleasedOn));
        }

        var rows = consultations.ToDictionary(c => c.Id);
        foreach (var (id, (payload, sequence)) in results.OrderBy(r => r.Value.Sequence))
        {
            if (!rows.TryGetValue(id, out var row))
            {
                findings.Add(new JournalFinding(ConsultationMissing,
                    $"Das Journal enthält ein Ergebnis der Beratung Nr. {Text(payload["position"])} ({Text(payload["organizationName"])}), " +
                    "die Beratung fehlt aber in der Datenbank.", sequence, $"consultations[{id}]", Text(payload["outcome"]), null));
                continue;
            }
            var expected = payload[CouncilActivityTypes.StoredConsultationKey] as JsonObject ?? Legacy(payload);
            var actual = Values(row);
            foreach (var (name, label) in ConsultationFields)
            {
                if (!expected.ContainsKey(name)) continue;
                var journalValue = Text(expected[name]);
                if (journalValue != actual[name])
                    findings.Add(new JournalFinding(RowDiffers,
                        $"Beratung Nr. {row.Position} ({row.OrganizationName}): {label} laut Journal „{journalValue ?? "leer"}“, " +
                        $"in der Datenbank „{actual[name] ?? "leer"}“.", sequence, $"consultations[{id}].{name}", journalValue, actual[name]));
            }
        }
        foreach (var row in consultations.Where(c => !results.ContainsKey(c.Id)))
        {
            var values = Values(row);
            if (row.Status != ConsultationStatuses.Pending || row.Outcome is not null
                || ConsultationFields.Skip(2).Take(9).Any(f => values[f.Name] is not null))
                findings.Add(new JournalFinding(ResultNotJournaled,
                    $"Beratung Nr. {row.Position} ({row.OrganizationName}) hat in der Datenbank ein Ergebnis („{row.Outcome ?? row.Status}“), " +
                    "das Journal aber keines.", null, $"consultations[{row.Id}].outcome", null, row.Outcome ?? row.Status));
        }
        return findings;
    }

    /// <summary>What a record from before the stored snapshots says about the row.</summary>
    private static JsonObject Legacy(JsonObject payload)
    {
        var outcome = Text(payload["outcome"]);
        if (ConsultationResults.StaysPending.Contains(outcome)) return new JsonObject { ["status"] = ConsultationStatuses.Pending, ["outcome"] = null };
        var votes = payload["votes"] as JsonObject;
        JsonNode? Vote(string name) => votes is null ? null : JsonValue.Create(votes[name]?.GetValue<int>() ?? 0);
        return new JsonObject
        {
            ["status"] = ConsultationStatuses.Done, ["outcome"] = outcome, ["resultDate"] = Text(payload["date"]), ["majority"] = Text(payload["majority"]),
            ["votesEntitled"] = Vote("entitled"), ["votesYes"] = Vote("yes"), ["votesNo"] = Vote("no"), ["votesAbstain"] = Vote("abstain"),
            ["votesRecused"] = Vote("recused"), ["resolutionText"] = Text(payload["resolutionText"]),
            ["referredToOrganizationId"] = payload["referredToOrganizationId"]?.DeepClone(), ["organizationId"] = payload["organizationId"]?.DeepClone(),
        };
    }

    private static Dictionary<string, string?> Values(ConsultationRow row) => new()
    {
        ["status"] = row.Status, ["outcome"] = row.Outcome, ["resultDate"] = Day(row.ResultDate), ["majority"] = row.Majority,
        ["votesEntitled"] = Number(row.VotesEntitled), ["votesYes"] = Number(row.VotesYes), ["votesNo"] = Number(row.VotesNo),
        ["votesAbstain"] = Number(row.VotesAbstain), ["votesRecused"] = Number(row.VotesRecused), ["resolutionText"] = row.ResolutionText,
        ["referredToOrganizationId"] = Number(row.ReferredToOrganizationId), ["organizationId"] = Number(row.OrganizationId),
        ["role"] = row.Role, ["public"] = Bool(row.IsPublic), ["position"] = Number(row.Position),
    };

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => node.ToJsonString(),
    };

    private static string? Day(string? text) => text?[..Math.Min(10, text.Length)];
    private static string? Number(long? value) => value?.ToString(CultureInfo.InvariantCulture);
    private static string Bool(bool value) => value ? "true" : "false";
}

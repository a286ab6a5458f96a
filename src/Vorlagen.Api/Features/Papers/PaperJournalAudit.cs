using System.Globalization;
using Dapper;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Workflows.Journal;
using Vorlagen.Workflows.Runtime;

namespace Vorlagen.Api.Features.Papers;

/// <summary>
/// Verifies a paper's journal (chain, sealed head, checkpoint) and, when it holds, cross-checks the
/// paper's rows against it (<see cref="JournalCrossCheck"/>). Reads rows directly, without the caller's
/// visibility: callers decide who may see the findings.
/// </summary>
public sealed class PaperJournalAudit(DbSession db, IWorkflowRuntime runtime)
{
    public const string AllPaperIdsSql = "SELECT id FROM papers WHERE @BodyId IS NULL OR body_id = @BodyId ORDER BY id";

    public const string LinkedInstanceIdsSql = "SELECT workflow_instance_id FROM papers WHERE workflow_instance_id IS NOT NULL";

    public sealed record Report(long PaperId, long BodyId, string Reference, bool Valid, long Records, IReadOnlyList<JournalFinding> Findings);

    public async Task<IReadOnlyList<long>> PaperIdsAsync(long? bodyId, CancellationToken cancellationToken) =>
        [.. await (await db.ConnectionAsync(cancellationToken)).QueryAsync<long>(new CommandDefinition(AllPaperIdsSql, new { BodyId = bodyId },
            db.Transaction, cancellationToken: cancellationToken))];

    public async Task<HashSet<string>> LinkedInstanceIdsAsync(CancellationToken cancellationToken) =>
        [.. await (await db.ConnectionAsync(cancellationToken)).QueryAsync<string>(new CommandDefinition(LinkedInstanceIdsSql, null,
            db.Transaction, cancellationToken: cancellationToken))];

    public async Task<Report> AuditAsync(long paperId, CancellationToken cancellationToken)
    {
        var connection = await db.ConnectionAsync(cancellationToken);
        var paper = await connection.QuerySingleOrDefaultAsync<PaperRow>(new CommandDefinition(PaperSql.PaperByIdSql, new { Id = paperId },
            db.Transaction, cancellationToken: cancellationToken)) ?? throw new NotFoundException("Vorlage", paperId);
        var consultations = (await connection.QueryAsync<ConsultationRow>(new CommandDefinition(PaperSql.ConsultationsOfPaperSql, new { Id = paperId },
            db.Transaction, cancellationToken: cancellationToken))).ToList();
        return await AuditAsync(paper, consultations, cancellationToken);
    }

    public async Task<Report> AuditAsync(PaperRow paper, IReadOnlyList<ConsultationRow> consultations, CancellationToken cancellationToken)
    {
        if (paper.WorkflowInstanceId is not { } instanceId)
            return new Report(paper.Id, paper.BodyId, paper.Reference, false, 0,
                [new JournalFinding("no_journal", "Die Vorlage ist mit keinem Journal verbunden: der Verweis auf ihre Workflow-Instanz fehlt.",
                    Field: "workflowInstanceId", JournalValue: PaperWorkflow.CorrelationId(paper.Id))]);
        var result = await runtime.VerifyJournalAsync(instanceId, cancellationToken);
        if (!result.Valid)
            return new Report(paper.Id, paper.BodyId, paper.Reference, false, result.Records, [Translate(result)]);
        var state = await runtime.GetStateAsync(instanceId, cancellationToken);
        var findings = JournalCrossCheck.Compare(paper, consultations, state.Instance, state.Journal);
        return new Report(paper.Id, paper.BodyId, paper.Reference, findings.Count == 0, result.Records, findings);
    }

    /// <summary>The runtime's finding in German, with the record it concerns.</summary>
    public static JournalFinding Translate(JournalVerificationResult result)
    {
        var at = result.BrokenAt;
        var checkpoint = result.Checkpoint;
        var when = checkpoint is null ? "" : BerlinTime.ToBerlin(checkpoint.At).ToString("dd.MM.yyyy HH:mm:ss", CultureInfo.InvariantCulture);
        var message = result.Code switch
        {
            JournalFindingCodes.SequenceGap => $"Eintrag {at} fehlt oder steht an falscher Stelle: Einträge wurden gelöscht, umnummeriert oder vertauscht.",
            JournalFindingCodes.BrokenLink => $"Eintrag {at} ist nicht mit dem vorigen verkettet.",
            JournalFindingCodes.RecordChanged => $"Eintrag {at} wurde verändert: seine Prüfsumme passt nicht zu seinem Inhalt.",
            JournalFindingCodes.NoInstance => "Zum Journal gibt es keine Workflow-Instanz mehr: sie wurde gelöscht.",
            JournalFindingCodes.HeadMismatch =>
                $"Das Journal endet bei Eintrag {result.Records}, die Workflow-Instanz verzeichnet aber {result.HeadSequence} Einträge: Einträge am Ende wurden gelöscht.",
            JournalFindingCodes.HeadUnsealed => "Das Ende des Journals trägt kein Siegel (MAC): es wurde nicht von der Anwendung geschrieben.",
            JournalFindingCodes.HeadMacInvalid =>
                $"Das Siegel (MAC) am Ende des Journals (Eintrag {result.Records}) ist ungültig: Journal oder Journalende wurden ohne den Schlüssel neu geschrieben.",
            JournalFindingCodes.BehindCheckpoint =>
                $"Das Journal endet bei Eintrag {result.Records}, der Sicherungspunkt vom {when} verzeichnet aber {checkpoint?.Sequence} Einträge: " +
                "Einträge wurden gelöscht oder die Datenbank auf einen älteren Stand zurückgesetzt.",
            JournalFindingCodes.DiffersFromCheckpoint =>
                $"Eintrag {checkpoint?.Sequence} weicht vom Sicherungspunkt vom {when} ab: das Journal wurde neu geschrieben.",
            JournalFindingCodes.InstanceMissing =>
                $"Die Workflow-Instanz {result.InstanceId} fehlt in der Datenbank; der Sicherungspunkt vom {when} verzeichnet {checkpoint?.Sequence} Einträge.",
            JournalFindingCodes.CheckpointInvalid => $"Die Datei der Sicherungspunkte ist beschädigt oder verändert: {result.Reason}",
            _ => result.Reason ?? "Das Journal ist ungültig.",
        };
        return new JournalFinding(result.Code ?? "invalid", message, at ?? checkpoint?.Sequence,
            JournalValue: checkpoint is null ? null : $"{checkpoint.Sequence}:{checkpoint.Hash}", RowValue: result.HeadSequence?.ToString(CultureInfo.InvariantCulture));
    }
}

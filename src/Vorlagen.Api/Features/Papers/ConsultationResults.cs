using Dapper;
using Vorlagen.Api.Data;
using Vorlagen.Api.Features.Organizations;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;
using Vorlagen.Domain.Voting;

namespace Vorlagen.Api.Features.Papers;

/// <summary>
/// Writes a checked result. Postponed, deferred and removed-from-agenda leave the consultation
/// pending (it may get a new date); a referral closes it and inserts the other Gremium's
/// consultation next — followed again by the referring one when that one was to decide.
/// </summary>
public static class ConsultationResults
{
    public const string StoreSql =
        "UPDATE consultations SET status = 'done', outcome = @Outcome, result_date = @ResultDate, majority = @Majority, " +
        "votes_entitled = @Entitled, votes_yes = @Yes, votes_no = @No, votes_abstain = @Abstain, votes_recused = @Recused, " +
        "resolution_text = @ResolutionText, referred_to_organization_id = @ReferredTo, recorded_at = @Now, recorded_by = @Actor, updated_at = @Now " +
        "WHERE id = @Id AND status = 'pending'";
    /// <summary>Keeps <c>papers.decided_non_public</c> (see <see cref="PaperSql.HiddenDecision"/>) true to the consultations.</summary>
    public const string MarkDecidedNonPublicSql =
        "UPDATE papers SET decided_non_public = 1 WHERE id = @PaperId AND decided_non_public = 0 AND EXISTS (" +
        "SELECT 1 FROM consultations c WHERE c.id = @Id AND c.role = 'beschliessend' AND c.status = 'done' AND c.is_public = 0)";
    public const string RedateSql = "UPDATE consultations SET planned_date = COALESCE(@PlannedDate, planned_date), updated_at = @Now WHERE id = @Id AND status = 'pending'";
    // Two steps, because SQLite checks UNIQUE (paper_id, position) row by row.
    public const string ShiftOutSql = "UPDATE consultations SET position = -position - @By WHERE paper_id = @PaperId AND position > @After";
    public const string ShiftBackSql = "UPDATE consultations SET position = -position WHERE paper_id = @PaperId AND position < 0";

    public static readonly string[] StaysPending = [Outcomes.Postponed, Outcomes.Deferred, Outcomes.RemovedFromAgenda];

    /// <summary>The amended wording, or null: blank text is no wording (and other outcomes carry none).</summary>
    public static string? ResolutionText(RecordResult.Command command) =>
        command.Outcome == Outcomes.AdoptedAmended && TextRules.HasContent(command.ResolutionText) ? command.ResolutionText : null;

    public static async Task StoreAsync(DbSession db, ConsultationRow consultation, RecordResult.Command command, TallyCheckResult check,
        OrganizationDto? referredTo, Caller caller, string role, TimeProvider clock, CancellationToken cancellationToken, long? handOverTo = null)
    {
        if (StaysPending.Contains(command.Outcome))
        {
            await db.Connection.ExecuteAsync(new CommandDefinition(RedateSql, new { consultation.Id, PlannedDate = command.PlannedDate?.ToString("yyyy-MM-dd"), Now = Instants.Format(clock.GetUtcNow()) },
                db.Transaction, cancellationToken: cancellationToken));
            return;
        }
        var votes = command.Votes?.ToTally();
        var stored = await db.Connection.ExecuteAsync(new CommandDefinition(StoreSql, new
        {
            consultation.Id, command.Outcome, ResultDate = command.Date!.Value.ToString("yyyy-MM-dd"), Majority = check.Derived?.Majority.Rule,
            votes?.Entitled, votes?.Yes, votes?.No, votes?.Abstain, votes?.Recused, ResolutionText = ResolutionText(command),
            ReferredTo = referredTo?.Id ?? handOverTo, Now = Instants.Format(clock.GetUtcNow()), Actor = $"{caller.DisplayName} ({Roles.LabelFor(role, caller.DisplayName)})",
        }, db.Transaction, cancellationToken: cancellationToken));
        if (stored == 0) throw new ConflictException("already_recorded", "Für diese Beratung wurde inzwischen bereits ein Ergebnis erfasst.");
        await db.Connection.ExecuteAsync(new CommandDefinition(MarkDecidedNonPublicSql, new { consultation.PaperId, consultation.Id },
            db.Transaction, cancellationToken: cancellationToken));
        if (referredTo is not null) await InsertReferralAsync(db, consultation, referredTo, cancellationToken);
        if (handOverTo is { } kreistag) await InsertHandOverAsync(db, consultation, kreistag, cancellationToken);
        await SearchIndex.RefreshAsync(db, consultation.PaperId, cancellationToken);
    }

    /// <summary>The Kreistag decides in place of the Ausschuss: its beschließend consultation comes next.</summary>
    private static async Task InsertHandOverAsync(DbSession db, ConsultationRow current, long kreistag, CancellationToken cancellationToken)
    {
        await db.Connection.ExecuteAsync(new CommandDefinition(ShiftOutSql, new { current.PaperId, After = current.Position, By = 1 }, db.Transaction, cancellationToken: cancellationToken));
        await db.Connection.ExecuteAsync(new CommandDefinition(ShiftBackSql, new { current.PaperId }, db.Transaction, cancellationToken: cancellationToken));
        await PaperEditing.InsertConsultationAsync(db, current.PaperId, current.Position + 1,
            new ConsultationInput(kreistag, ConsultationRoles.Beschliessend, current.IsPublic, null), cancellationToken);
    }

    private static async Task InsertReferralAsync(DbSession db, ConsultationRow current, OrganizationDto referredTo, CancellationToken cancellationToken)
    {
        var backToReferrer = current.Role == ConsultationRoles.Beschliessend;
        var by = backToReferrer ? 2 : 1;
        await db.Connection.ExecuteAsync(new CommandDefinition(ShiftOutSql, new { current.PaperId, After = current.Position, By = by }, db.Transaction, cancellationToken: cancellationToken));
        await db.Connection.ExecuteAsync(new CommandDefinition(ShiftBackSql, new { current.PaperId }, db.Transaction, cancellationToken: cancellationToken));
        await PaperEditing.InsertConsultationAsync(db, current.PaperId, current.Position + 1,
            new ConsultationInput(referredTo.Id, ConsultationRoles.Vorberatend, current.IsPublic, null), cancellationToken);
        if (backToReferrer)
            await PaperEditing.InsertConsultationAsync(db, current.PaperId, current.Position + 2,
                new ConsultationInput(current.OrganizationId, current.Role, current.IsPublic, null), cancellationToken);
    }
}

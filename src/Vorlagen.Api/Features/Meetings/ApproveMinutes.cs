using Dapper;
using FluentValidation;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.Meetings;

/// <summary>
/// The signed Niederschrift is confirmed at a following session of the same Gremium under its TOP "Bestätigung der Niederschrift"
/// (template key <c>niederschrift</c>); the objections raised and how the Gremium decided on them are recorded with it
/// (§ 36 Abs. 2 Satz 4 SächsLKrO). State: signed → approved.
/// </summary>
public static class ApproveMinutes
{
    public sealed record Objection(string? RaisedBy, string? Text, string? Outcome, string? Resolution);
    public sealed record Command(long MeetingId, int? ExpectedVersion, long? ApprovingMeetingId, IReadOnlyList<Objection>? Objections) : ICommand<MinutesDto>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ApprovingMeetingId).NotNull().WithMessage("Bitte geben Sie die Sitzung an, in der die Niederschrift bestätigt wurde (approvingMeetingId).");
            RuleForEach(c => c.Objections).ChildRules(o =>
            {
                o.RuleFor(x => x.RaisedBy).RequiredText().WithMessage("Bitte geben Sie an, wer die Einwendung erhoben hat.").MaximumLength(200).SingleLineText("Der Name");
                o.RuleFor(x => x.Text).RequiredText().WithMessage("Bitte geben Sie die Einwendung an.").MaximumLength(4000).MultiLineText("Die Einwendung");
                o.RuleFor(x => x.Outcome).Must(x => x is "accepted" or "rejected")
                    .WithMessage("Wie wurde über die Einwendung entschieden: „accepted“ (stattgegeben) oder „rejected“ (zurückgewiesen)?");
                o.RuleFor(x => x.Resolution).MaximumLength(4000).MultiLineText("Die Entscheidung");
            });
        }
    }

    public const string ApprovingItemSql =
        "SELECT id FROM agenda_items WHERE meeting_id = @Id AND template_key = 'niederschrift' ORDER BY is_public DESC, sort_order, id";
    public const string InsertApprovalSql =
        "INSERT INTO minutes_approvals (meeting_id, approving_meeting_id, agenda_item_id, approved_on, recorded_at, recorded_by) " +
        "VALUES (@MeetingId, @ApprovingMeetingId, @ItemId, @ApprovedOn, @Now, @Actor)";
    public const string InsertObjectionSql =
        "INSERT INTO minutes_objections (meeting_id, raised_by, objection, outcome, resolution, recorded_at, recorded_by) " +
        "VALUES (@MeetingId, @RaisedBy, @Text, @Outcome, @Resolution, @Now, @Actor)";

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, MinutesRules rules) : MediatR.IRequestHandler<Command, MinutesDto>
    {
        public async Task<MinutesDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var meeting = await MeetingSql.ForChangeAsync(db, command.MeetingId, caller, cancellationToken);
            var session = await MinutesSteps.SessionInStateAsync(db, meeting, MinutesStates.Signed, cancellationToken);
            IfMatch.Check(command.ExpectedVersion, session.Version);
            var approving = await MeetingSql.FindAsync(db, command.ApprovingMeetingId!.Value, cancellationToken);
            if (approving is null || approving.BodyId != meeting.BodyId) throw new NotFoundException("Sitzung", command.ApprovingMeetingId.Value);
            if (approving.OrganizationId != meeting.OrganizationId || approving.Date <= meeting.Date)
                throw new MeetingRuleException("approving_meeting_invalid",
                    $"Die Niederschrift wird in einer späteren Sitzung des Gremiums {meeting.OrganizationName} bestätigt (nach dem {meeting.Date:dd.MM.yyyy}).");
            if (approving.Status is not (MeetingStatuses.Held or MeetingStatuses.Closed))
                throw new MeetingRuleException("approving_meeting_not_held",
                    $"Die Sitzung am {approving.Date:dd.MM.yyyy} ist „{MeetingStatuses.Label(approving.Status)}“; bestätigt wird in einer durchgeführten Sitzung.");
            var item = await db.Connection.ExecuteScalarAsync<long?>(new CommandDefinition(ApprovingItemSql, new { Id = approving.Id }, db.Transaction, cancellationToken: cancellationToken))
                ?? throw new MeetingRuleException("no_approval_item",
                    $"Die Sitzung am {approving.Date:dd.MM.yyyy} hat keinen TOP „Bestätigung der Niederschrift der letzten Sitzung“; bitte nehmen Sie ihn in die Tagesordnung auf.");
            var args = new
            {
                MeetingId = meeting.Id, ApprovingMeetingId = approving.Id, ItemId = item, ApprovedOn = approving.MeetingDate,
                Now = Instants.Format(clock.GetUtcNow()), Actor = caller.AuditName,
            };
            await db.Connection.ExecuteAsync(new CommandDefinition(InsertApprovalSql, args, db.Transaction, cancellationToken: cancellationToken));
            foreach (var o in command.Objections ?? [])
                await db.Connection.ExecuteAsync(new CommandDefinition(InsertObjectionSql, new
                {
                    args.MeetingId, RaisedBy = TextRules.Clean(o.RaisedBy)!.Trim(), Text = TextRules.Clean(o.Text)!.Trim(), o.Outcome,
                    Resolution = TextRules.HasContent(o.Resolution) ? TextRules.Clean(o.Resolution)!.Trim() : null, args.Now, args.Actor,
                }, db.Transaction, cancellationToken: cancellationToken));
            await MinutesSteps.MoveAsync(db, meeting.Id, MinutesStates.Signed, MinutesStates.Approved, cancellationToken);
            var objections = command.Objections?.Count ?? 0;
            await MeetingSql.LogAsync(db, meeting.Id, "minutes_approved",
                $"Niederschrift bestätigt in der Sitzung am {approving.Date:dd.MM.yyyy}" + (objections == 0 ? " ohne Einwendungen" : $"; {objections} Einwendung(en) entschieden"),
                caller, clock, cancellationToken);
            return await MinutesSql.ReadAsync(db, meeting.Id, caller, rules, cancellationToken);
        }
    }
}

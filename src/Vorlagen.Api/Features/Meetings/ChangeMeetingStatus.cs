using Dapper;
using FluentValidation;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.Meetings;

/// <summary>
/// Moves a Sitzung along: held (not before its day), closed (after held), cancelled, postponed to a new date (the planned dates of its
/// consultations follow). "invited" is reached by sending the invitation. A cancelled session releases its consultations.
/// </summary>
public static class ChangeMeetingStatus
{
    public sealed record Command(long MeetingId, string? Status, DateOnly? NewDate, string? Reason) : ICommand<MeetingDto>;

    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        [MeetingStatuses.Planned] = [MeetingStatuses.Held, MeetingStatuses.Cancelled, MeetingStatuses.Postponed],
        [MeetingStatuses.Invited] = [MeetingStatuses.Held, MeetingStatuses.Cancelled, MeetingStatuses.Postponed],
        [MeetingStatuses.Postponed] = [MeetingStatuses.Held, MeetingStatuses.Cancelled, MeetingStatuses.Postponed],
        [MeetingStatuses.Held] = [MeetingStatuses.Closed],
    };

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Status).Must(s => s is MeetingStatuses.Held or MeetingStatuses.Closed or MeetingStatuses.Cancelled or MeetingStatuses.Postponed)
                .WithMessage("Der neue Status ist „held“ (durchgeführt), „closed“ (abgeschlossen), „cancelled“ (abgesagt) oder „postponed“ (verschoben); eingeladen wird mit dem Versand der Einladung.");
            RuleFor(c => c.NewDate).NotNull().When(c => c.Status == MeetingStatuses.Postponed).WithMessage("Eine verschobene Sitzung braucht das neue Datum (newDate).");
            RuleFor(c => c.Reason).MaximumLength(1000).MultiLineText("Die Begründung");
        }
    }

    public const string UpdateSql =
        "UPDATE meetings SET status = @Status, meeting_date = @Date, postponed_from = @PostponedFrom WHERE id = @MeetingId";
    public const string ReplanSql =
        "UPDATE consultations SET planned_date = @Date, updated_at = @Now WHERE status = 'pending' AND id IN (SELECT consultation_id FROM agenda_items WHERE meeting_id = @MeetingId)";
    public const string UnplanSql =
        "UPDATE consultations SET planned_date = NULL, updated_at = @Now WHERE status = 'pending' AND id IN (SELECT consultation_id FROM agenda_items WHERE meeting_id = @MeetingId)";
    public const string ReleaseItemsSql = "DELETE FROM agenda_items WHERE meeting_id = @MeetingId AND consultation_id IS NOT NULL";

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, MeetingRules rules) : IRequestHandler<Command, MeetingDto>
    {
        public async Task<MeetingDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var meeting = await MeetingSql.ForChangeAsync(db, command.MeetingId, caller, cancellationToken);
            var status = command.Status!;
            if (!Allowed.TryGetValue(meeting.Status, out var next) || !next.Contains(status))
                throw new ConflictException("meeting_status_not_allowed",
                    $"Eine Sitzung im Status „{MeetingStatuses.Label(meeting.Status)}“ kann nicht „{MeetingStatuses.Label(status)}“ werden.", next ?? []);
            if (status == MeetingStatuses.Held && meeting.Date > BerlinTime.Today(clock))
                throw new MeetingRuleException("meeting_in_future", $"Die Sitzung am {meeting.Date:dd.MM.yyyy} hat noch nicht stattgefunden.");
            var date = status == MeetingStatuses.Postponed ? command.NewDate!.Value : meeting.Date;
            if (status == MeetingStatuses.Postponed && date == meeting.Date)
                throw new MeetingRuleException("same_date", "Das neue Datum ist das bisherige; die Sitzung wird nicht verschoben.");
            var args = new
            {
                command.MeetingId, Status = status, Date = date.ToString("yyyy-MM-dd"), Now = Instants.Format(clock.GetUtcNow()),
                PostponedFrom = status == MeetingStatuses.Postponed ? meeting.PostponedFrom ?? meeting.MeetingDate : meeting.PostponedFrom,
            };
            await db.Connection.ExecuteAsync(new CommandDefinition(UpdateSql, args, db.Transaction, cancellationToken: cancellationToken));
            if (status == MeetingStatuses.Postponed)
                await db.Connection.ExecuteAsync(new CommandDefinition(ReplanSql, args, db.Transaction, cancellationToken: cancellationToken));
            if (status == MeetingStatuses.Cancelled)
            {
                await db.Connection.ExecuteAsync(new CommandDefinition(UnplanSql, args, db.Transaction, cancellationToken: cancellationToken));
                await db.Connection.ExecuteAsync(new CommandDefinition(ReleaseItemsSql, args, db.Transaction, cancellationToken: cancellationToken));
            }
            var summary = $"Status: {MeetingStatuses.Label(status)}" + (status == MeetingStatuses.Postponed ? $" auf den {date:dd.MM.yyyy}" : "")
                + (string.IsNullOrWhiteSpace(command.Reason) ? "" : $" – {command.Reason.Trim()}");
            await MeetingSql.LogAsync(db, command.MeetingId, "status_" + status, summary, caller, clock, cancellationToken);
            return await MeetingSql.ReadAsync(db, command.MeetingId, caller, rules, cancellationToken);
        }
    }
}

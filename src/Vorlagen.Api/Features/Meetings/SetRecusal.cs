using Dapper;
using FluentValidation;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.Meetings;

/// <summary>
/// Befangenheit of a member at one item (§ 18 SächsLKrO, § 38 ThürKO): the member takes no part and does not count as present
/// and entitled there. Set (PUT) or lifted (DELETE); both are idempotent.
/// </summary>
public static class SetRecusal
{
    public sealed record Command(long MeetingId, long ItemId, long PersonId, bool Recused, string? Note, int? ExpectedVersion) : ICommand<AttendanceDto>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Note).MaximumLength(500).WithMessage("Die Anmerkung darf höchstens 500 Zeichen lang sein.").SingleLineText("Die Anmerkung");
        }
    }

    public const string DeleteSql = "DELETE FROM agenda_item_recusals WHERE agenda_item_id = @ItemId AND person_id = @PersonId";
    public const string InsertSql =
        "INSERT INTO agenda_item_recusals (agenda_item_id, person_id, note, recorded_at, recorded_by) VALUES (@ItemId, @PersonId, @Note, @Now, @Actor)";

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, RuleProfiles profiles, MeetingRules meetingRules) : IRequestHandler<Command, AttendanceDto>
    {
        public async Task<AttendanceDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var meeting = await MeetingSql.VisibleAsync(db, command.MeetingId, caller, cancellationToken);
            SessionSql.RequireConductor(caller, meeting);
            var session = await SessionSql.ForChangeAsync(db, meeting, command.ExpectedVersion, cancellationToken);
            var model = await SessionSql.LoadAsync(db, meeting, profiles, cancellationToken);
            var item = model.Items.FirstOrDefault(i => i.Id == command.ItemId) ?? throw new NotFoundException("Tagesordnungspunkt", command.ItemId);
            var member = model.Members.FirstOrDefault(m => m.PersonId == command.PersonId)
                ?? throw new MeetingRuleException("not_a_member", $"Person {command.PersonId} ist am {meeting.Date:dd.MM.yyyy} kein Mitglied des Gremiums „{meeting.OrganizationName}“.");
            var args = new { command.ItemId, command.PersonId, Note = TextRules.Clean(command.Note), Now = Instants.Format(clock.GetUtcNow()), Actor = caller.AuditName };
            await db.Connection.ExecuteAsync(new CommandDefinition(DeleteSql, args, db.Transaction, cancellationToken: cancellationToken));
            if (command.Recused)
                await db.Connection.ExecuteAsync(new CommandDefinition(InsertSql, args, db.Transaction, cancellationToken: cancellationToken));
            await SessionSql.BumpAsync(db, session, cancellationToken);
            await MeetingSql.LogAsync(db, meeting.Id, command.Recused ? "recusal_recorded" : "recusal_lifted",
                $"{member.Name} {(command.Recused ? "befangen" : "nicht mehr befangen")} bei „{item.Title}“", caller, clock, cancellationToken);
            return GetAttendance.Read(await SessionSql.LoadAsync(db, meeting, profiles, cancellationToken), true, meetingRules);
        }
    }
}

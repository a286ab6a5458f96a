using Dapper;
using FluentValidation;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.Meetings;

/// <summary>Opens the session of a meeting on its day (or later, to enter a past session): who chairs, who keeps the minutes.</summary>
public static class OpenSession
{
    public sealed record Command(long MeetingId, long? ChairPersonId, string? SecretaryName) : ICommand<AttendanceDto>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ChairPersonId).NotNull().WithMessage("Bitte wählen Sie, wer die Sitzung leitet (chairPersonId).");
            RuleFor(c => c.SecretaryName).NotEmpty().WithMessage("Bitte geben Sie die Schriftführerin oder den Schriftführer an (secretaryName).")
                .MaximumLength(200).WithMessage("Der Name der Schriftführung darf höchstens 200 Zeichen lang sein.").SingleLineText("Der Name der Schriftführung");
        }
    }

    public const string InsertSql =
        "INSERT INTO meeting_sessions (meeting_id, opened_at, opened_by, chair_person_id, secretary_name, minutes_state, version) " +
        "VALUES (@MeetingId, @Now, @Actor, @ChairPersonId, @SecretaryName, 'draft', 1)";

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, RuleProfiles profiles, MeetingRules meetingRules) : IRequestHandler<Command, AttendanceDto>
    {
        public async Task<AttendanceDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var meeting = await MeetingSql.VisibleAsync(db, command.MeetingId, caller, cancellationToken);
            if (!await DeputyOpensForThemselvesAsync(meeting, command.ChairPersonId, cancellationToken)) SessionSql.RequireConductor(caller, meeting);
            if (meeting.Status is MeetingStatuses.Cancelled or MeetingStatuses.Postponed)
                throw new ConflictException("meeting_status_not_allowed", $"Eine Sitzung im Status „{MeetingStatuses.Label(meeting.Status)}“ kann nicht eröffnet werden.");
            if (meeting.Date > BerlinTime.Today(clock))
                throw new MeetingRuleException("meeting_in_future", $"Die Sitzung am {meeting.Date:dd.MM.yyyy} hat noch nicht begonnen; eröffnet wird sie an ihrem Tag.");
            var model = await SessionSql.LoadAsync(db, meeting, profiles, cancellationToken);
            if (model.Session is not null)
                throw new ConflictException("session_already_open", $"Die Sitzung wurde bereits eröffnet ({model.Session.OpenedBy}).");
            var chair = model.Members.FirstOrDefault(m => m.PersonId == command.ChairPersonId)
                ?? throw new MeetingRuleException("chair_not_member", $"Die Sitzung leitet ein Mitglied des Gremiums „{meeting.OrganizationName}“ am {meeting.Date:dd.MM.yyyy}.");
            await db.Connection.ExecuteAsync(new CommandDefinition(InsertSql, new
            {
                command.MeetingId, Now = Instants.Format(clock.GetUtcNow()), Actor = caller.AuditName, command.ChairPersonId,
                SecretaryName = TextRules.Clean(command.SecretaryName),
            }, db.Transaction, cancellationToken: cancellationToken));
            await MeetingSql.LogAsync(db, meeting.Id, "session_opened", $"Sitzung eröffnet; Vorsitz: {chair.Name}, Schriftführung: {command.SecretaryName}", caller, clock, cancellationToken);
            return GetAttendance.Read(await SessionSql.LoadAsync(db, meeting, profiles, cancellationToken), true, meetingRules);
        }

        /// <summary>
        /// The stellvertretende Vorsitz opens the session when the chair is prevented, and then chairs it: only with
        /// themselves as chair. Chairing it gives them the chair's rights until its Niederschrift is signed.
        /// </summary>
        private async Task<bool> DeputyOpensForThemselvesAsync(MeetingSql.MeetingRow meeting, long? chairPersonId, CancellationToken ct) =>
            caller.BelongsTo(meeting.BodyId) && caller.DeputyChairOf.Contains(meeting.OrganizationId) && chairPersonId is not null &&
            await db.Connection.ExecuteScalarAsync<long?>(new CommandDefinition(PersonUserSql, new { Id = chairPersonId }, db.Transaction,
                cancellationToken: ct)) == caller.UserId;
    }

    public const string PersonUserSql = "SELECT user_id FROM persons WHERE id = @Id";
}

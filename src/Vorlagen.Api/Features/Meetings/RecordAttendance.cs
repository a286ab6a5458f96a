using Dapper;
using FluentValidation;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;
using Vorlagen.Domain.Meetings;

namespace Vorlagen.Api.Features.Meetings;

/// <summary>
/// Records the attendance of the members listed (the others keep theirs): present (arriving at / leaving after an item),
/// excused with a reason, or absent; a deputy names the absent member they stand in for; a member with a defective invitation whether
/// they objected to it (§ 35 Abs. 1 Satz 2 SächsLKrO). All checked first, then written.
/// </summary>
public static class RecordAttendance
{
    /// <param name="InvitationObjection">for a member whose invitation was defective: true if they objected (the defect stands), false if
    /// not (cured, § 35 Abs. 1 Satz 2 SächsLKrO); null: not recorded.</param>
    public sealed record Entry(long? PersonId, string? Status, string? AbsenceReason, long? ArrivesAtItemId, long? LeavesAfterItemId, long? DeputyForPersonId,
        bool? InvitationObjection = null);

    public sealed record Command(long MeetingId, int? ExpectedVersion, IReadOnlyList<Entry>? Members) : ICommand<AttendanceDto>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Members).NotEmpty().WithMessage("Bitte geben Sie die Anwesenheit mindestens eines Mitglieds an (members).")
                .Must(m => m is null || m.Count <= 1000).WithMessage("Höchstens 1000 Einträge auf einmal.")
                .Must(m => m is null || m.Select(e => e.PersonId).Distinct().Count() == m.Count).WithMessage("Jedes Mitglied darf nur einmal genannt sein.");
            RuleForEach(c => c.Members).ChildRules(e =>
            {
                e.RuleFor(x => x.PersonId).NotNull().WithMessage("Bitte geben Sie das Mitglied an (personId).");
                e.RuleFor(x => x.Status).Must(s => s is not null && SessionAttendance.Statuses.Contains(s))
                    .WithMessage("Die Anwesenheit ist „present“ (anwesend), „excused“ (entschuldigt) oder „absent“ (abwesend).");
                e.RuleFor(x => x.AbsenceReason).MaximumLength(500).WithMessage("Der Grund darf höchstens 500 Zeichen lang sein.").SingleLineText("Der Grund");
                e.RuleFor(x => x.AbsenceReason).Empty().When(x => x.Status == SessionAttendance.Present)
                    .WithMessage("Einen Grund der Abwesenheit gibt es nur bei „entschuldigt“ oder „abwesend“.");
                e.RuleFor(x => x.ArrivesAtItemId).Null().When(x => x.Status != SessionAttendance.Present)
                    .WithMessage("Kommen und Gehen gibt es nur bei „anwesend“.");
                e.RuleFor(x => x.LeavesAfterItemId).Null().When(x => x.Status != SessionAttendance.Present)
                    .WithMessage("Kommen und Gehen gibt es nur bei „anwesend“.");
                e.RuleFor(x => x.DeputyForPersonId).Null().When(x => x.Status != SessionAttendance.Present)
                    .WithMessage("Vertreten kann nur, wer anwesend ist.");
                e.RuleFor(x => x.InvitationObjection).Null().When(x => x.Status != SessionAttendance.Present)
                    .WithMessage("Einen Ladungsmangel rügt nur, wer zur Sitzung erscheint (invitationObjection nur bei „anwesend“).");
            });
        }
    }

    public const string DeleteSql = "DELETE FROM meeting_attendance WHERE meeting_id = @MeetingId AND person_id = @PersonId";
    public const string InsertSql =
        "INSERT INTO meeting_attendance (meeting_id, person_id, status, absence_reason, arrives_at_item_id, leaves_after_item_id, deputy_for_person_id, " +
        "invitation_objection, recorded_at, recorded_by) " +
        "VALUES (@MeetingId, @PersonId, @Status, @AbsenceReason, @ArrivesAtItemId, @LeavesAfterItemId, @DeputyForPersonId, @InvitationObjection, @Now, @Actor)";

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, RuleProfiles profiles, MeetingRules meetingRules) : IRequestHandler<Command, AttendanceDto>
    {
        public async Task<AttendanceDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var meeting = await MeetingSql.VisibleAsync(db, command.MeetingId, caller, cancellationToken);
            SessionSql.RequireConductor(caller, meeting);
            var session = await SessionSql.ForChangeAsync(db, meeting, command.ExpectedVersion, cancellationToken);
            var model = await SessionSql.LoadAsync(db, meeting, profiles, cancellationToken);
            Check(model, command.Members!);
            var now = Instants.Format(clock.GetUtcNow());
            foreach (var e in command.Members!)
            {
                var args = new { command.MeetingId, e.PersonId, e.Status, AbsenceReason = TextRules.Clean(e.AbsenceReason), e.ArrivesAtItemId, e.LeavesAfterItemId,
                    e.DeputyForPersonId, e.InvitationObjection, Now = now, Actor = caller.AuditName };
                await db.Connection.ExecuteAsync(new CommandDefinition(DeleteSql, args, db.Transaction, cancellationToken: cancellationToken));
                await db.Connection.ExecuteAsync(new CommandDefinition(InsertSql, args, db.Transaction, cancellationToken: cancellationToken));
            }
            await SessionSql.BumpAsync(db, session, cancellationToken);
            var present = command.Members!.Count(e => e.Status == SessionAttendance.Present);
            var objections = command.Members!.Where(e => e.InvitationObjection is not null).ToList();
            await MeetingSql.LogAsync(db, meeting.Id, "attendance_recorded", $"Anwesenheit erfasst: {command.Members!.Count} Einträge, davon {present} anwesend" +
                (objections.Count == 0 ? "" : $"; Ladungsmangel gerügt: {objections.Count(e => e.InvitationObjection == true)}, nicht gerügt: {objections.Count(e => e.InvitationObjection == false)}"),
                caller, clock, cancellationToken);
            return GetAttendance.Read(await SessionSql.LoadAsync(db, meeting, profiles, cancellationToken), true, meetingRules);
        }

        /// <summary>Members of the Gremium on that day, items of this meeting in order, deputies for absent voting members only.</summary>
        private static void Check(SessionSql.Model model, IReadOnlyList<Entry> entries)
        {
            var members = model.Members.ToDictionary(m => m.PersonId);
            var statusAfter = model.Attendance.ToDictionary(a => a.PersonId, a => a.Status);
            foreach (var e in entries) statusAfter[e.PersonId!.Value] = e.Status!;
            foreach (var e in entries)
            {
                if (!members.TryGetValue(e.PersonId!.Value, out var member))
                    throw new MeetingRuleException("not_a_member", $"Person {e.PersonId} ist am {model.Meeting.Date:dd.MM.yyyy} kein Mitglied des Gremiums „{model.Meeting.OrganizationName}“.");
                int? from = e.ArrivesAtItemId is { } a ? ItemPosition(model, a) : null, to = e.LeavesAfterItemId is { } l ? ItemPosition(model, l) : null;
                if (e.InvitationObjection is not null && !model.InvitationDefects.ContainsKey(member.PersonId))
                    throw new MeetingRuleException("no_invitation_defect", $"{member.Name} wurde ordnungsgemäß geladen; es gibt keinen Ladungsmangel, der zu rügen wäre.");
                if (from > to)
                    throw new MeetingRuleException("leaves_before_arrival", $"{member.Name}: Das Gehen liegt vor dem Kommen; bitte prüfen Sie die Tagesordnungspunkte.");
                if (e.DeputyForPersonId is not { } deputyFor) continue;
                if (!members.TryGetValue(deputyFor, out var stoodIn) || !model.Entitled[deputyFor] || deputyFor == e.PersonId)
                    throw new MeetingRuleException("deputy_for_not_member", $"{member.Name} kann nur ein anderes stimmberechtigtes Mitglied des Gremiums vertreten.");
                if (statusAfter.GetValueOrDefault(deputyFor) == SessionAttendance.Present && e.ArrivesAtItemId is null && e.LeavesAfterItemId is null)
                    throw new MeetingRuleException("deputy_for_present", $"{stoodIn.Name} ist anwesend und wird nicht vertreten.");
            }
        }

        private static int ItemPosition(SessionSql.Model model, long itemId) => model.Position(itemId) is var p and >= 0
            ? p : throw new MeetingRuleException("item_not_in_meeting", $"Tagesordnungspunkt {itemId} gehört nicht zu dieser Sitzung.");
    }
}

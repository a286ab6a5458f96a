using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;
using Vorlagen.Domain.Meetings;

namespace Vorlagen.Api.Features.Meetings;

/// <summary>
/// The attendance of a session as the caller may see it: non-public items only for the office and the Gremium; absence reasons
/// likewise (they may be personal). A meeting the caller may not see is 404.
/// </summary>
public static class GetAttendance
{
    public sealed record Query(long MeetingId) : IRequest<AttendanceDto>;

    public sealed class Handler(DbSession db, Caller caller, RuleProfiles profiles, MeetingRules rules) : IRequestHandler<Query, AttendanceDto>
    {
        public async Task<AttendanceDto> Handle(Query query, CancellationToken cancellationToken)
        {
            await db.ConnectionAsync(cancellationToken);
            var meeting = await MeetingSql.VisibleAsync(db, query.MeetingId, caller, cancellationToken);
            return Read(await SessionSql.LoadAsync(db, meeting, profiles, cancellationToken), MeetingAccess.SeesNonPublic(caller, meeting), rules);
        }
    }

    public static readonly IReadOnlyDictionary<string, string> StatusLabels = new Dictionary<string, string>
    {
        [SessionAttendance.Present] = "anwesend", [SessionAttendance.Excused] = "entschuldigt", [SessionAttendance.Absent] = "abwesend",
    };

    /// <summary>Cured: attends and did not object; not cured: absent, or objected; null: attendance or objection not recorded yet.</summary>
    public static bool? Cured(string? status, bool? objection) =>
        status is null ? null : status != SessionAttendance.Present ? false : objection is null ? null : !objection.Value;

    public static AttendanceDto Read(SessionSql.Model model, bool full, MeetingRules rules)
    {
        var names = model.Members.ToDictionary(m => m.PersonId, m => m.Name);
        var byPerson = model.Attendance.ToDictionary(a => a.PersonId);
        var members = model.Members.Select(m =>
        {
            var a = byPerson.GetValueOrDefault(m.PersonId);
            var defect = full ? model.InvitationDefects.GetValueOrDefault(m.PersonId) : null;
            return new AttendeeDto(m.PersonId, m.Name, m.Role, model.Entitled[m.PersonId], m.Statutory, a?.Status, a is null ? null : StatusLabels[a.Status],
                full ? a?.AbsenceReason : null, a?.ArrivesAtItemId, a?.LeavesAfterItemId, a?.DeputyForPersonId,
                a?.DeputyForPersonId is { } d ? names.GetValueOrDefault(d) : null, defect, defect is null ? null : SessionSql.DefectLabels[defect],
                defect is null ? null : a?.InvitationObjection, defect is null ? null : Cured(a?.Status, a?.InvitationObjection));
        }).ToList();
        var numbers = MeetingSql.Number(model.Items, true).Where(i => i.Id is not null).ToDictionary(i => i.Id!.Value, i => i.Number);
        var items = model.Items.Where(i => full || i.IsPublic).Select(i =>
        {
            var counts = model.AtItem(i.Id);
            return new ItemAttendanceDto(i.Id, numbers[i.Id], i.Title, i.IsPublic, i.ConsultationId, counts.Present, counts.Recused, counts.EntitledPresent,
                [.. model.Recusals.Where(r => r.AgendaItemId == i.Id).Select(r => r.PersonId).Order()], counts.Quorum);
        }).ToList();
        var s = model.Session;
        var session = s is null ? null : new SessionDto(Instants.Parse(s.OpenedAt), s.OpenedBy, s.ChairPersonId,
            s.ChairPersonId is { } c ? names.GetValueOrDefault(c) : null, s.SecretaryName, s.ClosedAt is { } closed ? Instants.Parse(closed) : null, s.MinutesState, s.Version);
        var cure = rules.Cure(model.Meeting.RuleProfile, model.Meeting.Date);
        return new AttendanceDto(model.Meeting.Id, session, model.Organization.Seats, model.Profile.Id, model.Entitled.Count(e => e.Value), members, items, s?.Version ?? 0,
            cure is null || model.InvitationDefects.Count == 0 || !full ? null : new InvitationCureDto(cure.Citation, cure.Note!, cure.WordingVerified, cure.Source));
    }
}

using Dapper;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;
using Vorlagen.Domain.Meetings;

namespace Vorlagen.Api.Features.Meetings;

/// <summary>Queries, rows and the attendance model shared by the Sitzungsmodus slices (issue #14).</summary>
public static class SessionSql
{
    public const string SessionSqlText =
        "SELECT s.meeting_id AS MeetingId, s.opened_at AS OpenedAt, s.opened_by AS OpenedBy, s.chair_person_id AS ChairPersonId, " +
        "s.secretary_name AS SecretaryName, s.closed_at AS ClosedAt, s.minutes_state AS MinutesState, s.version AS Version " +
        "FROM meeting_sessions s WHERE s.meeting_id = @Id";

    public const string OrganizationSql = "SELECT seats AS Seats, kind AS Kind FROM organizations WHERE id = @OrganizationId";

    /// <summary>Memberships in the Gremium valid on the meeting date (Fraktion memberships do not matter here).</summary>
    public const string MembersOnDateSql =
        "SELECT m.person_id AS PersonId, p.title AS Title, p.given_name AS GivenName, p.family_name AS FamilyName, m.role AS Role, " +
        "m.voting_right AS VotingRight, m.statutory AS Statutory " +
        "FROM memberships m JOIN persons p ON p.id = m.person_id JOIN legislative_terms t ON t.id = m.legislative_term_id " +
        "WHERE m.organization_id = @OrganizationId AND m.start_date <= @Date AND COALESCE(m.end_date, t.end_date) >= @Date " +
        "ORDER BY p.family_name, p.given_name, p.id, m.id";

    public const string AttendanceSql =
        "SELECT person_id AS PersonId, status AS Status, absence_reason AS AbsenceReason, arrives_at_item_id AS ArrivesAtItemId, " +
        "leaves_after_item_id AS LeavesAfterItemId, deputy_for_person_id AS DeputyForPersonId, invitation_objection AS InvitationObjection, " +
        "recorded_at AS RecordedAt, recorded_by AS RecordedBy FROM meeting_attendance WHERE meeting_id = @Id";

    public const string InvitationStatesSql =
        "SELECT person_id AS PersonId, supplement AS Supplement, in_time AS InTime, delivery AS Delivery FROM invitations WHERE meeting_id = @Id";

    public const string RecusalsSql =
        "SELECT r.agenda_item_id AS AgendaItemId, r.person_id AS PersonId, r.note AS Note FROM agenda_item_recusals r " +
        "JOIN agenda_items a ON a.id = r.agenda_item_id WHERE a.meeting_id = @Id";

    public const string BumpSessionSql = "UPDATE meeting_sessions SET version = version + 1 WHERE meeting_id = @Id AND version = @Version";

    public sealed record SessionRow
    {
        public long MeetingId { get; init; }
        public string OpenedAt { get; init; } = "";
        public string OpenedBy { get; init; } = "";
        public long? ChairPersonId { get; init; }
        public string? SecretaryName { get; init; }
        public string? ClosedAt { get; init; }
        public string MinutesState { get; init; } = "";
        public int Version { get; init; }
    }

    public sealed record OrganizationRow
    {
        public int Seats { get; init; }
        public string Kind { get; init; } = "";
    }

    public sealed record MemberRow
    {
        public long PersonId { get; init; }
        public string? Title { get; init; }
        public string? GivenName { get; init; }
        public string FamilyName { get; init; } = "";
        public string Role { get; init; } = "";
        public bool VotingRight { get; init; }
        public bool Statutory { get; init; }
        public string Name => MeetingSql.PersonName(Title, GivenName, FamilyName);
    }

    public sealed record AttendanceRow
    {
        public long PersonId { get; init; }
        public string Status { get; init; } = "";
        public string? AbsenceReason { get; init; }
        public long? ArrivesAtItemId { get; init; }
        public long? LeavesAfterItemId { get; init; }
        public long? DeputyForPersonId { get; init; }
        public bool? InvitationObjection { get; init; }
        public string RecordedAt { get; init; } = "";
        public string RecordedBy { get; init; } = "";
    }

    public sealed record InvitationStateRow
    {
        public long PersonId { get; init; }
        public bool Supplement { get; init; }
        public bool? InTime { get; init; }
        public string Delivery { get; init; } = "";
    }

    public const string NotInvited = "not_invited", NotDelivered = "not_delivered", Late = "late";

    public static readonly IReadOnlyDictionary<string, string> DefectLabels = new Dictionary<string, string>
    {
        [NotInvited] = "nicht eingeladen", [NotDelivered] = "Einladung nicht zugestellt", [Late] = "Einladung verspätet",
    };

    /// <summary>
    /// The defect of each member's invitation: none recorded for the Einladung, one not delivered, or one (Einladung or Nachtrag) late.
    /// A meeting without any invitation record (a session entered as history) has no known defects.
    /// </summary>
    public static IReadOnlyDictionary<long, string> Defects(IEnumerable<long> personIds, IReadOnlyList<InvitationStateRow> invitations)
    {
        if (invitations.Count == 0) return new Dictionary<long, string>();
        var byPerson = invitations.ToLookup(i => i.PersonId);
        var result = new Dictionary<long, string>();
        foreach (var person in personIds.Distinct())
        {
            var own = byPerson[person].ToList();
            if (!own.Any(i => !i.Supplement)) result[person] = NotInvited;
            else if (own.Any(i => i.Delivery != "sent")) result[person] = NotDelivered;
            else if (own.Any(i => i.InTime == false)) result[person] = Late;
        }
        return result;
    }

    public sealed record RecusalRow
    {
        public long AgendaItemId { get; init; }
        public long PersonId { get; init; }
        public string? Note { get; init; }
    }

    /// <summary>Everything the attendance view and the result check derive from: members, attendance, items in order, recusals, rules.</summary>
    public sealed record Model(MeetingSql.MeetingRow Meeting, SessionRow? Session, OrganizationRow Organization, IReadOnlyList<MemberRow> Members,
        IReadOnlyDictionary<long, bool> Entitled, IReadOnlyList<AttendanceRow> Attendance, IReadOnlyList<MeetingSql.ItemRow> Items,
        IReadOnlyList<RecusalRow> Recusals, Vorlagen.Domain.Rules.RuleProfile Profile, IReadOnlyDictionary<long, string> InvitationDefects)
    {
        public int Position(long itemId) => Items.ToList().FindIndex(i => i.Id == itemId);

        public IReadOnlyList<Attendee> Attendees() => [.. Attendance.Select(a => new Attendee(a.PersonId, Entitled.GetValueOrDefault(a.PersonId), a.Status,
            a.ArrivesAtItemId is { } from ? Position(from) : null, a.LeavesAfterItemId is { } to ? Position(to) : null, a.DeputyForPersonId))];

        public ItemAttendance AtItem(long itemId) => SessionAttendance.AtItem(Attendees(), Position(itemId),
            Recusals.Where(r => r.AgendaItemId == itemId).Select(r => r.PersonId).ToHashSet(), Profile, Organization.Seats, Meeting.Date);
    }

    public static async Task<SessionRow?> SessionAsync(DbSession db, long meetingId, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<SessionRow>(new CommandDefinition(SessionSqlText, new { Id = meetingId }, db.Transaction, cancellationToken: ct));
    }

    public static async Task<Model> LoadAsync(DbSession db, MeetingSql.MeetingRow meeting, RuleProfiles profiles, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        CommandDefinition Cmd(string sql, object args) => new(sql, args, db.Transaction, cancellationToken: ct);
        var session = await connection.QuerySingleOrDefaultAsync<SessionRow>(Cmd(SessionSqlText, new { meeting.Id }));
        var organization = await connection.QuerySingleAsync<OrganizationRow>(Cmd(OrganizationSql, new { meeting.OrganizationId }));
        var profile = profiles.Get(meeting.RuleProfile);
        // One row per person; a person with several memberships on that day keeps the one that gives a vote.
        var members = (await connection.QueryAsync<MemberRow>(Cmd(MembersOnDateSql, new { meeting.OrganizationId, Date = meeting.MeetingDate })))
            .GroupBy(m => m.PersonId).Select(g => g.OrderByDescending(m => Votes(m, profile, organization, meeting.Date)).First()).ToList();
        var entitled = members.ToDictionary(m => m.PersonId, m => Votes(m, profile, organization, meeting.Date));
        var attendance = (await connection.QueryAsync<AttendanceRow>(Cmd(AttendanceSql, new { meeting.Id }))).ToList();
        var items = (await connection.QueryAsync<MeetingSql.ItemRow>(Cmd(MeetingSql.ItemsOfMeetingSql, new { meeting.Id }))).ToList();
        var recusals = (await connection.QueryAsync<RecusalRow>(Cmd(RecusalsSql, new { meeting.Id }))).ToList();
        var invitations = (await connection.QueryAsync<InvitationStateRow>(Cmd(InvitationStatesSql, new { meeting.Id }))).ToList();
        return new Model(meeting, session, organization, members, entitled, attendance, items, recusals, profile, Defects(members.Select(m => m.PersonId), invitations));
    }

    /// <summary>A voting member; the Landrat's statutory seat only where the rule profile counts it in this kind of Gremium.</summary>
    public static bool Votes(MemberRow member, Vorlagen.Domain.Rules.RuleProfile profile, OrganizationRow organization, DateOnly date) =>
        SessionAttendance.HasVote(member.Role, member.VotingRight, member.Statutory, profile, organization.Kind, date);

    /// <summary>The office, or the chair of the meeting's Gremium, conducts the session.</summary>
    public static void RequireConductor(Caller caller, MeetingSql.MeetingRow meeting)
    {
        if (!MeetingAccess.IsOffice(caller, meeting.BodyId) && !(caller.BelongsTo(meeting.BodyId) && caller.ChairOf.Contains(meeting.OrganizationId)))
            throw new ForbiddenException("Die Sitzung führt der Sitzungsdienst oder der Vorsitz des Gremiums.");
    }

    /// <summary>The open session for a change: 409 if none was opened, 412 on a stale If-Match; then its version is bumped.</summary>
    public static async Task<SessionRow> ForChangeAsync(DbSession db, MeetingSql.MeetingRow meeting, int? expectedVersion, CancellationToken ct)
    {
        var session = await SessionAsync(db, meeting.Id, ct)
            ?? throw new ConflictException("session_not_open", "Die Sitzung ist noch nicht eröffnet. Bitte eröffnen Sie zuerst die Sitzung (Vorsitz und Schriftführung).");
        IfMatch.Check(expectedVersion, session.Version);
        return session;
    }

    public static async Task BumpAsync(DbSession db, SessionRow session, CancellationToken ct)
    {
        var changed = await db.Connection.ExecuteAsync(new CommandDefinition(BumpSessionSql, new { Id = session.MeetingId, session.Version }, db.Transaction, cancellationToken: ct));
        if (changed != 1) throw new PreconditionFailedException(session.Version + 1);
    }
}

using System.Text.Json.Nodes;
using Dapper;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.PaperTypes;

namespace Vorlagen.Api.Features.Meetings;

/// <summary>
/// The agenda deadline of Anträge (types whose descriptor has <c>agendaDeadline</c>): the paper's beschließend consultation must be on
/// the agenda of its Gremium at the latest in the n-th session (not cancelled) after the day of receipt (rule data
/// <c>agendaDeadlines</c>; Sachsen: the übernächste Sitzung, § 32 Abs. 5 SächsLKrO). Read for the office: Meine Aufgaben and the
/// meeting being planned show the Anträge not placed in time.
/// </summary>
public sealed class AgendaDeadlines(DbSession db, PaperTypeCatalog types, MeetingRules rules, TimeProvider clock)
{
    public const string PapersSql =
        "SELECT p.id AS PaperId, p.reference AS Reference, p.title AS Title, p.paper_type AS PaperType, p.status AS Status, p.paper_date AS PaperDate, " +
        "p.fields AS Fields, p.created_at AS CreatedAt, c.id AS ConsultationId, c.organization_id AS OrganizationId, o.name AS OrganizationName, " +
        "b.rule_profile AS RuleProfile, a.meeting_id AS PlacedMeetingId, am.meeting_date AS PlacedMeetingDate " +
        "FROM papers p JOIN bodies b ON b.id = p.body_id JOIN consultations c ON c.paper_id = p.id JOIN organizations o ON o.id = c.organization_id " +
        "LEFT JOIN agenda_items a ON a.consultation_id = c.id LEFT JOIN meetings am ON am.id = a.meeting_id " +
        "WHERE p.body_id = @BodyId AND p.paper_type = @PaperType AND c.role = 'beschliessend' AND c.status = 'pending' ORDER BY p.id";
    public const string SessionsSql =
        "SELECT id AS Id, meeting_date AS MeetingDate, status AS Status FROM meetings WHERE organization_id = @OrganizationId AND status <> 'cancelled' " +
        "ORDER BY meeting_date, id";

    public const string InTime = "in_time", Due = "due", Missed = "missed", Open = "open";

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [InTime] = "rechtzeitig auf der Tagesordnung", [Due] = "muss auf diese Tagesordnung", [Missed] = "Frist versäumt",
        [Open] = "noch nicht geplant (die maßgebliche Sitzung ist noch nicht angelegt)",
    };

    public sealed record Row
    {
        public long PaperId { get; init; }
        public string Reference { get; init; } = "";
        public string Title { get; init; } = "";
        public string PaperType { get; init; } = "";
        public string Status { get; init; } = "";
        public string PaperDate { get; init; } = "";
        public string? Fields { get; init; }
        public string CreatedAt { get; init; } = "";
        public long ConsultationId { get; init; }
        public long OrganizationId { get; init; }
        public string OrganizationName { get; init; } = "";
        public string RuleProfile { get; init; } = "";
        public long? PlacedMeetingId { get; init; }
        public string? PlacedMeetingDate { get; init; }
    }

    public sealed record SessionRow
    {
        public long Id { get; init; }
        public string MeetingDate { get; init; } = "";
        public string Status { get; init; } = "";
    }

    /// <summary>
    /// All open Anträge of the body with their deadline. <c>DueMeeting</c>: the last session in time; <c>TargetMeetingId</c>: the session whose
    /// planning must take the Antrag now (the due session, or after a missed deadline the next session still being planned).
    /// </summary>
    public async Task<IReadOnlyList<AgendaDeadlineDto>> ForBodyAsync(long bodyId, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        var today = BerlinTime.Today(clock);
        var sessions = new Dictionary<long, List<SessionRow>>();
        var result = new List<AgendaDeadlineDto>();
        foreach (var type in types.All.Where(t => t.AgendaDeadline is not null))
        {
            var rows = await connection.QueryAsync<Row>(new CommandDefinition(PapersSql, new { BodyId = bodyId, PaperType = type.Code }, db.Transaction, cancellationToken: ct));
            foreach (var row in rows.Where(r => type.Statuses.GetValueOrDefault(r.Status)?.Open == true))
            {
                var received = ReceivedOn(row, type.AgendaDeadline!.From);
                if (rules.AgendaDeadline(row.RuleProfile, received) is not { } rule) continue;
                if (!sessions.TryGetValue(row.OrganizationId, out var ofGremium))
                    sessions[row.OrganizationId] = ofGremium = [.. await connection.QueryAsync<SessionRow>(new CommandDefinition(SessionsSql,
                        new { row.OrganizationId }, db.Transaction, cancellationToken: ct))];
                var due = ofGremium.Where(s => DateOnly.Parse(s.MeetingDate) > received).Skip(rule.Sessions - 1).FirstOrDefault();
                DateOnly? dueDate = due is null ? null : DateOnly.Parse(due.MeetingDate);
                DateOnly? placedDate = row.PlacedMeetingDate is { } p ? DateOnly.Parse(p) : null;
                var state = placedDate is { } placed
                    ? (dueDate is null || placed <= dueDate ? InTime : Missed)
                    : dueDate is null ? Open : dueDate >= today && MeetingStatuses.AgendaOpen(due!.Status) ? Due : Missed;
                long? target = state switch
                {
                    Due => due!.Id,
                    Missed when placedDate is null => ofGremium.FirstOrDefault(s => DateOnly.Parse(s.MeetingDate) >= today && MeetingStatuses.AgendaOpen(s.Status))?.Id,
                    _ => null,
                };
                result.Add(new AgendaDeadlineDto(row.PaperId, row.Reference, row.Title, type.Label, row.ConsultationId, row.OrganizationId, row.OrganizationName,
                    received, rule.Sessions, rule.Label, due?.Id, dueDate, row.PlacedMeetingId, placedDate, target, state, Labels[state], rule.Citation,
                    rule.WordingVerified));
            }
        }
        return result;
    }

    /// <summary>The Anträge the planning of <paramref name="meetingId"/> must take (not yet placed; due there or overdue).</summary>
    public async Task<IReadOnlyList<AgendaDeadlineDto>> ForMeetingAsync(long bodyId, long meetingId, CancellationToken ct) =>
        [.. (await ForBodyAsync(bodyId, ct)).Where(d => d.TargetMeetingId == meetingId)];

    private static DateOnly ReceivedOn(Row row, string field)
    {
        // The paper's own date is its column; a type's own date field is in its JSON fields.
        var text = field == "date" ? row.PaperDate : (JsonNode.Parse(row.Fields ?? "{}") as JsonObject)?[field]?.GetValue<string>();
        return DateOnly.TryParse(text, out var date) ? date : DateOnly.FromDateTime(Instants.Parse(row.CreatedAt).UtcDateTime);
    }
}

/// <summary>
/// One Antrag's agenda deadline. <see cref="State"/>: <c>in_time</c> (placed on the due session or earlier), <c>due</c> (not yet placed, the
/// due session <see cref="DueMeetingId"/> is still being planned), <c>missed</c> (placed later, or the due session passed without it),
/// <c>open</c> (fewer sessions planned than the rule counts).
/// </summary>
public sealed record AgendaDeadlineDto(long PaperId, string Reference, string Title, string PaperTypeLabel, long ConsultationId, long OrganizationId,
    string OrganizationName, DateOnly ReceivedOn, int Sessions, string RuleLabel, long? DueMeetingId, DateOnly? DueMeetingDate, long? PlacedMeetingId,
    DateOnly? PlacedMeetingDate, long? TargetMeetingId, string State, string StateLabel, string Citation, bool WordingVerified)
{
    public bool Flagged => State is AgendaDeadlines.Due or AgendaDeadlines.Missed && PlacedMeetingId is null;
}

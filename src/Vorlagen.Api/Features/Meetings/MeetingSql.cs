using Dapper;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;
using Vorlagen.Domain.Meetings;

namespace Vorlagen.Api.Features.Meetings;

/// <summary>Queries, rows, reading and the change log shared by the meeting slices.</summary>
public static class MeetingSql
{
    public const string SelectMeetingSql =
        "SELECT m.id AS Id, m.body_id AS BodyId, m.organization_id AS OrganizationId, o.name AS OrganizationName, m.number AS Number, " +
        "m.meeting_date AS MeetingDate, m.start_time AS StartTime, m.end_time AS EndTime, m.room AS Room, m.address AS Address, " +
        "m.is_public AS IsPublic, m.status AS Status, m.postponed_from AS PostponedFrom, m.urgency_reason AS UrgencyReason, " +
        "m.published_at AS PublishedAt, m.version AS Version, b.rule_profile AS RuleProfile " +
        "FROM meetings m JOIN organizations o ON o.id = m.organization_id JOIN bodies b ON b.id = m.body_id";
    public const string MeetingByIdSql = SelectMeetingSql + " WHERE m.id = @Id";

    public const string ItemsOfMeetingSql =
        "SELECT a.id AS Id, a.is_public AS IsPublic, a.sort_order AS SortOrder, a.is_sub AS IsSub, a.title AS Title, a.consultation_id AS ConsultationId, " +
        "a.paper_id AS PaperId, p.reference AS PaperReference, a.template_key AS TemplateKey, a.supplement AS Supplement " +
        "FROM agenda_items a LEFT JOIN papers p ON p.id = a.paper_id WHERE a.meeting_id = @Id ORDER BY a.is_public DESC, a.sort_order, a.id";

    public const string InvitationsOfMeetingSql =
        "SELECT i.id AS Id, i.person_id AS PersonId, p.title AS PersonTitle, p.given_name AS PersonGivenName, p.family_name AS PersonFamilyName, " +
        "i.channel AS Channel, i.supplement AS Supplement, i.sent_at AS SentAt, i.received_on AS ReceivedOn, i.urgent AS Urgent, i.delivery AS Delivery, " +
        "i.delivery_error AS DeliveryError, i.sent_by AS SentBy FROM invitations i JOIN persons p ON p.id = i.person_id " +
        "WHERE i.meeting_id = @Id ORDER BY i.supplement, p.family_name, p.given_name, i.id";

    public const string NoticeSettingSql = "SELECT full_days AS FullDays, citation AS Citation FROM meeting_notice_settings WHERE body_id = @BodyId";

    public const string InsertChangeSql =
        "INSERT INTO meeting_changes (meeting_id, action, summary, changed_at, changed_by) VALUES (@MeetingId, @Action, @Summary, @Now, @Actor)";

    public const string TouchSql = "UPDATE meetings SET version = version + 1, updated_at = @Now, updated_by = @Actor WHERE id = @Id";

    public sealed record MeetingRow
    {
        public long Id { get; init; }
        public long BodyId { get; init; }
        public long OrganizationId { get; init; }
        public string OrganizationName { get; init; } = "";
        public string? Number { get; init; }
        public string MeetingDate { get; init; } = "";
        public string? StartTime { get; init; }
        public string? EndTime { get; init; }
        public string? Room { get; init; }
        public string? Address { get; init; }
        public bool IsPublic { get; init; }
        public string Status { get; init; } = "";
        public string? PostponedFrom { get; init; }
        public string? UrgencyReason { get; init; }
        public string? PublishedAt { get; init; }
        public int Version { get; init; }
        public string RuleProfile { get; init; } = "";
        public DateOnly Date => DateOnly.Parse(MeetingDate);
    }

    public sealed record ItemRow
    {
        public long Id { get; init; }
        public bool IsPublic { get; init; }
        public int SortOrder { get; init; }
        public bool IsSub { get; init; }
        public string Title { get; init; } = "";
        public long? ConsultationId { get; init; }
        public long? PaperId { get; init; }
        public string? PaperReference { get; init; }
        public string? TemplateKey { get; init; }
        public bool Supplement { get; init; }
    }

    public sealed record InvitationRow
    {
        public long Id { get; init; }
        public long PersonId { get; init; }
        public string? PersonTitle { get; init; }
        public string? PersonGivenName { get; init; }
        public string PersonFamilyName { get; init; } = "";
        public string Channel { get; init; } = "";
        public bool Supplement { get; init; }
        public string SentAt { get; init; } = "";
        public string ReceivedOn { get; init; } = "";
        public bool Urgent { get; init; }
        public string Delivery { get; init; } = "";
        public string? DeliveryError { get; init; }
        public string SentBy { get; init; } = "";
    }

    public sealed record NoticeSettingRow
    {
        public int FullDays { get; init; }
        public string Citation { get; init; } = "";
    }

    public static async Task<MeetingRow?> FindAsync(DbSession db, long id, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<MeetingRow>(new CommandDefinition(MeetingByIdSql, new { Id = id }, db.Transaction, cancellationToken: ct));
    }

    /// <summary>The meeting if the caller may see it (<see cref="MeetingAccess.MaySee"/>); otherwise 404, so its existence does not leak.</summary>
    public static async Task<MeetingRow> VisibleAsync(DbSession db, long id, Caller caller, CancellationToken ct) =>
        await FindAsync(db, id, ct) is { } row && MeetingAccess.MaySee(caller, row) ? row : throw new NotFoundException("Sitzung", id);

    /// <summary>The meeting for a change by the office of its body; 404 for everyone who may not see it, 403 for those who may see but not change it.</summary>
    public static async Task<MeetingRow> ForChangeAsync(DbSession db, long id, Caller caller, CancellationToken ct)
    {
        var row = await VisibleAsync(db, id, caller, ct);
        MeetingAccess.RequireOffice(caller, row.BodyId);
        return row;
    }

    public static async Task<MeetingDto> ReadAsync(DbSession db, long id, Caller caller, MeetingRules rules, CancellationToken ct)
    {
        var row = await VisibleAsync(db, id, caller, ct);
        var items = (await db.Connection.QueryAsync<ItemRow>(new CommandDefinition(ItemsOfMeetingSql, new { Id = id }, db.Transaction, cancellationToken: ct))).ToList();
        var full = MeetingAccess.SeesNonPublic(caller, row);
        var agenda = Number(items, full);
        NoticeDto? notice = null;
        IReadOnlyList<InvitationDto>? invitations = null;
        if (MeetingAccess.IsOffice(caller, row.BodyId))
        {
            var rule = rules.NoticeRule(row.RuleProfile, row.Date);
            var setting = await db.Connection.QuerySingleOrDefaultAsync<NoticeSettingRow>(new CommandDefinition(NoticeSettingSql, new { row.BodyId }, db.Transaction, cancellationToken: ct));
            var fullDays = setting?.FullDays ?? rule.FullDays;
            var rows = await db.Connection.QueryAsync<InvitationRow>(new CommandDefinition(InvitationsOfMeetingSql, new { Id = id }, db.Transaction, cancellationToken: ct));
            invitations = [.. rows.Select(i =>
            {
                var verdict = Ladungsfrist.Verdict(rule, fullDays, DateOnly.Parse(i.ReceivedOn), row.Date, i.Urgent);
                return new InvitationDto(i.Id, i.PersonId, PersonName(i.PersonTitle, i.PersonGivenName, i.PersonFamilyName), i.Channel, i.Supplement,
                    Instants.Parse(i.SentAt), DateOnly.Parse(i.ReceivedOn), i.Urgent, verdict, Ladungsfrist.Labels[verdict], i.Delivery, i.DeliveryError, i.SentBy);
            })];
            var main = Ladungsfrist.Overall(invitations.Where(i => !i.Supplement).Select(i => i.Verdict));
            var supplements = invitations.Where(i => i.Supplement).Select(i => i.Verdict).ToList();
            var supplement = supplements.Count == 0 ? null : Ladungsfrist.Overall(supplements);
            notice = new NoticeDto(rule.Citation, rule.WordingVerified, rule.Source, rule.Note, fullDays, setting is not null, setting?.Citation, rule.UrgentCitation,
                Ladungsfrist.LatestReceipt(fullDays, row.Date), rule.Receipt.Keys.ToDictionary(c => c, c => Ladungsfrist.LatestDispatch(rule, fullDays, c, row.Date)),
                main, Ladungsfrist.Labels[main], supplement, supplement is null ? null : Ladungsfrist.Labels[supplement]);
        }
        return new MeetingDto(row.Id, row.BodyId, row.OrganizationId, row.OrganizationName, row.Number, row.Date, row.StartTime, row.EndTime, row.Room, row.Address,
            row.IsPublic, row.Status, MeetingStatuses.Label(row.Status), row.PostponedFrom is { } from ? DateOnly.Parse(from) : null, row.PublishedAt is not null,
            !full, agenda, row.Version, notice, invitations, MeetingAccess.IsOffice(caller, row.BodyId) ? row.UrgencyReason : null);
    }

    /// <summary>
    /// Numbers the items: Ö 1, Ö 2, Ö 2.1 (a sub-item of the top item before it), N 1 … For callers without <paramref name="full"/>
    /// view the whole non-public part becomes one item "nichtöffentlicher Teil" without number, title or ids.
    /// </summary>
    public static IReadOnlyList<AgendaItemDto> Number(IReadOnlyList<ItemRow> items, bool full)
    {
        var result = new List<AgendaItemDto>();
        foreach (var part in new[] { true, false })
        {
            var inPart = items.Where(i => i.IsPublic == part).OrderBy(i => i.SortOrder).ThenBy(i => i.Id).ToList();
            if (inPart.Count == 0) continue;
            if (!part && !full)
            {
                result.Add(new AgendaItemDto(null, null, false, NonPublicPart, null, null, null, false, false, null));
                continue;
            }
            int top = 0, sub = 0;
            foreach (var item in inPart)
            {
                var isSub = item.IsSub && top > 0;
                if (isSub) sub++; else { top++; sub = 0; }
                var number = $"{(part ? "Ö" : "N")} {top}{(isSub ? $".{sub}" : "")}";
                result.Add(new AgendaItemDto(item.Id, number, part, item.Title, item.PaperId, item.PaperReference, item.ConsultationId, isSub, item.Supplement, item.TemplateKey));
            }
        }
        return result;
    }

    public const string NonPublicPart = "nichtöffentlicher Teil";

    public static string PersonName(string? title, string? given, string family) =>
        string.Join(" ", new[] { title, given, family }.Where(s => !string.IsNullOrWhiteSpace(s)));

    /// <summary>Records who changed the meeting and bumps its version.</summary>
    public static async Task LogAsync(DbSession db, long meetingId, string action, string summary, Caller caller, TimeProvider clock, CancellationToken ct)
    {
        var args = new { MeetingId = meetingId, Id = meetingId, Action = action, Summary = summary, Now = Instants.Format(clock.GetUtcNow()), Actor = caller.AuditName };
        await db.Connection.ExecuteAsync(new CommandDefinition(InsertChangeSql, args, db.Transaction, cancellationToken: ct));
        await db.Connection.ExecuteAsync(new CommandDefinition(TouchSql, args, db.Transaction, cancellationToken: ct));
    }
}

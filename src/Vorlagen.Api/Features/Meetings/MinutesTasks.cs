using Dapper;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.Meetings;

/// <summary>
/// Meine Aufgaben of the office: held sessions whose Niederschrift is not yet approved, with the day it must be brought to the
/// Gremium's notice (Sachsen § 36 Abs. 2 Satz 2 SächsLKrO: within a month, at the latest at the next session), most urgent first.
/// </summary>
public static class MinutesTasks
{
    public sealed record Query : IRequest<IReadOnlyList<MinutesTaskDto>>;

    public sealed record MinutesTaskDto(long MeetingId, string OrganizationName, DateOnly Date, string State, string StateLabel, DateOnly? Due,
        string Citation, bool WordingVerified, bool Overdue);

    public const string OpenSql =
        "SELECT m.id AS Id, o.name AS OrganizationName, m.organization_id AS OrganizationId, m.meeting_date AS MeetingDate, b.rule_profile AS RuleProfile, " +
        "COALESCE(s.minutes_state, 'draft') AS State, (SELECT MIN(n.meeting_date) FROM meetings n WHERE n.organization_id = m.organization_id " +
        "AND n.meeting_date > m.meeting_date AND n.status <> 'cancelled') AS NextDate " +
        "FROM meetings m JOIN organizations o ON o.id = m.organization_id JOIN bodies b ON b.id = m.body_id " +
        "LEFT JOIN meeting_sessions s ON s.meeting_id = m.id " +
        "WHERE m.body_id = @BodyId AND m.status IN ('held', 'closed') AND COALESCE(s.minutes_state, 'draft') IN ('draft', 'signed') ORDER BY m.meeting_date, m.id";

    public sealed record Row
    {
        public long Id { get; init; }
        public string OrganizationName { get; init; } = "";
        public long OrganizationId { get; init; }
        public string MeetingDate { get; init; } = "";
        public string RuleProfile { get; init; } = "";
        public string State { get; init; } = "";
        public string? NextDate { get; init; }
    }

    public sealed class Handler(DbSession db, Caller caller, MinutesRules rules, TimeProvider clock) : IRequestHandler<Query, IReadOnlyList<MinutesTaskDto>>
    {
        public async Task<IReadOnlyList<MinutesTaskDto>> Handle(Query query, CancellationToken cancellationToken)
        {
            if (caller.BodyId is not { } body || !MeetingAccess.IsOffice(caller, body)) return [];
            var connection = await db.ConnectionAsync(cancellationToken);
            var rows = await connection.QueryAsync<Row>(new CommandDefinition(OpenSql, new { BodyId = body }, db.Transaction, cancellationToken: cancellationToken));
            var today = BerlinTime.Today(clock);
            return [.. rows.Select(r =>
            {
                var date = DateOnly.Parse(r.MeetingDate);
                var notice = rules.At(r.RuleProfile, date).Notice;
                var due = MinutesRules.NoticeDue(notice, date, r.NextDate is null ? null : DateOnly.Parse(r.NextDate));
                return new MinutesTaskDto(r.Id, r.OrganizationName, date, r.State, MinutesStates.Label(r.State), due, notice.Citation, notice.WordingVerified,
                    due is { } d && d < today);
            }).OrderBy(t => t.Due ?? DateOnly.MaxValue).ThenBy(t => t.MeetingId)];
        }
    }
}

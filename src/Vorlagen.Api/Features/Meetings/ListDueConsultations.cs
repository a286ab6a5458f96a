using Dapper;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.Meetings;

/// <summary>What the office can put on a meeting's agenda: released papers whose next due consultation is in its Gremium and not yet on an agenda.</summary>
public static class ListDueConsultations
{
    public sealed record Query(long MeetingId) : IRequest<IReadOnlyList<DueDto>>;

    public sealed record DueDto(long ConsultationId, long PaperId, string? Reference, string Title, bool Public, string Role);

    public const string DueSql =
        "SELECT c.id AS ConsultationId, p.id AS PaperId, p.reference AS Reference, p.title AS Title, c.is_public AS IsPublic, c.role AS Role " +
        "FROM consultations c JOIN papers p ON p.id = c.paper_id WHERE c.organization_id = @OrganizationId AND c.status = 'pending' " +
        "AND p.released_on IS NOT NULL AND p.status NOT IN ('draft', 'submitted', 'withdrawn') " +
        "AND c.position = (SELECT MIN(n.position) FROM consultations n WHERE n.paper_id = c.paper_id AND n.status = 'pending') " +
        "AND NOT EXISTS (SELECT 1 FROM agenda_items a WHERE a.consultation_id = c.id) ORDER BY p.reference, p.id";

    public sealed record DueRow(long ConsultationId, long PaperId, string? Reference, string Title, bool IsPublic, string Role);

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, IReadOnlyList<DueDto>>
    {
        public async Task<IReadOnlyList<DueDto>> Handle(Query query, CancellationToken cancellationToken)
        {
            var meeting = await MeetingSql.ForChangeAsync(db, query.MeetingId, caller, cancellationToken);
            var rows = await db.Connection.QueryAsync<DueRow>(new CommandDefinition(DueSql, new { meeting.OrganizationId }, db.Transaction, cancellationToken: cancellationToken));
            return [.. rows.Select(r => new DueDto(r.ConsultationId, r.PaperId, r.Reference, r.Title, r.IsPublic, r.Role))];
        }
    }
}

using Dapper;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.Meetings;

/// <summary>Who changed the meeting when, and what (the office only).</summary>
public static class GetMeetingHistory
{
    public sealed record Query(long Id) : IRequest<IReadOnlyList<ChangeDto>>;

    public sealed record ChangeDto(long Id, string Action, string Summary, DateTimeOffset ChangedAt, string ChangedBy);

    public const string ChangesSql =
        "SELECT id AS Id, action AS Action, summary AS Summary, changed_at AS ChangedAt, changed_by AS ChangedBy FROM meeting_changes WHERE meeting_id = @Id ORDER BY id";

    public sealed record ChangeRow(long Id, string Action, string Summary, string ChangedAt, string ChangedBy);

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, IReadOnlyList<ChangeDto>>
    {
        public async Task<IReadOnlyList<ChangeDto>> Handle(Query query, CancellationToken cancellationToken)
        {
            await MeetingSql.ForChangeAsync(db, query.Id, caller, cancellationToken);
            var rows = await db.Connection.QueryAsync<ChangeRow>(new CommandDefinition(ChangesSql, query, db.Transaction, cancellationToken: cancellationToken));
            return [.. rows.Select(r => new ChangeDto(r.Id, r.Action, r.Summary, Instants.Parse(r.ChangedAt), r.ChangedBy))];
        }
    }
}

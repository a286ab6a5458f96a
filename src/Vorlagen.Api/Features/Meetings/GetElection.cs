using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.Meetings;

/// <summary>The election of an agenda item with its candidates and ballots; an election in the non-public part only for the office and the Gremium.</summary>
public static class GetElection
{
    public sealed record Query(long MeetingId, long ItemId) : IRequest<ElectionSql.ElectionDto>;

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, ElectionSql.ElectionDto>
    {
        public async Task<ElectionSql.ElectionDto> Handle(Query query, CancellationToken cancellationToken)
        {
            await db.ConnectionAsync(cancellationToken);
            var meeting = await MeetingSql.VisibleAsync(db, query.MeetingId, caller, cancellationToken);
            var item = (await Dapper.SqlMapper.QueryAsync<MeetingSql.ItemRow>(db.Connection, new Dapper.CommandDefinition(MeetingSql.ItemsOfMeetingSql,
                new { Id = meeting.Id }, db.Transaction, cancellationToken: cancellationToken))).FirstOrDefault(i => i.Id == query.ItemId);
            if (item is null || (!item.IsPublic && !MeetingAccess.SeesNonPublic(caller, meeting))) throw new NotFoundException("Tagesordnungspunkt", query.ItemId);
            return await ElectionSql.ReadAsync(db, item.Id, cancellationToken) ?? throw new NotFoundException("Wahl", query.ItemId);
        }
    }
}

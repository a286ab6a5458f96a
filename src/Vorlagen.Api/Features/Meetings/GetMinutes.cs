using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.Meetings;

/// <summary>The Niederschrift of a Sitzung and its state, as the caller may see it (<see cref="MinutesSql.ReadAsync"/>).</summary>
public static class GetMinutes
{
    public sealed record Query(long MeetingId) : IRequest<MinutesDto>;

    public sealed class Handler(DbSession db, Caller caller, MinutesRules rules) : IRequestHandler<Query, MinutesDto>
    {
        public async Task<MinutesDto> Handle(Query query, CancellationToken cancellationToken)
        {
            await db.ConnectionAsync(cancellationToken);
            return await MinutesSql.ReadAsync(db, query.MeetingId, caller, rules, cancellationToken);
        }
    }
}

using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.Meetings;

/// <summary>One Sitzung with its Tagesordnung as the caller may see it; for the office also the Ladungsfrist and the invitations.</summary>
public static class GetMeeting
{
    public sealed record Query(long Id) : IRequest<MeetingDto>;

    public sealed class Handler(DbSession db, Caller caller, MeetingRules rules) : IRequestHandler<Query, MeetingDto>
    {
        public async Task<MeetingDto> Handle(Query query, CancellationToken cancellationToken)
        {
            await db.ConnectionAsync(cancellationToken);
            return await MeetingSql.ReadAsync(db, query.Id, caller, rules, cancellationToken);
        }
    }
}

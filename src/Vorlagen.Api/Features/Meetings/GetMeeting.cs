using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.Meetings;

/// <summary>One Sitzung with its Tagesordnung as the caller may see it; for the office also the Ladungsfrist, the invitations
/// and the Anträge whose agenda deadline this session must meet.</summary>
public static class GetMeeting
{
    public sealed record Query(long Id) : IRequest<MeetingDto>;

    public sealed class Handler(DbSession db, Caller caller, MeetingRules rules, AgendaDeadlines deadlines) : IRequestHandler<Query, MeetingDto>
    {
        public async Task<MeetingDto> Handle(Query query, CancellationToken cancellationToken)
        {
            await db.ConnectionAsync(cancellationToken);
            var meeting = await MeetingSql.ReadAsync(db, query.Id, caller, rules, cancellationToken);
            return MeetingAccess.IsOffice(caller, meeting.BodyId)
                ? meeting with { AgendaDeadlines = await deadlines.ForMeetingAsync(meeting.BodyId, meeting.Id, cancellationToken) }
                : meeting;
        }
    }
}

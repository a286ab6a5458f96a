using Dapper;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.Meetings;

/// <summary>
/// After its approval the decisions of the public part are published (§ 32b Satz 2 SächsLKrO): the Niederschrift's public part and
/// the meeting's public decisions in the Beschlussbuch become readable to everyone. State: approved → published.
/// </summary>
public static class PublishMinutes
{
    public sealed record Command(long MeetingId, int? ExpectedVersion) : ICommand<MinutesDto>;

    public const string InsertSql =
        "INSERT INTO minutes_publications (meeting_id, published_on, recorded_at, recorded_by) VALUES (@Id, @On, @Now, @Actor)";

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, MinutesRules rules) : MediatR.IRequestHandler<Command, MinutesDto>
    {
        public async Task<MinutesDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var meeting = await MeetingSql.ForChangeAsync(db, command.MeetingId, caller, cancellationToken);
            var session = await MinutesSteps.SessionInStateAsync(db, meeting, MinutesStates.Approved, cancellationToken);
            IfMatch.Check(command.ExpectedVersion, session.Version);
            var today = BerlinTime.Today(clock);
            await db.Connection.ExecuteAsync(new CommandDefinition(InsertSql, new
            {
                Id = meeting.Id, On = today.ToString("yyyy-MM-dd"), Now = Instants.Format(clock.GetUtcNow()), Actor = caller.AuditName,
            }, db.Transaction, cancellationToken: cancellationToken));
            await MinutesSteps.MoveAsync(db, meeting.Id, MinutesStates.Approved, MinutesStates.Published, cancellationToken);
            var citation = rules.At(meeting.RuleProfile, meeting.Date).Publication?.Citation;
            await MeetingSql.LogAsync(db, meeting.Id, "minutes_published",
                $"Beschlüsse des öffentlichen Teils veröffentlicht am {today:dd.MM.yyyy}" + (citation is null ? "" : $" ({citation})"), caller, clock, cancellationToken);
            return await MinutesSql.ReadAsync(db, meeting.Id, caller, rules, cancellationToken);
        }
    }
}

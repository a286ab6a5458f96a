using Dapper;
using FluentValidation;
using Vorlagen.Api.Data;
using Vorlagen.Api.Features.Papers;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.Meetings;

/// <summary>
/// "Bekanntgeben": a decision taken in the non-public part of this Sitzung is announced in a public session once the grounds for
/// secrecy have ceased (§ 33 Abs. 1 Satz 3 SächsLKrO). From <c>announced_on</c> on it is public everywhere a public decision is:
/// the paper's Beratungsfolge and status, its history, search, lists, OParl and the Beschlussbuch.
/// </summary>
public static class AnnounceDecision
{
    public sealed record Command(long MeetingId, long? ConsultationId, DateOnly? AnnouncedOn, long? AnnouncingMeetingId) : ICommand<MinutesDto>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ConsultationId).NotNull().WithMessage("Bitte geben Sie an, welcher Beschluss bekanntgegeben wird (consultationId).");
            RuleFor(c => c.AnnouncedOn).NotNull().WithMessage("Bitte geben Sie den Tag der Bekanntgabe an (announcedOn).").PlausibleDate();
        }
    }

    public const string DecisionSql =
        "SELECT c.id AS Id, c.paper_id AS PaperId, c.is_public AS IsPublic, c.status AS Status, c.result_date AS ResultDate, c.announced_on AS AnnouncedOn " +
        "FROM agenda_items a JOIN consultations c ON c.id = a.consultation_id WHERE a.meeting_id = @MeetingId AND c.id = @ConsultationId";
    public const string AnnounceSql = "UPDATE consultations SET announced_on = @On, updated_at = @Now WHERE id = @ConsultationId AND announced_on IS NULL";
    /// <summary>The paper changed for the public (its decision is now shown): OParl's <c>modified</c> follows <c>updated_at</c>.</summary>
    public const string TouchPaperSql = "UPDATE papers SET updated_at = @Now, updated_by = @Actor WHERE id = @PaperId";
    public const string InsertSql =
        "INSERT INTO decision_announcements (consultation_id, announced_on, meeting_id, recorded_at, recorded_by) VALUES (@ConsultationId, @On, @AnnouncingMeetingId, @Now, @Actor)";

    public sealed record DecisionRow
    {
        public long Id { get; init; }
        public long PaperId { get; init; }
        public bool IsPublic { get; init; }
        public string Status { get; init; } = "";
        public string? ResultDate { get; init; }
        public string? AnnouncedOn { get; init; }
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, MinutesRules rules) : MediatR.IRequestHandler<Command, MinutesDto>
    {
        public async Task<MinutesDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var meeting = await MeetingSql.ForChangeAsync(db, command.MeetingId, caller, cancellationToken);
            var decision = await db.Connection.QuerySingleOrDefaultAsync<DecisionRow>(new CommandDefinition(DecisionSql,
                new { MeetingId = meeting.Id, command.ConsultationId }, db.Transaction, cancellationToken: cancellationToken))
                ?? throw new NotFoundException("Beschluss dieser Sitzung", command.ConsultationId!.Value);
            if (decision.IsPublic)
                throw new MeetingRuleException("decision_already_public", "Dieser Beschluss wurde in öffentlicher Sitzung gefasst; er wird mit der Niederschrift veröffentlicht.");
            if (decision.Status != ConsultationStatuses.Done || decision.ResultDate is null)
                throw new MeetingRuleException("decision_not_recorded", "Für diese Beratung ist noch kein Ergebnis erfasst; bekanntgegeben wird ein gefasster Beschluss.");
            if (decision.AnnouncedOn is not null)
                throw new ConflictException("decision_already_announced", $"Der Beschluss wurde bereits am {DateOnly.Parse(decision.AnnouncedOn):dd.MM.yyyy} bekanntgegeben.");
            var on = command.AnnouncedOn!.Value;
            if (on < DateOnly.Parse(decision.ResultDate) || on > BerlinTime.Today(clock))
                throw new MeetingRuleException("announced_on_out_of_range",
                    $"Der Tag der Bekanntgabe muss zwischen dem Beschluss am {DateOnly.Parse(decision.ResultDate):dd.MM.yyyy} und heute liegen.");
            if (command.AnnouncingMeetingId is { } announcing)
            {
                var other = await MeetingSql.FindAsync(db, announcing, cancellationToken);
                if (other is null || other.BodyId != meeting.BodyId) throw new NotFoundException("Sitzung", announcing);
                if (!other.IsPublic || other.Date != on)
                    throw new MeetingRuleException("announcing_meeting_invalid",
                        $"Bekanntgegeben wird in öffentlicher Sitzung am Tag der Bekanntgabe ({on:dd.MM.yyyy}); die Sitzung am {other.Date:dd.MM.yyyy} passt dazu nicht.");
            }
            var args = new
            {
                ConsultationId = decision.Id, On = on.ToString("yyyy-MM-dd"), command.AnnouncingMeetingId, Now = Instants.Format(clock.GetUtcNow()), Actor = caller.AuditName,
            };
            if (await db.Connection.ExecuteAsync(new CommandDefinition(AnnounceSql, args, db.Transaction, cancellationToken: cancellationToken)) == 0)
                throw new ConflictException("decision_already_announced", "Der Beschluss wurde inzwischen bekanntgegeben.");
            await db.Connection.ExecuteAsync(new CommandDefinition(InsertSql, args, db.Transaction, cancellationToken: cancellationToken));
            await db.Connection.ExecuteAsync(new CommandDefinition(TouchPaperSql, new { decision.PaperId, args.Now, args.Actor }, db.Transaction,
                cancellationToken: cancellationToken));
            await SearchIndex.RefreshAsync(db, decision.PaperId, cancellationToken);
            var citation = rules.At(meeting.RuleProfile, meeting.Date).Announcement?.Citation;
            await MeetingSql.LogAsync(db, meeting.Id, "decision_announced",
                $"Beschluss (Beratung #{decision.Id}) bekanntgegeben am {on:dd.MM.yyyy}" + (citation is null ? "" : $" ({citation})"), caller, clock, cancellationToken);
            return await MinutesSql.ReadAsync(db, meeting.Id, caller, rules, cancellationToken);
        }
    }
}

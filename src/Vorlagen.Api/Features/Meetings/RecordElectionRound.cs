using Dapper;
using FluentValidation;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;
using Vorlagen.Domain.Voting;

namespace Vorlagen.Api.Features.Meetings;

/// <summary>
/// Records one ballot of an election: valid and invalid ballots and the votes per candidate. The number present and entitled comes from
/// the attendance at the item; the rule data decide: elected, Stichwahl needed, lot, or not elected. A tie the lot decides names the
/// lot's winner in <see cref="Command.LotWinnerPersonId"/>.
/// </summary>
public static class RecordElectionRound
{
    public sealed record CandidateVotes(long? PersonId, int? Votes);

    public sealed record Command(long MeetingId, long ItemId, int? ValidBallots, int? InvalidBallots, IReadOnlyList<CandidateVotes>? Votes, long? LotWinnerPersonId,
        int? ExpectedRound = null) : ICommand<ElectionSql.ElectionDto>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ValidBallots).NotNull().WithMessage("Bitte geben Sie die gültigen Stimmzettel an.").InclusiveBetween(0, 1000).WithMessage("Gültige Stimmzettel: 0 bis 1000.");
            RuleFor(c => c.InvalidBallots).NotNull().WithMessage("Bitte geben Sie die ungültigen Stimmzettel an.").InclusiveBetween(0, 1000).WithMessage("Ungültige Stimmzettel: 0 bis 1000.");
            RuleFor(c => c.Votes).NotEmpty().WithMessage("Bitte geben Sie die Stimmen je Bewerber an (votes).")
                .Must(v => v is null || v.Select(x => x.PersonId).Distinct().Count() == v.Count).WithMessage("Jeder Bewerber nur einmal.");
            RuleForEach(c => c.Votes).ChildRules(v =>
            {
                v.RuleFor(x => x.PersonId).NotNull().WithMessage("Bitte geben Sie den Bewerber an (personId).");
                v.RuleFor(x => x.Votes).NotNull().WithMessage("Bitte geben Sie die Stimmen an.").InclusiveBetween(0, 1000).WithMessage("Stimmen: 0 bis 1000.");
            });
        }
    }

    public const string InsertRoundSql =
        "INSERT INTO election_rounds (election_id, round_number, entitled_present, valid_ballots, invalid_ballots, outcome, elected_person_id, decided_by_lot, " +
        "citation, recorded_at, recorded_by) VALUES (@ElectionId, @Round, @EntitledPresent, @ValidBallots, @InvalidBallots, @Outcome, @Elected, @ByLot, @Citation, @Now, @Actor)";
    public const string InsertVotesSql = "INSERT INTO election_round_votes (election_id, round_number, person_id, votes) VALUES (@ElectionId, @Round, @PersonId, @Votes)";
    public const string UpdateElectionSql =
        "UPDATE elections SET status = @Status, elected_person_id = @Elected, version = version + 1 WHERE id = @ElectionId AND version = @Version";

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, RuleProfiles profiles) : IRequestHandler<Command, ElectionSql.ElectionDto>
    {
        public async Task<ElectionSql.ElectionDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var meeting = await MeetingSql.VisibleAsync(db, command.MeetingId, caller, cancellationToken);
            SessionSql.RequireConductor(caller, meeting);
            var session = await SessionSql.ForChangeAsync(db, meeting, null, cancellationToken);
            var model = await SessionSql.LoadAsync(db, meeting, profiles, cancellationToken);
            if (model.Items.All(i => i.Id != command.ItemId)) throw new NotFoundException("Tagesordnungspunkt", command.ItemId);
            var election = await ElectionSql.ReadAsync(db, command.ItemId, cancellationToken)
                ?? throw new NotFoundException("Wahl", command.ItemId);
            if (election.Status != "open")
                throw new ConflictException("election_closed", "Diese Wahl ist abgeschlossen; ein weiterer Wahlgang ist nicht möglich.");
            if (command.ExpectedRound is { } expected && expected != election.Rounds.Count + 1)
                throw new ConflictException("round_already_recorded", $"Der {expected}. Wahlgang ist bereits gespeichert; bitte laden Sie die Seite neu.");
            if (model.Attendance.Count == 0)
                throw new MeetingRuleException("attendance_missing", "Bitte erfassen Sie zuerst die Anwesenheit; sie bestimmt die Zahl der anwesenden Stimmberechtigten.");
            var candidates = election.Candidates.Select(c => c.PersonId).ToHashSet();
            if (command.Votes!.FirstOrDefault(v => !candidates.Contains(v.PersonId!.Value)) is { } stranger)
                throw new MeetingRuleException("not_a_candidate", $"Person {stranger.PersonId} steht bei dieser Wahl nicht zur Wahl.");
            var entitled = model.AtItem(command.ItemId).EntitledPresent;
            var finalists = ElectionSql.NextRunOff(election.Rounds);
            var votes = command.Votes!.ToDictionary(v => v.PersonId!.Value, v => v.Votes!.Value);
            var check = ElectionEvaluator.Evaluate(model.Profile, meeting.Date,
                new ElectionBallot(entitled, command.ValidBallots!.Value, command.InvalidBallots!.Value, votes, finalists));
            if (!check.Valid) throw new Papers.TallyRejectedException(check.Errors);
            var outcome = check.Outcome!;
            long? elected = outcome.Elected;
            var byLot = false;
            if (outcome.Outcome == ElectionEvaluator.Lot && finalists is not null)
            {
                if (command.LotWinnerPersonId is not { } winner || !outcome.Candidates.Contains(winner))
                    throw new MeetingRuleException("lot_winner_missing",
                        $"{outcome.Message} Bitte ziehen Sie das Los und geben Sie an, wer gezogen wurde (lotWinnerPersonId: einer von {string.Join(", ", outcome.Candidates)}).");
                (elected, byLot) = (winner, true);
            }
            var round = election.Rounds.Count + 1;
            var now = Instants.Format(clock.GetUtcNow());
            var args = new { ElectionId = election.Id, Round = round, EntitledPresent = entitled, command.ValidBallots, command.InvalidBallots, outcome.Outcome,
                Elected = elected, ByLot = byLot, outcome.Citation, Now = now, Actor = caller.AuditName };
            await db.Connection.ExecuteAsync(new CommandDefinition(InsertRoundSql, args, db.Transaction, cancellationToken: cancellationToken));
            foreach (var (person, count) in votes)
                await db.Connection.ExecuteAsync(new CommandDefinition(InsertVotesSql, new { ElectionId = election.Id, Round = round, PersonId = person, Votes = count },
                    db.Transaction, cancellationToken: cancellationToken));
            var status = elected is not null ? "elected" : outcome.Outcome == ElectionEvaluator.NotElected ? "failed" : "open";
            await db.Connection.ExecuteAsync(new CommandDefinition(UpdateElectionSql, new { Status = status, Elected = elected, ElectionId = election.Id, election.Version },
                db.Transaction, cancellationToken: cancellationToken));
            await SessionSql.BumpAsync(db, session, cancellationToken);
            await MeetingSql.LogAsync(db, meeting.Id, "election_round_recorded", $"{election.Office}, {round}. Wahlgang: {outcome.Message}", caller, clock, cancellationToken);
            return (await ElectionSql.ReadAsync(db, command.ItemId, cancellationToken))!;
        }
    }
}

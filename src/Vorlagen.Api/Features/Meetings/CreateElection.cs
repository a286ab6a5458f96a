using Dapper;
using FluentValidation;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.Meetings;

/// <summary>Makes an agenda item (not the consultation of a paper) an election: the office to fill and the candidates.</summary>
public static class CreateElection
{
    public sealed record Command(long MeetingId, long ItemId, string? Office, IReadOnlyList<long>? CandidatePersonIds) : ICommand<ElectionSql.ElectionDto>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Office).NotEmpty().WithMessage("Bitte geben Sie an, wer oder was gewählt wird (office).").MaximumLength(300)
                .WithMessage("Die Bezeichnung darf höchstens 300 Zeichen lang sein.").SingleLineText("Die Bezeichnung");
            RuleFor(c => c.CandidatePersonIds).NotEmpty().WithMessage("Bitte nennen Sie mindestens einen Bewerber (candidatePersonIds).")
                .Must(c => c is null || (c.Count <= 50 && c.Distinct().Count() == c.Count)).WithMessage("Jeder Bewerber nur einmal, höchstens 50.");
        }
    }

    public const string PersonsOfBodySql = "SELECT id FROM persons WHERE body_id = @BodyId";
    public const string InsertSql =
        "INSERT INTO elections (agenda_item_id, office, status, version, created_at, created_by) VALUES (@ItemId, @Office, 'open', 1, @Now, @Actor) {{ReturnId}}";
    public const string InsertCandidateSql =
        "INSERT INTO election_candidates (election_id, person_id, sort_order, created_at, created_by) VALUES (@ElectionId, @PersonId, @SortOrder, @Now, @Actor)";

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, ElectionSql.ElectionDto>
    {
        public async Task<ElectionSql.ElectionDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var meeting = await MeetingSql.VisibleAsync(db, command.MeetingId, caller, cancellationToken);
            SessionSql.RequireConductor(caller, meeting);
            var items = await db.Connection.QueryAsync<MeetingSql.ItemRow>(new CommandDefinition(MeetingSql.ItemsOfMeetingSql, new { Id = meeting.Id }, db.Transaction,
                cancellationToken: cancellationToken));
            var item = items.FirstOrDefault(i => i.Id == command.ItemId);
            if (item is null) throw new NotFoundException("Tagesordnungspunkt", command.ItemId);
            if (item.ConsultationId is not null)
                throw new MeetingRuleException("item_is_consultation", "Dieser Punkt ist die Beratung einer Vorlage; ihr Ergebnis wird als Beschluss erfasst, nicht als Wahl.");
            if (await ElectionSql.ReadAsync(db, item.Id, cancellationToken) is not null)
                throw new ConflictException("election_exists", "Für diesen Tagesordnungspunkt ist die Wahl bereits angelegt.");
            var persons = (await db.Connection.QueryAsync<long>(new CommandDefinition(PersonsOfBodySql, new { meeting.BodyId }, db.Transaction, cancellationToken: cancellationToken))).ToHashSet();
            if (command.CandidatePersonIds!.FirstOrDefault(p => !persons.Contains(p)) is var unknown and > 0)
                throw new MeetingRuleException("unknown_candidate", $"Person {unknown} ist in dieser Körperschaft nicht erfasst; bitte legen Sie sie zuerst unter Personen an.");
            var now = Instants.Format(clock.GetUtcNow());
            var electionId = await db.Connection.ExecuteScalarAsync<long>(new CommandDefinition(db.Dialect.Render(InsertSql),
                new { command.ItemId, Office = TextRules.Clean(command.Office), Now = now, Actor = caller.AuditName }, db.Transaction, cancellationToken: cancellationToken));
            var order = 0;
            foreach (var person in command.CandidatePersonIds!)
                await db.Connection.ExecuteAsync(new CommandDefinition(InsertCandidateSql, new { ElectionId = electionId, PersonId = person, SortOrder = ++order, Now = now,
                    Actor = caller.AuditName }, db.Transaction, cancellationToken: cancellationToken));
            await MeetingSql.LogAsync(db, meeting.Id, "election_created", $"Wahl angelegt: {command.Office} ({command.CandidatePersonIds!.Count} Bewerber)", caller, clock, cancellationToken);
            return (await ElectionSql.ReadAsync(db, item.Id, cancellationToken))!;
        }
    }
}

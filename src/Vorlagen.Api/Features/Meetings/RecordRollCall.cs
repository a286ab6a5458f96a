using Dapper;
using FluentValidation;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;
using Vorlagen.Domain.Meetings;

namespace Vorlagen.Api.Features.Meetings;

/// <summary>
/// Namentliche Abstimmung at one item: the vote of each member present and entitled there (replacing an earlier roll call).
/// The tally is counted from it; a result recorded for the item must agree with that count.
/// </summary>
public static class RecordRollCall
{
    public sealed record Vote(long? PersonId, string? Choice);

    public sealed record Command(long MeetingId, long ItemId, IReadOnlyList<Vote>? Votes) : ICommand<RollCallDto>;

    public sealed record RollCallDto(long AgendaItemId, int EntitledPresent, int Yes, int No, int Abstain, IReadOnlyList<Vote> Votes);

    public static readonly string[] Choices = ["yes", "no", "abstain"];

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Votes).NotEmpty().WithMessage("Bitte geben Sie die Stimmen an (votes).")
                .Must(v => v is null || v.Select(x => x.PersonId).Distinct().Count() == v.Count).WithMessage("Jedes Mitglied stimmt nur einmal ab.");
            RuleForEach(c => c.Votes).ChildRules(v =>
            {
                v.RuleFor(x => x.PersonId).NotNull().WithMessage("Bitte geben Sie das Mitglied an (personId).");
                v.RuleFor(x => x.Choice).Must(c => c is not null && Choices.Contains(c)).WithMessage("Die Stimme ist „yes“, „no“ oder „abstain“.");
            });
        }
    }

    public const string DeleteSql = "DELETE FROM agenda_item_roll_calls WHERE agenda_item_id = @ItemId";
    public const string InsertSql =
        "INSERT INTO agenda_item_roll_calls (agenda_item_id, person_id, vote, recorded_at, recorded_by) VALUES (@ItemId, @PersonId, @Choice, @Now, @Actor)";

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, RuleProfiles profiles) : IRequestHandler<Command, RollCallDto>
    {
        public async Task<RollCallDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var meeting = await MeetingSql.VisibleAsync(db, command.MeetingId, caller, cancellationToken);
            SessionSql.RequireConductor(caller, meeting);
            var session = await SessionSql.ForChangeAsync(db, meeting, null, cancellationToken);
            var model = await SessionSql.LoadAsync(db, meeting, profiles, cancellationToken);
            var item = model.Items.FirstOrDefault(i => i.Id == command.ItemId) ?? throw new NotFoundException("Tagesordnungspunkt", command.ItemId);
            var position = model.Position(item.Id);
            var attendees = model.Attendees();
            var recused = model.Recusals.Where(r => r.AgendaItemId == item.Id).Select(r => r.PersonId).ToHashSet();
            var entitled = attendees.Where(a => SessionAttendance.VotesAt(a, position, attendees) && !recused.Contains(a.PersonId)).Select(a => a.PersonId).ToHashSet();
            if (command.Votes!.FirstOrDefault(v => !entitled.Contains(v.PersonId!.Value)) is { } stranger)
                throw new MeetingRuleException("not_entitled_at_item",
                    $"Person {stranger.PersonId} ist bei „{item.Title}“ nicht anwesend und stimmberechtigt (Anwesenheit, Befangenheit); ihre Stimme zählt nicht.");
            var now = Instants.Format(clock.GetUtcNow());
            await db.Connection.ExecuteAsync(new CommandDefinition(DeleteSql, new { command.ItemId }, db.Transaction, cancellationToken: cancellationToken));
            foreach (var v in command.Votes!)
                await db.Connection.ExecuteAsync(new CommandDefinition(InsertSql, new { command.ItemId, v.PersonId, v.Choice, Now = now, Actor = caller.AuditName },
                    db.Transaction, cancellationToken: cancellationToken));
            await SessionSql.BumpAsync(db, session, cancellationToken);
            int Count(string choice) => command.Votes!.Count(v => v.Choice == choice);
            await MeetingSql.LogAsync(db, meeting.Id, "roll_call_recorded",
                $"Namentliche Abstimmung zu „{item.Title}“: Ja {Count("yes")}, Nein {Count("no")}, Enthaltungen {Count("abstain")}", caller, clock, cancellationToken);
            return new RollCallDto(item.Id, entitled.Count, Count("yes"), Count("no"), Count("abstain"), command.Votes!);
        }
    }
}

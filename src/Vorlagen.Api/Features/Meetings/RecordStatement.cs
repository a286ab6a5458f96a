using Dapper;
using FluentValidation;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.Meetings;

/// <summary>A member demands that their vote or statement be recorded in the Niederschrift (§ 36 Abs. 1 Satz 3 SächsLKrO; § 42 ThürKO).</summary>
public static class RecordStatement
{
    public sealed record Command(long MeetingId, long ItemId, long? PersonId, string? Kind, string? Text) : ICommand<StatementDto>;

    public sealed record StatementDto(long Id, long AgendaItemId, long PersonId, string Kind, string Text, DateTimeOffset RecordedAt, string RecordedBy);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.PersonId).NotNull().WithMessage("Bitte geben Sie das Mitglied an (personId).");
            RuleFor(c => c.Kind).Must(k => k is "vote" or "statement").WithMessage("Aufgenommen wird die Stimmabgabe („vote“) oder eine Erklärung („statement“).");
            RuleFor(c => c.Text).NotEmpty().WithMessage("Bitte geben Sie den Wortlaut an.").MaximumLength(5000)
                .WithMessage("Der Wortlaut darf höchstens 5000 Zeichen lang sein.").MultiLineText("Der Wortlaut");
        }
    }

    public const string InsertSql =
        "INSERT INTO agenda_item_statements (agenda_item_id, person_id, kind, text, recorded_at, recorded_by) VALUES (@ItemId, @PersonId, @Kind, @Text, @Now, @Actor) {{ReturnId}}";

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, RuleProfiles profiles) : IRequestHandler<Command, StatementDto>
    {
        public async Task<StatementDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var meeting = await MeetingSql.VisibleAsync(db, command.MeetingId, caller, cancellationToken);
            SessionSql.RequireConductor(caller, meeting);
            var session = await SessionSql.ForChangeAsync(db, meeting, null, cancellationToken);
            var model = await SessionSql.LoadAsync(db, meeting, profiles, cancellationToken);
            var item = model.Items.FirstOrDefault(i => i.Id == command.ItemId) ?? throw new NotFoundException("Tagesordnungspunkt", command.ItemId);
            var member = model.Members.FirstOrDefault(m => m.PersonId == command.PersonId)
                ?? throw new MeetingRuleException("not_a_member", $"Person {command.PersonId} ist am {meeting.Date:dd.MM.yyyy} kein Mitglied des Gremiums „{meeting.OrganizationName}“.");
            var now = clock.GetUtcNow();
            var text = TextRules.Clean(command.Text)!;
            var args = new { command.ItemId, command.PersonId, command.Kind, Text = text, Now = Instants.Format(now), Actor = caller.AuditName };
            var id = await db.Connection.ExecuteScalarAsync<long>(new CommandDefinition(db.Dialect.Render(InsertSql), args, db.Transaction, cancellationToken: cancellationToken));
            await SessionSql.BumpAsync(db, session, cancellationToken);
            await MeetingSql.LogAsync(db, meeting.Id, "statement_recorded",
                $"{(command.Kind == "vote" ? "Stimmabgabe" : "Erklärung")} von {member.Name} zu „{item.Title}“ aufgenommen", caller, clock, cancellationToken);
            return new StatementDto(id, command.ItemId, member.PersonId, command.Kind!, text, now, caller.AuditName);
        }
    }
}

using Dapper;
using FluentValidation;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.Meetings;

/// <summary>
/// Orders the agenda: every item once, in the new order; <c>sub</c> makes an item a sub-item (Ö 2.1) of the top item before it
/// in its part. The parts stay as the items' public flags say; numbers are derived, so they are renumbered at once.
/// </summary>
public static class ReorderAgenda
{
    public sealed record Item(long Id, bool Sub);

    public sealed record Command(long MeetingId, IReadOnlyList<Item>? Items) : ICommand<MeetingDto>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Items).NotNull().WithMessage("Bitte geben Sie die Punkte der Tagesordnung in der neuen Reihenfolge an (items).")
                .Must(items => items is null || items.Select(i => i.Id).Distinct().Count() == items.Count).WithMessage("Jeder Punkt darf nur einmal vorkommen.");
        }
    }

    public const string ItemIdsSql = "SELECT id AS Id, is_public AS IsPublic FROM agenda_items WHERE meeting_id = @MeetingId";
    public const string UpdateSql = "UPDATE agenda_items SET sort_order = @SortOrder, is_sub = @Sub WHERE id = @Id AND meeting_id = @MeetingId";

    public sealed record ItemRow(long Id, bool IsPublic);

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, MeetingRules rules) : IRequestHandler<Command, MeetingDto>
    {
        public async Task<MeetingDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var meeting = await MeetingSql.ForChangeAsync(db, command.MeetingId, caller, cancellationToken);
            AddAgendaItem.RequireOpenAgenda(meeting);
            var existing = (await db.Connection.QueryAsync<ItemRow>(new CommandDefinition(ItemIdsSql, command, db.Transaction, cancellationToken: cancellationToken)))
                .ToDictionary(i => i.Id, i => i.IsPublic);
            var items = command.Items!;
            if (items.Count != existing.Count || items.Any(i => !existing.ContainsKey(i.Id)))
                throw new MeetingRuleException("agenda_items_mismatch", $"Die neue Reihenfolge muss genau die {existing.Count} Punkte dieser Tagesordnung enthalten.");
            foreach (var part in new[] { true, false })
            {
                var inPart = items.Where(i => existing[i.Id] == part).ToList();
                if (inPart.Count > 0 && inPart[0].Sub)
                    throw new MeetingRuleException("sub_item_without_parent",
                        $"Der erste Punkt des {(part ? "öffentlichen" : "nichtöffentlichen")} Teils kann kein Unterpunkt sein.");
                for (var i = 0; i < inPart.Count; i++)
                    await db.Connection.ExecuteAsync(new CommandDefinition(UpdateSql, new { SortOrder = i + 1, inPart[i].Sub, inPart[i].Id, command.MeetingId },
                        db.Transaction, cancellationToken: cancellationToken));
            }
            await MeetingSql.LogAsync(db, command.MeetingId, "agenda_reordered", "Tagesordnung neu geordnet", caller, clock, cancellationToken);
            return await MeetingSql.ReadAsync(db, command.MeetingId, caller, rules, cancellationToken);
        }
    }
}

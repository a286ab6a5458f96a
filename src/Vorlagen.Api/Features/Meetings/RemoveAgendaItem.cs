using Dapper;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.Meetings;

/// <summary>Takes a TOP off the agenda (abgesetzt); a consultation loses its planned date and can be put on another agenda.</summary>
public static class RemoveAgendaItem
{
    public sealed record Command(long MeetingId, long ItemId) : ICommand<MeetingDto>;

    public const string ItemSql =
        "SELECT title AS Title, consultation_id AS ConsultationId, is_public AS IsPublic FROM agenda_items WHERE id = @ItemId AND meeting_id = @MeetingId";
    public const string DeleteSql = "DELETE FROM agenda_items WHERE id = @ItemId AND meeting_id = @MeetingId";
    public const string UnplanSql = "UPDATE consultations SET planned_date = NULL, updated_at = @Now WHERE id = @ConsultationId AND status = 'pending'";

    public sealed record ItemRow(string Title, long? ConsultationId, bool IsPublic);

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, MeetingRules rules, PublicTombstones tombstones)
        : IRequestHandler<Command, MeetingDto>
    {
        public async Task<MeetingDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var meeting = await MeetingSql.ForChangeAsync(db, command.MeetingId, caller, cancellationToken);
            AddAgendaItem.RequireOpenAgenda(meeting);
            var item = await db.Connection.QuerySingleOrDefaultAsync<ItemRow>(new CommandDefinition(ItemSql, command, db.Transaction, cancellationToken: cancellationToken))
                ?? throw new NotFoundException("Tagesordnungspunkt", command.ItemId);
            // A public item of a published public meeting leaves public view (OParl deletion).
            if (item.IsPublic && meeting.IsPublic && meeting.PublishedAt is not null)
                await tombstones.RecordAsync(PublicTombstones.AgendaItem, command.ItemId, Instants.Format(clock.GetUtcNow()), cancellationToken);
            await db.Connection.ExecuteAsync(new CommandDefinition(DeleteSql, command, db.Transaction, cancellationToken: cancellationToken));
            if (item.ConsultationId is { } consultation)
                await db.Connection.ExecuteAsync(new CommandDefinition(UnplanSql, new { ConsultationId = consultation, Now = Instants.Format(clock.GetUtcNow()) }, db.Transaction, cancellationToken: cancellationToken));
            await MeetingSql.LogAsync(db, command.MeetingId, "agenda_item_removed", $"TOP abgesetzt: {item.Title}", caller, clock, cancellationToken);
            return await MeetingSql.ReadAsync(db, command.MeetingId, caller, rules, cancellationToken);
        }
    }
}

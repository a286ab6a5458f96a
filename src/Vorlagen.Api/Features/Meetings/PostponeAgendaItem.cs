using Dapper;
using FluentValidation;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.Meetings;

/// <summary>Vertagt the consultation of a paper to another session of the same Gremium: the item moves there, the planned date follows.</summary>
public static class PostponeAgendaItem
{
    public sealed record Command(long MeetingId, long ItemId, long TargetMeetingId) : ICommand<MeetingDto>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.TargetMeetingId).GreaterThan(0).WithMessage("Bitte wählen Sie die Sitzung, in die vertagt wird (targetMeetingId).")
                .NotEqual(c => c.MeetingId).WithMessage("Vertagen geht nur in eine andere Sitzung.");
        }
    }

    public const string ItemSql =
        "SELECT a.title AS Title, a.consultation_id AS ConsultationId, a.is_public AS IsPublic, p.reference AS Reference " +
        "FROM agenda_items a LEFT JOIN papers p ON p.id = a.paper_id WHERE a.id = @ItemId AND a.meeting_id = @MeetingId";
    public const string MoveSql = "UPDATE agenda_items SET meeting_id = @TargetMeetingId, sort_order = @SortOrder, is_sub = 0, is_public = @Public, supplement = @Supplement WHERE id = @ItemId";

    public sealed record ItemRow(string Title, long? ConsultationId, bool IsPublic, string? Reference);

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, MeetingRules rules, PublicTombstones tombstones)
        : IRequestHandler<Command, MeetingDto>
    {
        public async Task<MeetingDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var meeting = await MeetingSql.ForChangeAsync(db, command.MeetingId, caller, cancellationToken);
            AddAgendaItem.RequireOpenAgenda(meeting);
            var item = await db.Connection.QuerySingleOrDefaultAsync<ItemRow>(new CommandDefinition(ItemSql, command, db.Transaction, cancellationToken: cancellationToken))
                ?? throw new NotFoundException("Tagesordnungspunkt", command.ItemId);
            if (item.ConsultationId is not { } consultation)
                throw new MeetingRuleException("not_a_consultation", "Nur die Beratung einer Vorlage wird vertagt; einen anderen Punkt setzen Sie ab und nehmen ihn neu auf.");
            var target = await MeetingSql.ForChangeAsync(db, command.TargetMeetingId, caller, cancellationToken);
            AddAgendaItem.RequireOpenAgenda(target);
            if (target.OrganizationId != meeting.OrganizationId)
                throw new MeetingRuleException("wrong_gremium", $"Vertagt wird in eine Sitzung desselben Gremiums ({meeting.OrganizationName}).");
            var isPublic = item.IsPublic && target.IsPublic;
            // Moved out of public view (into an unpublished or non-public session): an OParl deletion until that one is published.
            if (item.IsPublic && meeting.IsPublic && meeting.PublishedAt is not null && !(isPublic && target.PublishedAt is not null))
                await tombstones.RecordAsync(PublicTombstones.AgendaItem, command.ItemId, Instants.Format(clock.GetUtcNow()), cancellationToken);
            var sort = await db.Connection.ExecuteScalarAsync<int>(new CommandDefinition(AddAgendaItem.NextSortSql, new { MeetingId = target.Id, Public = isPublic },
                db.Transaction, cancellationToken: cancellationToken));
            await db.Connection.ExecuteAsync(new CommandDefinition(MoveSql, new { command.TargetMeetingId, SortOrder = sort, Public = isPublic,
                Supplement = target.Status == MeetingStatuses.Invited, command.ItemId }, db.Transaction, cancellationToken: cancellationToken));
            await db.Connection.ExecuteAsync(new CommandDefinition(AddAgendaItem.PlanConsultationSql, new { Date = target.MeetingDate, ConsultationId = consultation, Now = Instants.Format(clock.GetUtcNow()) },
                db.Transaction, cancellationToken: cancellationToken));
            var date = target.Date.ToString("dd.MM.yyyy");
            await MeetingSql.LogAsync(db, meeting.Id, "agenda_item_postponed", $"Vorlage {item.Reference} vertagt auf die Sitzung am {date}", caller, clock, cancellationToken);
            await MeetingSql.LogAsync(db, target.Id, "agenda_item_received", $"Vorlage {item.Reference} aus der Sitzung am {meeting.Date:dd.MM.yyyy} vertagt", caller, clock, cancellationToken);
            return await MeetingSql.ReadAsync(db, meeting.Id, caller, rules, cancellationToken);
        }
    }
}

using Dapper;
using FluentValidation;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.Meetings;

/// <summary>
/// Puts a TOP on the agenda: the consultation of a released paper whose next due consultation is in this Gremium (its public flag
/// comes from the consultation, and its planned date becomes the session date), or an item of the body's agenda template.
/// After the invitation the item is part of a Nachtrag.
/// </summary>
public static class AddAgendaItem
{
    public sealed record Command(long MeetingId, long? ConsultationId, string? TemplateKey) : ICommand<MeetingDto>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c).Must(c => (c.ConsultationId is not null) != (c.TemplateKey is not null)).OverridePropertyName("consultationId")
                .WithMessage("Geben Sie entweder die Beratung einer Vorlage (consultationId) oder einen Vorlagen-Punkt der Tagesordnung (templateKey) an.");
            RuleFor(c => c.ConsultationId).GreaterThan(0).When(c => c.ConsultationId is not null).WithMessage("Die Beratung (consultationId) ist ungültig.");
        }
    }

    public const string ConsultationSql =
        "SELECT c.id AS Id, c.paper_id AS PaperId, c.position AS Position, c.organization_id AS OrganizationId, c.is_public AS IsPublic, c.status AS Status, " +
        "p.body_id AS BodyId, p.reference AS Reference, p.title AS Title, p.status AS PaperStatus, p.released_on AS ReleasedOn, " +
        "(SELECT MIN(n.position) FROM consultations n WHERE n.paper_id = c.paper_id AND n.status = 'pending') AS NextPosition, " +
        "(SELECT MIN(a.meeting_id) FROM agenda_items a WHERE a.consultation_id = c.id) AS OnMeetingId " +
        "FROM consultations c JOIN papers p ON p.id = c.paper_id WHERE c.id = @ConsultationId";
    public const string NextSortSql = "SELECT COALESCE(MAX(sort_order), 0) + 1 FROM agenda_items WHERE meeting_id = @MeetingId AND is_public = @Public";
    public const string InsertSql =
        "INSERT INTO agenda_items (meeting_id, is_public, sort_order, is_sub, title, consultation_id, paper_id, template_key, supplement, created_at, created_by) " +
        "VALUES (@MeetingId, @Public, @SortOrder, 0, @Title, @ConsultationId, @PaperId, @TemplateKey, @Supplement, @Now, @Actor)";
    public const string PlanConsultationSql = "UPDATE consultations SET planned_date = @Date, updated_at = @Now WHERE id = @ConsultationId AND status = 'pending'";

    public sealed record ConsultationRow
    {
        public long Id { get; init; }
        public long PaperId { get; init; }
        public int Position { get; init; }
        public long OrganizationId { get; init; }
        public bool IsPublic { get; init; }
        public string Status { get; init; } = "";
        public long BodyId { get; init; }
        public string? Reference { get; init; }
        public string Title { get; init; } = "";
        public string PaperStatus { get; init; } = "";
        public string? ReleasedOn { get; init; }
        public int? NextPosition { get; init; }
        public long? OnMeetingId { get; init; }
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, MeetingRules rules) : IRequestHandler<Command, MeetingDto>
    {
        public async Task<MeetingDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var meeting = await MeetingSql.ForChangeAsync(db, command.MeetingId, caller, cancellationToken);
            RequireOpenAgenda(meeting);
            string title, summary;
            bool isPublic;
            long? paperId = null;
            if (command.TemplateKey is { } key)
            {
                var template = rules.Template.FirstOrDefault(t => t.Key == key)
                    ?? throw new BadRequestException("unknown_template_item", $"Die Tagesordnung kennt keinen Vorlagen-Punkt „{key}“ (bekannt: {string.Join(", ", rules.Template.Select(t => t.Key))}).");
                (title, isPublic, summary) = (template.Title, template.Public && meeting.IsPublic, $"TOP aufgenommen: {template.Title}");
            }
            else
            {
                var c = await db.Connection.QuerySingleOrDefaultAsync<ConsultationRow>(new CommandDefinition(ConsultationSql, command, db.Transaction, cancellationToken: cancellationToken));
                if (c is null || c.BodyId != meeting.BodyId) throw new NotFoundException("Beratung", command.ConsultationId!);
                if (c.ReleasedOn is null || c.PaperStatus is "draft" or "submitted" or "withdrawn")
                    throw new MeetingRuleException("paper_not_released", $"Die Vorlage {c.Reference} ist nicht freigegeben; nur freigegebene Vorlagen kommen auf die Tagesordnung.");
                if (c.OnMeetingId is { } other)
                    throw new ConflictException("already_on_agenda", $"Die Beratung der Vorlage {c.Reference} steht bereits auf der Tagesordnung der Sitzung {other}; vertagen Sie sie dort.");
                if (c.Status != "pending" || c.NextPosition != c.Position)
                    throw new MeetingRuleException("consultation_not_due", $"Die Beratung der Vorlage {c.Reference} ist nicht die nächste fällige ihrer Beratungsfolge.");
                if (c.OrganizationId != meeting.OrganizationId)
                    throw new MeetingRuleException("wrong_gremium", $"Die Vorlage {c.Reference} wird als Nächstes nicht in „{meeting.OrganizationName}“ beraten.");
                (title, isPublic, paperId) = (c.Title, c.IsPublic && meeting.IsPublic, c.PaperId);
                summary = $"Vorlage {c.Reference} auf die Tagesordnung gesetzt";
                await db.Connection.ExecuteAsync(new CommandDefinition(PlanConsultationSql, new { Date = meeting.MeetingDate, command.ConsultationId, Now = Instants.Format(clock.GetUtcNow()) }, db.Transaction,
                    cancellationToken: cancellationToken));
            }
            var sort = await db.Connection.ExecuteScalarAsync<int>(new CommandDefinition(NextSortSql, new { command.MeetingId, Public = isPublic }, db.Transaction,
                cancellationToken: cancellationToken));
            var supplement = meeting.Status == MeetingStatuses.Invited;
            await db.Connection.ExecuteAsync(new CommandDefinition(InsertSql, new
            {
                command.MeetingId, Public = isPublic, SortOrder = sort, Title = title, command.ConsultationId, PaperId = paperId, command.TemplateKey,
                Supplement = supplement, Now = Instants.Format(clock.GetUtcNow()), Actor = caller.AuditName,
            }, db.Transaction, cancellationToken: cancellationToken));
            await MeetingSql.LogAsync(db, command.MeetingId, "agenda_item_added", supplement ? summary + " (Nachtrag)" : summary, caller, clock, cancellationToken);
            return await MeetingSql.ReadAsync(db, command.MeetingId, caller, rules, cancellationToken);
        }
    }

    public static void RequireOpenAgenda(MeetingSql.MeetingRow meeting)
    {
        if (!MeetingStatuses.AgendaOpen(meeting.Status))
            throw new ConflictException("agenda_closed", $"Die Sitzung ist {MeetingStatuses.Label(meeting.Status)}; ihre Tagesordnung kann nicht mehr geändert werden.");
    }
}

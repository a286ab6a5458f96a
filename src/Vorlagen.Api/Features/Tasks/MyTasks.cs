using Dapper;
using FluentValidation;
using MediatR;
using Vorlagen.Api.Features.Bodies;
using Vorlagen.Api.Features.Meetings;
using Vorlagen.Api.Features.Papers;
using Vorlagen.Api.Features.People;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;
using Vorlagen.Api.Infrastructure.PaperTypes;
using Vorlagen.Domain.Rules;

namespace Vorlagen.Api.Features.Tasks;

/// <summary>
/// What waits for the signed-in user: drafts to submit, Vorlagen to release, results to record and
/// decisions to sign. The open papers are read in three queries (papers, consultations, bookmarks) and paged here; a paper is a task
/// exactly when its <see cref="PaperDto.AvailableActions"/> offer the step, so the workflow
/// definition stays the only place that says who does what.
/// </summary>
public static class MyTasks
{
    /// <summary>One page of the caller's tasks, most urgent first.</summary>
    public sealed record Query(int Page = 1, int PageSize = PagedList<TaskItem>.MaxPageSize) : IRequest<TaskList>;

    /// <param name="Memberships">the caller's current memberships (Gremien and Fraktion), from the linked person; empty without one.</param>
    public sealed record TaskList(IReadOnlyList<TaskItem> Items, IReadOnlyList<MembershipDto> Memberships, int Page = 1, int PageSize = PagedList<TaskItem>.MaxPageSize, int Total = 0);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => this.ValidPaging(q => q.Page, q => q.PageSize);
    }

    /// <param name="Kind">draft, release, result, sign, action, or agenda (an Antrag to put on <paramref name="MeetingId"/>'s agenda).</param>
    /// <param name="Due">the date that matters: the next session, or a statutory deadline (then <paramref name="DueCitation"/> is set):
    /// the last day for a Widerspruch, or after one the last day for the new session.</param>
    public sealed record TaskItem(string Kind, string Label, long PaperId, string Reference, string Title, string Status, string StatusLabel,
        IReadOnlyList<string> Actions, long? ConsultationId, string? OrganizationName, DateOnly? Due, string? DueLabel, string? DueCitation,
        string? Note = null, long? MeetingId = null);

    public const string Draft = TaskGroups.Draft;
    public const string Result = TaskGroups.Result;
    /// <summary>An Antrag not on the agenda in time (<see cref="AgendaDeadlines"/>): the office's task, next to the paper's own step.</summary>
    public const string Agenda = "agenda";

    // The open papers of the caller's body that the caller may see; "+p.body_id" keeps the planner on the status index
    // (a handful of open papers) instead of the body's whole archive.
    private const string BaseOpenStatuses = "'draft', 'submitted', 'in_deliberation', 'adopted', 'objected_again'";
    private const string OpenWhere = " WHERE p.status IN (" + BaseOpenStatuses + ") " +
        "AND (@BodyId IS NULL OR +p.body_id = @BodyId) AND " + PaperSql.VisibleFilter;
    // Without the long texts (a task shows none of them): PaperRow keeps them empty.
    public const string OpenPapersSql =
        "SELECT p.id AS Id, p.body_id AS BodyId, p.reference AS Reference, p.paper_type AS PaperType, p.title AS Title, p.paper_date AS PaperDate, " +
        "p.originator AS Originator, p.is_public AS IsPublic, p.status AS Status, p.signed_date AS SignedDate, p.released_on AS ReleasedOn, " +
        "p.workflow_instance_id AS WorkflowInstanceId, p.version AS Version, p.created_at AS CreatedAt, p.created_by AS CreatedBy, " +
        "p.updated_at AS UpdatedAt, p.updated_by AS UpdatedBy, p.fields AS Fields, p.related_paper_id AS RelatedPaperId, p.relation AS Relation " +
        "FROM papers p" + OpenWhere;
    public const string OpenConsultationsSql = PaperSql.SelectConsultationsSql + " WHERE c.paper_id IN (SELECT p.id FROM papers p" + OpenWhere + ")";

    public sealed class Handler(IMediator mediator, Caller caller, RuleProfiles profiles, PaperReader reader, PeopleReader people, TimeProvider clock,
        PaperTypeCatalog types, AgendaDeadlines agendaDeadlines) : IRequestHandler<Query, TaskList>
    {
        private readonly Dictionary<long, BodyDto> _bodies = [];

        public async Task<TaskList> Handle(Query query, CancellationToken cancellationToken)
        {
            if (caller.UserId is not { } userId) return new TaskList([], [], query.Page, query.PageSize, 0);
            var args = new DynamicParameters(PaperAccess.FilterArgs(caller));
            args.Add("BodyId", caller.BodyId);
            var items = new List<TaskItem>();
            // The Beschlussvorlage's open statuses are in the SQL; other types add theirs (codes from the checked descriptors).
            var extra = types.All.SelectMany(t => t.Statuses.Where(s => s.Value.Open).Select(s => s.Key))
                .Where(s => !BaseOpenStatuses.Contains($"'{s}'", StringComparison.Ordinal)).Distinct().Select(s => $"'{s}'").ToList();
            string Open(string sql) => extra.Count == 0 ? sql : sql.Replace(BaseOpenStatuses, BaseOpenStatuses + ", " + string.Join(", ", extra), StringComparison.Ordinal);
            foreach (var paper in await reader.ReadManyAsync(Open(OpenPapersSql), Open(OpenConsultationsSql), args, cancellationToken))
                if (await TaskForAsync(paper, cancellationToken) is { } task) items.Add(task);
            if (caller.BodyId is { } body && MeetingAccess.IsOffice(caller, body))
                items.AddRange((await agendaDeadlines.ForBodyAsync(body, cancellationToken)).Where(d => d.Flagged).Select(AgendaTask));
            var sorted = items.OrderBy(t => t.Due ?? DateOnly.MaxValue).ThenBy(t => t.Reference, StringComparer.Ordinal).ThenBy(t => t.PaperId);
            return new TaskList([.. sorted.Skip(PagingRules.Offset(query.Page, query.PageSize)).Take(query.PageSize)],
                await people.CurrentMembershipsAsync(userId, BerlinTime.Today(clock), cancellationToken), query.Page, query.PageSize, items.Count);
        }

        private async Task<TaskItem?> TaskForAsync(PaperDto paper, CancellationToken cancellationToken)
        {
            var actions = paper.AvailableActions;
            var next = paper.Consultations.FirstOrDefault(c => c.Status == ConsultationStatuses.Pending);
            if (actions.Contains(PaperWorkflow.RecordResultAction) && next is not null)
            {
                var rehearing = DecisionDeadlines.Rehearing(paper, next, await ProfileAsync(paper, cancellationToken));
                return rehearing is null
                    ? Item(Result, $"Ergebnis erfassen: {next.OrganizationName}", paper, next.Id, next.OrganizationName, next.PlannedDate, "Sitzung am", null)
                    : Item(Result, $"Erneut beschließen nach Widerspruch: {next.OrganizationName}", paper, next.Id, next.OrganizationName, rehearing.Due,
                        $"Neue Sitzung spätestens ({rehearing.Period.GermanText})", rehearing.Citation);
            }
            return await StatusTaskAsync(paper, next, cancellationToken);
        }

        /// <summary>
        /// The task the paper's type names for its status (descriptor: task, taskActions, taskGroup, taskDue) when the caller may take one
        /// of its actions; for a type without Beratungsfolge also an overdue or soon due deadline, for everyone who may act on the paper.
        /// </summary>
        private async Task<TaskItem?> StatusTaskAsync(PaperDto paper, ConsultationDto? next, CancellationToken cancellationToken)
        {
            var type = types.Get(paper.PaperType);
            var status = type.Statuses.GetValueOrDefault(paper.Status);
            var actions = paper.AvailableActions.Where(a => a != PaperWorkflow.RecordResultAction).ToList();
            if (status is null || actions.Count == 0) return null;
            var mine = status.Task is not null && (status.TaskActions is null || status.TaskActions.Intersect(actions).Any());
            var group = status.TaskGroup ?? TaskGroups.Action;
            switch (mine ? status.TaskDue : null)
            {
                case TaskDues.NextConsultation:
                    // Only a draft changed since it was created (version 1) can have been returned.
                    var note = paper.Status == PaperStatuses.Draft && paper.Version > 1 ? await ReturnNoteAsync(paper.Id, cancellationToken) : null;
                    return Item(group, status.Task!, paper, null, next?.OrganizationName, next?.PlannedDate, status.TaskDueLabel, null) with { Note = note };
                case TaskDues.Widerspruch:
                    var decision = DecisionDeadlines.Decision(paper);
                    var deadline = DecisionDeadlines.Widerspruch(paper, await ProfileAsync(paper, cancellationToken));
                    return Item(group, status.Task!, paper, decision?.Id, decision?.OrganizationName, deadline?.Due,
                        deadline is null ? null : $"{status.TaskDueLabel} ({deadline.Period.GermanText})", deadline?.Citation);
                case TaskDues.Decision:
                    var decided = DecisionDeadlines.Decision(paper);
                    return Item(group, status.Task!, paper, decided?.Id, decided?.OrganizationName, null, null, null);
            }
            var typeDeadline = (paper.Deadlines ?? []).FirstOrDefault(d => d.Overdue || d.DueSoon)
                               ?? (paper.Deadlines ?? []).FirstOrDefault(d => type.AllDeadlines.Any(x => x.Code == d.Code && x.WhileStatus.Contains(paper.Status)));
            // Deadlines of papers with a Beratungsfolge are the council's (sessions, Widerspruch), shown above.
            var overdueForAll = type.Beratungsfolge == BeratungsfolgeRules.None && typeDeadline is { Overdue: true } or { DueSoon: true };
            if (!mine && !overdueForAll) return null;
            var label = mine ? status.Task! : $"{type.Label} {(typeDeadline!.Overdue ? "überfällig" : "bald fällig")}: {type.StatusLabel(paper.Status)}";
            var dueLabel = typeDeadline is null ? null : typeDeadline.Overdue ? $"{typeDeadline.Label} überfällig seit" : $"{typeDeadline.Label} bis";
            return Item(group, label, paper, null, null, typeDeadline?.Due, dueLabel, typeDeadline?.Citation);
        }

        private static TaskItem AgendaTask(AgendaDeadlineDto d) => new(Agenda,
            d.State == AgendaDeadlines.Due
                ? $"{d.PaperTypeLabel} auf die Tagesordnung setzen: {d.OrganizationName} am {d.DueMeetingDate:dd.MM.yyyy} ({d.RuleLabel})"
                : $"{d.PaperTypeLabel}: Frist für die Tagesordnung versäumt ({d.RuleLabel}, {d.OrganizationName} am {d.DueMeetingDate:dd.MM.yyyy})",
            d.PaperId, d.Reference, d.Title, d.State, d.StateLabel, [], d.ConsultationId, d.OrganizationName, d.DueMeetingDate,
            d.State == AgendaDeadlines.Due ? "Auf die Tagesordnung spätestens" : "Frist versäumt seit", d.Citation,
            d.WordingVerified ? null : "Wortlaut nicht geprüft", d.TargetMeetingId);

        private static TaskItem Item(string kind, string label, PaperDto paper, long? consultationId, string? organization, DateOnly? due,
            string? dueLabel, string? citation) =>
            new(kind, label, paper.Id, paper.Reference, paper.Title, paper.Status, paper.StatusLabel, paper.AvailableActions, consultationId,
                organization, due, due is null ? null : dueLabel, citation);

        /// <summary>Why the Landrat returned the draft, if the last step was a return: the clerk needs it to rework the paper.</summary>
        private async Task<string?> ReturnNoteAsync(long paperId, CancellationToken cancellationToken)
        {
            var last = (await mediator.Send(new GetPaperHistory.Query(paperId), cancellationToken)).LastOrDefault(h => h.Kind == "transition");
            if (last?.Action != "return") return null;
            var when = $"Zurückgegeben von {last.ActorName} am {BerlinTime.ToBerlin(last.Time):dd.MM.yyyy}";
            return string.IsNullOrWhiteSpace(last.Comment) ? when + "." : $"{when}: {last.Comment}";
        }

        private async Task<RuleProfile> ProfileAsync(PaperDto paper, CancellationToken cancellationToken)
        {
            if (!_bodies.TryGetValue(paper.BodyId, out var body))
                _bodies[paper.BodyId] = body = await mediator.Send(new GetBody.Query(paper.BodyId), cancellationToken);
            return profiles.Get(body.RuleProfile);
        }
    }
}

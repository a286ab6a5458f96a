using Dapper;
using FluentValidation;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Features.Papers;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;
using Vorlagen.Domain.Voting;

namespace Vorlagen.Api.Features.Decisions;

/// <summary>
/// The Beschlussbuch: the decisions (recorded results other than "zur Kenntnis genommen") of a body's Gremien by date, with their
/// Beschluss numbers (given when the Niederschrift is signed, <c>Features/Meetings/DecisionNumbers.cs</c>). The office and a Gremium's
/// members see all of their Gremium's; everyone else sees public decisions once their Niederschrift is published (§ 32b Satz 2
/// SächsLKrO; decisions recorded without a session record are public as on the paper) and non-public decisions once announced.
/// </summary>
public static class ListDecisions
{
    public sealed record Query(long? BodyId, long? OrganizationId, int? Year, int Page, int PageSize) : IRequest<PagedList<DecisionDto>>;

    public sealed record DecisionDto(long ConsultationId, string? Number, long BodyId, long OrganizationId, string OrganizationName, DateOnly Date,
        long PaperId, string Reference, string Title, bool Public, string Outcome, string OutcomeLabel, VotesDto? Votes, string? Wording,
        DateOnly? AnnouncedOn, long? MeetingId);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            this.ValidPaging(q => q.Page, q => q.PageSize);
            RuleFor(q => q.Year).InclusiveBetween(1990, 2200).WithMessage("Das Jahr (year) liegt zwischen 1990 und 2200.");
        }
    }

    // Office of the body, or a member/chair of the deciding Gremium; else public (after publication) or announced.
    private const string Where =
        " WHERE c.status = 'done' AND c.outcome IS NOT NULL AND c.outcome <> 'noted' " +
        "AND (@BodyId IS NULL OR p.body_id = @BodyId) AND (@OrganizationId IS NULL OR c.organization_id = @OrganizationId) " +
        "AND (@From IS NULL OR c.result_date >= @From) AND (@To IS NULL OR c.result_date <= @To) AND " + PaperSql.VisibleFilter +
        " AND (@AllBodies = 1 OR p.body_id = @FullBodyId OR c.announced_on IS NOT NULL " +
        "OR c.organization_id IN " + PaperSql.GremiumRightsSubquery +
        " OR (c.is_public = 1 AND NOT EXISTS (SELECT 1 FROM agenda_items ai JOIN meeting_sessions ms ON ms.meeting_id = ai.meeting_id " +
        "WHERE ai.consultation_id = c.id AND ms.minutes_state <> 'published')))";
    private const string From =
        " FROM consultations c JOIN papers p ON p.id = c.paper_id JOIN organizations o ON o.id = c.organization_id " +
        "LEFT JOIN decision_numbers dn ON dn.consultation_id = c.id";
    public const string CountSql = "SELECT COUNT(*)" + From + Where;
    public const string PageSql =
        "SELECT c.id AS ConsultationId, dn.number AS Number, p.body_id AS BodyId, c.organization_id AS OrganizationId, o.name AS OrganizationName, " +
        "c.result_date AS ResultDate, p.id AS PaperId, p.reference AS Reference, p.title AS Title, p.proposal AS Proposal, c.is_public AS IsPublic, " +
        "c.outcome AS Outcome, c.votes_entitled AS VotesEntitled, c.votes_yes AS VotesYes, c.votes_no AS VotesNo, c.votes_abstain AS VotesAbstain, " +
        "c.votes_recused AS VotesRecused, c.resolution_text AS ResolutionText, c.announced_on AS AnnouncedOn, " +
        "(SELECT MIN(ai.meeting_id) FROM agenda_items ai WHERE ai.consultation_id = c.id) AS MeetingId" + From + Where +
        " ORDER BY c.result_date, c.id {{Page}}";

    public sealed record Row
    {
        public long ConsultationId { get; init; }
        public string? Number { get; init; }
        public long BodyId { get; init; }
        public long OrganizationId { get; init; }
        public string OrganizationName { get; init; } = "";
        public string ResultDate { get; init; } = "";
        public long PaperId { get; init; }
        public string Reference { get; init; } = "";
        public string Title { get; init; } = "";
        public string? Proposal { get; init; }
        public bool IsPublic { get; init; }
        public string Outcome { get; init; } = "";
        public int? VotesEntitled { get; init; }
        public int? VotesYes { get; init; }
        public int? VotesNo { get; init; }
        public int? VotesAbstain { get; init; }
        public int? VotesRecused { get; init; }
        public string? ResolutionText { get; init; }
        public string? AnnouncedOn { get; init; }
        public long? MeetingId { get; init; }
    }

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, PagedList<DecisionDto>>
    {
        public async Task<PagedList<DecisionDto>> Handle(Query query, CancellationToken cancellationToken)
        {
            var connection = await db.ConnectionAsync(cancellationToken);
            var args = new DynamicParameters(PaperAccess.FilterArgs(caller));
            args.AddDynamicParams(new
            {
                query.BodyId, query.OrganizationId, From = query.Year is { } y ? $"{y:0000}-01-01" : null, To = query.Year is { } t ? $"{t:0000}-12-31" : null,
                query.PageSize, Offset = PagingRules.Offset(query.Page, query.PageSize),
            });
            var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(CountSql, args, db.Transaction, cancellationToken: cancellationToken));
            var rows = await connection.QueryAsync<Row>(new CommandDefinition(db.Dialect.Render(PageSql), args, db.Transaction, cancellationToken: cancellationToken));
            return new PagedList<DecisionDto>([.. rows.Select(ToDto)], query.Page, query.PageSize, total);
        }

        private static DecisionDto ToDto(Row r)
        {
            var votes = r.VotesEntitled is { } entitled ? new VotesDto(entitled, r.VotesYes ?? 0, r.VotesNo ?? 0, r.VotesAbstain ?? 0, r.VotesRecused ?? 0) : null;
            var wording = r.Outcome switch
            {
                Outcomes.AdoptedAmended => r.ResolutionText,
                Outcomes.Adopted or Outcomes.Recommended => r.Proposal,
                _ => null,
            };
            return new DecisionDto(r.ConsultationId, r.Number, r.BodyId, r.OrganizationId, r.OrganizationName, DateOnly.Parse(r.ResultDate[..10]), r.PaperId,
                r.Reference, r.Title, r.IsPublic, r.Outcome, Outcomes.Find(r.Outcome)?.Label ?? r.Outcome, votes, wording,
                r.AnnouncedOn is null ? null : DateOnly.Parse(r.AnnouncedOn), r.MeetingId);
        }
    }
}

using Dapper;
using FluentValidation;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.Meetings;

/// <summary>Sitzungen by date. Anonymous callers see only published meetings with a public part.</summary>
public static class ListMeetings
{
    public sealed record Query(long? BodyId, long? OrganizationId, DateOnly? From, DateOnly? To, int Page, int PageSize) : IRequest<PagedList<MeetingSummaryDto>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            this.ValidPaging(q => q.Page, q => q.PageSize);
            RuleFor(q => q.To).Must((q, to) => to is null || q.From is null || to >= q.From).WithMessage("„bis“ (to) liegt vor „von“ (from).");
        }
    }

    private const string Where =
        " WHERE (@BodyId IS NULL OR m.body_id = @BodyId) AND (@OrganizationId IS NULL OR m.organization_id = @OrganizationId) " +
        "AND (@From IS NULL OR m.meeting_date >= @From) AND (@To IS NULL OR m.meeting_date <= @To) AND " + MeetingAccess.VisibleCondition;
    public const string CountSql = "SELECT COUNT(*) FROM meetings m" + Where;
    public const string PageSql = MeetingSql.SelectMeetingSql + Where + " ORDER BY m.meeting_date, m.start_time, m.id {{Page}}";

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, PagedList<MeetingSummaryDto>>
    {
        public async Task<PagedList<MeetingSummaryDto>> Handle(Query query, CancellationToken cancellationToken)
        {
            var connection = await db.ConnectionAsync(cancellationToken);
            var args = new DynamicParameters(new
            {
                query.BodyId, query.OrganizationId, From = query.From?.ToString("yyyy-MM-dd"), To = query.To?.ToString("yyyy-MM-dd"),
                query.PageSize, Offset = PagingRules.Offset(query.Page, query.PageSize),
            });
            args.AddDynamicParams(MeetingAccess.VisibilityArgs(caller));
            var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(CountSql, args, db.Transaction, cancellationToken: cancellationToken));
            var rows = await connection.QueryAsync<MeetingSql.MeetingRow>(new CommandDefinition(db.Dialect.Render(PageSql), args, db.Transaction, cancellationToken: cancellationToken));
            return new PagedList<MeetingSummaryDto>([.. rows.Select(r => new MeetingSummaryDto(r.Id, r.BodyId, r.OrganizationId, r.OrganizationName, r.Number, r.Date,
                r.StartTime, r.Room, r.IsPublic, r.Status, MeetingStatuses.Label(r.Status)))], query.Page, query.PageSize, total);
        }
    }
}

using Dapper;
using FluentValidation;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.People;

/// <summary>
/// Memberships by organization, person, body and/or date (<c>at</c>: those in force that day). Non-public memberships
/// reach only the office of the body and the person themselves.
/// </summary>
public static class ListMemberships
{
    public sealed record Query(long? OrganizationId, long? PersonId, long? BodyId, DateOnly? At, int Page, int PageSize) : IRequest<PagedList<MembershipDto>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => this.ValidPaging(q => q.Page, q => q.PageSize);
    }

    private const string Where =
        " WHERE (@OrganizationId IS NULL OR m.organization_id = @OrganizationId) AND (@PersonId IS NULL OR m.person_id = @PersonId) " +
        "AND (@BodyId IS NULL OR p.body_id = @BodyId) AND (@At IS NULL OR (m.start_date <= @At AND COALESCE(m.end_date, t.end_date) >= @At)) AND " +
        PeopleAccess.VisibleMembershipCondition;
    public const string CountSql =
        "SELECT COUNT(*) FROM memberships m JOIN persons p ON p.id = m.person_id JOIN legislative_terms t ON t.id = m.legislative_term_id" + Where;
    public const string PageSql = PeopleSql.SelectMembershipSql + Where + " ORDER BY o.name, t.start_date DESC, p.family_name, p.given_name, m.id {{Page}}";

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, PagedList<MembershipDto>>
    {
        public async Task<PagedList<MembershipDto>> Handle(Query query, CancellationToken cancellationToken)
        {
            var connection = await db.ConnectionAsync(cancellationToken);
            var args = new DynamicParameters(new
            {
                query.OrganizationId, query.PersonId, query.BodyId, At = query.At is { } at ? PeopleSql.Text(at) : null, query.PageSize,
                Offset = PagingRules.Offset(query.Page, query.PageSize),
            });
            args.AddDynamicParams(PeopleAccess.VisibilityArgs(caller));
            var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(CountSql, args, db.Transaction, cancellationToken: cancellationToken));
            var rows = await connection.QueryAsync<PeopleSql.MembershipRow>(new CommandDefinition(db.Dialect.Render(PageSql), args, db.Transaction,
                cancellationToken: cancellationToken));
            return new PagedList<MembershipDto>([.. rows.Select(r => r.ToDto())], query.Page, query.PageSize, total);
        }
    }
}

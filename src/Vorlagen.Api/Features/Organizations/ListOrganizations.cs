using Dapper;
using FluentValidation;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;

namespace Vorlagen.Api.Features.Organizations;

public static class ListOrganizations
{
    public sealed record Query(long? BodyId, int Page, int PageSize) : IRequest<PagedList<OrganizationDto>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => this.ValidPaging(q => q.Page, q => q.PageSize);
    }

    public const string CountSql = "SELECT COUNT(*) FROM organizations o WHERE (@BodyId IS NULL OR o.body_id = @BodyId)";
    public const string PageSql = OrganizationDto.SelectColumnsSql +
        " WHERE (@BodyId IS NULL OR o.body_id = @BodyId) ORDER BY o.body_id, o.name, o.id {{Page}}";

    public sealed class Handler(DbSession db) : IRequestHandler<Query, PagedList<OrganizationDto>>
    {
        public async Task<PagedList<OrganizationDto>> Handle(Query query, CancellationToken cancellationToken)
        {
            var connection = await db.ConnectionAsync(cancellationToken);
            var args = new { query.BodyId, query.PageSize, Offset = PagingRules.Offset(query.Page, query.PageSize) };
            var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(CountSql, args, db.Transaction, cancellationToken: cancellationToken));
            var items = await connection.QueryAsync<OrganizationDto>(
                new CommandDefinition(db.Dialect.Render(PageSql), args, db.Transaction, cancellationToken: cancellationToken));
            return new PagedList<OrganizationDto>(items.ToList(), query.Page, query.PageSize, total);
        }
    }
}

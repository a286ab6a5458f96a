using Dapper;
using FluentValidation;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;

namespace Vorlagen.Api.Features.Bodies;

public static class ListBodies
{
    public sealed record Query(int Page, int PageSize) : IRequest<PagedList<BodyDto>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => this.ValidPaging(q => q.Page, q => q.PageSize);
    }

    public const string CountSql = "SELECT COUNT(*) FROM bodies";
    public const string PageSql = BodyDto.SelectColumnsSql + " ORDER BY b.name, b.id {{Page}}";

    public sealed class Handler(DbSession db) : IRequestHandler<Query, PagedList<BodyDto>>
    {
        public async Task<PagedList<BodyDto>> Handle(Query query, CancellationToken cancellationToken)
        {
            var connection = await db.ConnectionAsync(cancellationToken);
            var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(CountSql, transaction: db.Transaction, cancellationToken: cancellationToken));
            var items = await connection.QueryAsync<BodyDto>(new CommandDefinition(db.Dialect.Render(PageSql),
                new { query.PageSize, Offset = PagingRules.Offset(query.Page, query.PageSize) }, db.Transaction, cancellationToken: cancellationToken));
            return new PagedList<BodyDto>(items.ToList(), query.Page, query.PageSize, total);
        }
    }
}

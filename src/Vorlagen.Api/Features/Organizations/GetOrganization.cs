using Dapper;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;

namespace Vorlagen.Api.Features.Organizations;

public static class GetOrganization
{
    public sealed record Query(long Id) : IRequest<OrganizationDto>;

    public const string ByIdSql = OrganizationDto.SelectColumnsSql + " WHERE o.id = @Id";

    public sealed class Handler(DbSession db) : IRequestHandler<Query, OrganizationDto>
    {
        public async Task<OrganizationDto> Handle(Query query, CancellationToken cancellationToken)
        {
            var connection = await db.ConnectionAsync(cancellationToken);
            return await connection.QuerySingleOrDefaultAsync<OrganizationDto>(
                       new CommandDefinition(ByIdSql, query, db.Transaction, cancellationToken: cancellationToken))
                   ?? throw new NotFoundException("Gremium", query.Id);
        }
    }
}

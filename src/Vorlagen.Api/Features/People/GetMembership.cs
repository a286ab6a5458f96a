using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.People;

/// <summary>One membership; a non-public one is "not found" to everyone but the office of the body and the person.</summary>
public static class GetMembership
{
    public sealed record Query(long Id) : IRequest<MembershipDto>;

    public const string VisibleSql = "SELECT COUNT(*) FROM memberships m JOIN persons p ON p.id = m.person_id WHERE m.id = @Id AND " + PeopleAccess.VisibleMembershipCondition;

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, MembershipDto>
    {
        public async Task<MembershipDto> Handle(Query query, CancellationToken cancellationToken)
        {
            var args = new Dapper.DynamicParameters(new { query.Id });
            args.AddDynamicParams(PeopleAccess.VisibilityArgs(caller));
            var connection = await db.ConnectionAsync(cancellationToken);
            if (await Dapper.SqlMapper.ExecuteScalarAsync<int>(connection, new Dapper.CommandDefinition(VisibleSql, args, db.Transaction, cancellationToken: cancellationToken)) == 0)
                throw new NotFoundException("Mitgliedschaft", query.Id);
            return await PeopleSql.ReadMembershipAsync(db, query.Id, cancellationToken);
        }
    }
}

using Dapper;
using FluentValidation;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.Users;

/// <summary>Users of one body (a body admin's own by default; the system administrator may list all), by username.</summary>
public static class ListUsers
{
    public sealed record Query(long? BodyId, int Page, int PageSize) : IRequest<PagedList<UserDto>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => this.ValidPaging(q => q.Page, q => q.PageSize);
    }

    private const string Where = " WHERE (@BodyId IS NULL OR u.body_id = @BodyId)";
    public const string CountSql = "SELECT COUNT(*) FROM users u" + Where;
    public const string PageSql = UserSql.SelectUserSql + Where + " ORDER BY u.username, u.id {{Page}}";
    public const string GrantsSql = UserSql.SelectGrantsSql + Where + " ORDER BY r.user_id, r.role, o.name, r.id";

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Query, PagedList<UserDto>>
    {
        public async Task<PagedList<UserDto>> Handle(Query query, CancellationToken cancellationToken)
        {
            var bodyId = query.BodyId ?? (caller.IsSystemAdmin ? null : caller.BodyId);
            UserAccess.RequireAdmin(caller, bodyId);
            var connection = await db.ConnectionAsync(cancellationToken);
            var args = new { BodyId = bodyId, query.PageSize, Offset = PagingRules.Offset(query.Page, query.PageSize) };
            var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(CountSql, args, db.Transaction, cancellationToken: cancellationToken));
            var users = (await connection.QueryAsync<UserSql.UserRow>(new CommandDefinition(db.Dialect.Render(PageSql), args, db.Transaction,
                cancellationToken: cancellationToken))).ToList();
            // The grants of the whole body in one query: a body has a few hundred users at most.
            var grants = (await connection.QueryAsync<UserSql.GrantRow>(new CommandDefinition(GrantsSql, args, db.Transaction,
                cancellationToken: cancellationToken))).ToLookup(g => g.UserId);
            var now = clock.GetUtcNow();
            var derived = await UserSql.DerivedAsync(db, null, bodyId, now, cancellationToken);
            return new PagedList<UserDto>([.. users.Select(u => UserSql.ToDto(u, grants[u.Id], derived, now))], query.Page, query.PageSize, total);
        }
    }
}

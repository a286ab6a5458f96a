using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.Users;

public static class GetUser
{
    public sealed record Query(long Id) : IRequest<UserDto>;

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Query, UserDto>
    {
        public async Task<UserDto> Handle(Query query, CancellationToken cancellationToken)
        {
            UserAccess.RequireAnyAdmin(caller);
            var user = await UserSql.ReadAsync(db, query.Id, clock.GetUtcNow(), cancellationToken);
            UserAccess.RequireAdmin(caller, user.BodyId, user.Id);
            return user;
        }
    }
}

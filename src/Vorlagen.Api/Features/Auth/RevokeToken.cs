using Dapper;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;

namespace Vorlagen.Api.Features.Auth;

/// <summary>Logout: the presented bearer token (by its hash) or the cookie's session stops working at once.</summary>
public static class RevokeToken
{
    public sealed record Command(string TokenHash) : ICommand<Unit>;

    public const string RevokeSql = "UPDATE access_tokens SET revoked_at = @Now WHERE token_hash = @Hash AND revoked_at IS NULL";

    public sealed class Handler(DbSession db, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            await db.Connection.ExecuteAsync(new CommandDefinition(RevokeSql,
                new { Hash = command.TokenHash, Now = Instants.Format(clock.GetUtcNow()) }, db.Transaction, cancellationToken: cancellationToken));
            return Unit.Value;
        }
    }
}

using Dapper;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.Auth;

/// <summary>Logout for API clients: the presented token stops working at once.</summary>
public static class RevokeToken
{
    public sealed record Command(string Token) : ICommand<Unit>;

    public const string RevokeSql = "UPDATE access_tokens SET revoked_at = @Now WHERE token_hash = @Hash AND revoked_at IS NULL";

    public sealed class Handler(DbSession db, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            await db.Connection.ExecuteAsync(new CommandDefinition(RevokeSql,
                new { Hash = AccessTokens.Hash(command.Token), Now = Instants.Format(clock.GetUtcNow()) }, db.Transaction, cancellationToken: cancellationToken));
            return Unit.Value;
        }
    }
}

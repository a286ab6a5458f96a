using Dapper;
using FluentValidation;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.Auth;

/// <summary>Password sign-in for API clients: a bearer token that expires and can be revoked.</summary>
public static class IssueToken
{
    public sealed record Command(string? Username, string? Password) : ICommand<Result>;

    public sealed record Result(string? AccessToken, DateTimeOffset? ExpiresAt, PasswordCheck.Outcome Check);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => this.ValidCredentials(c => c.Username, c => c.Password);
    }

    public const string InsertTokenSql =
        "INSERT INTO access_tokens (token_hash, user_id, created_at, expires_at, revoked_at) VALUES (@Hash, @UserId, @Now, @ExpiresAt, NULL)";

    public sealed class Handler(DbSession db, TimeProvider clock, AuthOptions options, PasswordCheck passwords) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            var check = await passwords.VerifyAsync(command.Username!, command.Password!, cancellationToken);
            if (!check.Succeeded) return new Result(null, null, check);
            var token = AccessTokens.Create();
            var expiresAt = await StoreAsync(db, AccessTokens.Hash(token), check.UserId!.Value, clock, options.TokenLifetime, cancellationToken);
            return new Result(token, expiresAt, check);
        }
    }

    /// <summary>Writes an access_tokens row (a bearer token's hash or a cookie session's id) valid for <paramref name="lifetime"/>.</summary>
    public static async Task<DateTimeOffset> StoreAsync(DbSession db, string key, long userId, TimeProvider clock, TimeSpan lifetime,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var expiresAt = now + lifetime;
        await db.Connection.ExecuteAsync(new CommandDefinition(InsertTokenSql, new
        {
            Hash = key, UserId = userId, Now = Instants.Format(now), ExpiresAt = Instants.Format(expiresAt),
        }, db.Transaction, cancellationToken: cancellationToken));
        return expiresAt;
    }
}

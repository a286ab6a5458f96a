using System.Security.Claims;
using Dapper;
using FluentValidation;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.Auth;

/// <summary>
/// Password sign-in for the web UI: the same checks as the API token, returning the principal for the
/// cookie. It starts a server-side session (a row in access_tokens) that sign-out revokes and that
/// ends <see cref="AuthOptions.SessionLifetime"/> after sign-in however active the cookie is.
/// </summary>
public static class SignIn
{
    public const string CookieScheme = "Cookies";

    public sealed record Command(string? Username, string? Password) : ICommand<Result>;

    public sealed record Result(ClaimsPrincipal? Principal, PasswordCheck.Outcome Check);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => this.ValidCredentials(c => c.Username, c => c.Password);
    }

    public const string UserByIdSql =
        "SELECT id AS Id, username AS Username, display_name AS DisplayName, body_id AS BodyId, version AS Version FROM users WHERE id = @Id";

    public sealed class Handler(DbSession db, PasswordCheck passwords, TimeProvider clock, AuthOptions options) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            var check = await passwords.VerifyAsync(command.Username!, command.Password!, cancellationToken);
            if (!check.Succeeded) return new Result(null, check);
            var args = new { Id = check.UserId };
            var user = await db.Connection.QuerySingleAsync<TokenAuthenticationHandler.UserRow>(new CommandDefinition(UserByIdSql, args, db.Transaction, cancellationToken: cancellationToken));
            var grants = await db.Connection.QueryAsync<TokenAuthenticationHandler.GrantRow>(new CommandDefinition(TokenAuthenticationHandler.GrantsSql,
                TokenAuthenticationHandler.GrantArgs(check.UserId!.Value, clock),
                db.Transaction, cancellationToken: cancellationToken));
            var session = CookieRevalidation.NewSessionId();
            await IssueToken.StoreAsync(db, session, check.UserId!.Value, clock, options.SessionLifetime, cancellationToken);
            return new Result(CookieRevalidation.Principal(user, grants, session, TokenAuthenticationHandler.GrantsOn(clock)), check);
        }
    }
}

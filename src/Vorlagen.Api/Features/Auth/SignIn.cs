using System.Security.Claims;
using Dapper;
using FluentValidation;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.Auth;

/// <summary>Password sign-in for the web UI: the same checks as the API token, returning the principal for the cookie.</summary>
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

    public sealed class Handler(DbSession db, PasswordCheck passwords) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            var check = await passwords.VerifyAsync(command.Username!, command.Password!, cancellationToken);
            if (!check.Succeeded) return new Result(null, check);
            var args = new { Id = check.UserId };
            var user = await db.Connection.QuerySingleAsync<TokenAuthenticationHandler.UserRow>(new CommandDefinition(UserByIdSql, args, db.Transaction, cancellationToken: cancellationToken));
            var grants = await db.Connection.QueryAsync<TokenAuthenticationHandler.GrantRow>(new CommandDefinition(TokenAuthenticationHandler.GrantsSql, args,
                db.Transaction, cancellationToken: cancellationToken));
            return new Result(TokenAuthenticationHandler.Principal(user, grants, CookieScheme), check);
        }
    }
}

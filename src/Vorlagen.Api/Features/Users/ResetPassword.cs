using Dapper;
using FluentValidation;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Features.Auth;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.Users;

/// <summary>
/// An admin sets a new password: the lockout is lifted and the user's API tokens are revoked, so
/// whoever knew the old password loses access.
/// </summary>
public static class ResetPassword
{
    public sealed record Command(long Id, string? Password) : ICommand<UserDto>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => this.ValidPassword(c => c.Password);
    }

    public const string UpdateSql =
        "UPDATE users SET password_hash = @PasswordHash, failed_logins = 0, locked_until = NULL, version = version + 1, updated_at = @Now, updated_by = @Actor WHERE id = @Id";
    public const string RevokeTokensSql = "UPDATE access_tokens SET revoked_at = @Now WHERE user_id = @Id AND revoked_at IS NULL";

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, UserDto>
    {
        public async Task<UserDto> Handle(Command command, CancellationToken cancellationToken)
        {
            UserAccess.RequireAnyAdmin(caller);
            var now = clock.GetUtcNow();
            var current = await UserSql.ReadAsync(db, command.Id, now, cancellationToken);
            UserAccess.RequireAdmin(caller, current.BodyId, current.Id);
            var args = new { command.Id, PasswordHash = PasswordCheck.HashPassword(command.Password!), Now = Instants.Format(now), Actor = caller.AuditName };
            await db.Connection.ExecuteAsync(new CommandDefinition(UpdateSql, args, db.Transaction, cancellationToken: cancellationToken));
            await db.Connection.ExecuteAsync(new CommandDefinition(RevokeTokensSql, args, db.Transaction, cancellationToken: cancellationToken));
            return await UserSql.ReadAsync(db, command.Id, now, cancellationToken);
        }
    }
}

using Dapper;
using FluentValidation;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.Users;

/// <summary>
/// Changes name, active flag and roles (replacing all grants); the body stays. If-Match guards against lost updates.
/// Deactivation and role changes revoke the user's API tokens and sessions (as a password reset does), so a
/// reactivated user must sign in again.
/// </summary>
public static class UpdateUser
{
    public sealed record Command(long Id, int? ExpectedVersion, string? DisplayName, bool Active,
        IReadOnlyList<RoleGrant>? Roles) : ICommand<UserDto>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            this.ValidDisplayName(c => c.DisplayName);
            this.ValidRoles(c => c.Roles);
        }
    }

    public const string UpdateSql =
        "UPDATE users SET display_name = @DisplayName, active = @Active, version = version + 1, updated_at = @Now, updated_by = @Actor WHERE id = @Id AND version = @Version";

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, UserDto>
    {
        public async Task<UserDto> Handle(Command command, CancellationToken cancellationToken)
        {
            UserAccess.RequireAnyAdmin(caller);
            var now = clock.GetUtcNow();
            var current = await UserSql.ReadAsync(db, command.Id, now, cancellationToken);
            UserAccess.RequireAdmin(caller, current.BodyId, current.Id);
            IfMatch.Check(command.ExpectedVersion, current.Version);
            // An admin must not lock themselves (and possibly everyone) out of the administration.
            if (current.Id == caller.UserId && (!command.Active || (command.Roles ?? []).All(r => r.Role != Roles.Admin)))
                throw new ConflictException("self_lockout", "Sie können sich nicht selbst deaktivieren oder sich die Administrationsrolle entziehen.");
            await UserAccess.CheckGrantsAsync(db, current.BodyId, (command.Roles ?? []), cancellationToken);

            var changed = await db.Connection.ExecuteAsync(new CommandDefinition(UpdateSql, new
            {
                command.Id, current.Version, DisplayName = command.DisplayName!.Trim(), command.Active, Now = Instants.Format(now), Actor = caller.AuditName,
            }, db.Transaction, cancellationToken: cancellationToken));
            if (changed == 0) throw new PreconditionFailedException(current.Version + 1);
            await db.Connection.ExecuteAsync(new CommandDefinition(UserSql.DeleteRolesSql, new { UserId = command.Id }, db.Transaction,
                cancellationToken: cancellationToken));
            await UserSql.InsertRolesAsync(db.Connection, db, command.Id, (command.Roles ?? []), cancellationToken);
            if (!command.Active || RolesChanged(current.Roles, (command.Roles ?? [])))
                await db.Connection.ExecuteAsync(new CommandDefinition(ResetPassword.RevokeTokensSql, new { command.Id, Now = Instants.Format(now) },
                    db.Transaction, cancellationToken: cancellationToken));
            return await UserSql.ReadAsync(db, command.Id, now, cancellationToken);
        }

        private static bool RolesChanged(IEnumerable<RoleGrantDto> before, IEnumerable<RoleGrant> after) =>
            !before.Select(r => (r.Role, r.OrganizationId)).ToHashSet().SetEquals(after.Select(r => (r.Role ?? "", r.OrganizationId)));
    }
}

using Dapper;
using FluentValidation;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Features.Auth;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.Users;

/// <summary>An admin creates an account of their body with roles and an initial password.</summary>
public static class CreateUser
{
    public sealed record Command(long? BodyId, string? Username, string? DisplayName, string? Password, bool Active,
        IReadOnlyList<RoleGrant>? Roles) : ICommand<UserDto>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Username).SingleLineText("Der Benutzername");
            RuleFor(c => c.Username).NotEmpty().WithMessage("Bitte geben Sie den Benutzernamen an.")
                .MaximumLength(100).WithMessage("Der Benutzername darf höchstens 100 Zeichen lang sein.")
                .Matches("^[a-z0-9][a-z0-9._-]*$").WithMessage("Der Benutzername besteht aus Kleinbuchstaben, Ziffern, Punkt, Binde- und Unterstrich (z. B. kyf.clerk).");
            this.ValidDisplayName(c => c.DisplayName);
            this.ValidPassword(c => c.Password);
            this.ValidRoles(c => c.Roles);
        }
    }

    public const string BodyExistsSql = "SELECT COUNT(*) FROM bodies WHERE id = @BodyId";
    public const string UsernameTakenSql = "SELECT COUNT(*) FROM users WHERE username = @Username";
    public const string InsertSql =
        "INSERT INTO users (body_id, username, display_name, password_hash, active, failed_logins, version, created_at, updated_at, updated_by) " +
        "VALUES (@BodyId, @Username, @DisplayName, @PasswordHash, @Active, 0, 1, @Now, @Now, @Actor) {{ReturnId}}";

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, UserDto>
    {
        public async Task<UserDto> Handle(Command command, CancellationToken cancellationToken)
        {
            UserAccess.RequireAdmin(caller, command.BodyId);
            var connection = await db.ConnectionAsync(cancellationToken);
            if (command.BodyId is not null && await connection.ExecuteScalarAsync<int>(new CommandDefinition(BodyExistsSql, command, db.Transaction,
                    cancellationToken: cancellationToken)) == 0)
                throw new NotFoundException("Körperschaft", command.BodyId);
            await UserAccess.CheckGrantsAsync(db, command.BodyId, (command.Roles ?? []), cancellationToken);
            var username = command.Username!.Trim();
            if (await connection.ExecuteScalarAsync<int>(new CommandDefinition(UsernameTakenSql, new { Username = username }, db.Transaction,
                    cancellationToken: cancellationToken)) > 0)
                throw new ConflictException("username_taken", $"Den Benutzernamen „{username}“ gibt es bereits.");

            var now = clock.GetUtcNow();
            var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(db.Dialect.Render(InsertSql), new
            {
                command.BodyId, Username = username, DisplayName = command.DisplayName!.Trim(),
                PasswordHash = PasswordCheck.HashPassword(command.Password!), command.Active, Now = Instants.Format(now), Actor = caller.AuditName,
            }, db.Transaction, cancellationToken: cancellationToken));
            await UserSql.InsertRolesAsync(connection, db, id, (command.Roles ?? []), cancellationToken);
            return await UserSql.ReadAsync(db, id, now, cancellationToken);
        }
    }
}

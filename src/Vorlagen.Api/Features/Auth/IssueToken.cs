using Dapper;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.Auth;

/// <summary>
/// Password sign-in for API clients. Failures are counted and lock the account for a while; they are
/// returned, not thrown, so the transaction still commits the counter.
/// </summary>
public static class IssueToken
{
    public sealed record Command(string? Username, string? Password) : ICommand<Result>;

    public sealed record Result(string? AccessToken, DateTimeOffset? ExpiresAt, string? FailureCode, string? FailureMessage, DateTimeOffset? LockedUntil);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Username).NotEmpty().WithMessage("Bitte geben Sie den Benutzernamen an.").MaximumLength(100);
            RuleFor(c => c.Password).NotEmpty().WithMessage("Bitte geben Sie das Passwort an.").MaximumLength(200);
        }
    }

    public sealed record LoginRow
    {
        public long Id { get; init; }
        public string PasswordHash { get; init; } = "";
        public int FailedLogins { get; init; }
        public string? LockedUntil { get; init; }
    }

    public const string UserSql =
        "SELECT id AS Id, password_hash AS PasswordHash, failed_logins AS FailedLogins, locked_until AS LockedUntil FROM users WHERE username = @Username AND active = 1";
    public const string FailedSql = "UPDATE users SET failed_logins = @Failed, locked_until = @LockedUntil WHERE id = @Id";
    public const string SucceededSql = "UPDATE users SET failed_logins = 0, locked_until = NULL, password_hash = @PasswordHash WHERE id = @Id";
    public const string InsertTokenSql =
        "INSERT INTO access_tokens (token_hash, user_id, created_at, expires_at, revoked_at) VALUES (@Hash, @UserId, @Now, @ExpiresAt, NULL)";

    public sealed class Handler(DbSession db, TimeProvider clock, AuthOptions options) : IRequestHandler<Command, Result>
    {
        private static readonly PasswordHasher<LoginRow> Hasher = new();

        public async Task<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var connection = db.Connection;
            var user = await connection.QuerySingleOrDefaultAsync<LoginRow>(new CommandDefinition(UserSql, command, db.Transaction, cancellationToken: cancellationToken));
            if (user is null) return Failure("invalid_credentials", "Benutzername oder Passwort ist falsch.");
            if (user.LockedUntil is { } locked && Instants.Parse(locked) > now)
                return new Result(null, null, "account_locked",
                    "Das Konto ist nach mehreren Fehlversuchen vorübergehend gesperrt. Bitte versuchen Sie es später erneut.", Instants.Parse(locked));

            var verdict = Hasher.VerifyHashedPassword(user, user.PasswordHash, command.Password!);
            if (verdict == PasswordVerificationResult.Failed)
            {
                var failed = user.FailedLogins + 1;
                var lockedUntil = failed >= options.MaxFailedLogins ? now + options.LockoutDuration : (DateTimeOffset?)null;
                await connection.ExecuteAsync(new CommandDefinition(FailedSql, new
                {
                    user.Id, Failed = lockedUntil is null ? failed : 0, LockedUntil = lockedUntil is { } l ? Instants.Format(l) : null,
                }, db.Transaction, cancellationToken: cancellationToken));
                return Failure("invalid_credentials", "Benutzername oder Passwort ist falsch.");
            }

            var hash = verdict == PasswordVerificationResult.SuccessRehashNeeded ? Hasher.HashPassword(user, command.Password!) : user.PasswordHash;
            await connection.ExecuteAsync(new CommandDefinition(SucceededSql, new { user.Id, PasswordHash = hash }, db.Transaction, cancellationToken: cancellationToken));
            var token = AccessTokens.Create();
            var expiresAt = now + options.TokenLifetime;
            await connection.ExecuteAsync(new CommandDefinition(InsertTokenSql, new
            {
                Hash = AccessTokens.Hash(token), UserId = user.Id, Now = Instants.Format(now), ExpiresAt = Instants.Format(expiresAt),
            }, db.Transaction, cancellationToken: cancellationToken));
            return new Result(token, expiresAt, null, null, null);
        }

        private static Result Failure(string code, string message) => new(null, null, code, message, null);
    }

    public static string HashPassword(string password) => new PasswordHasher<LoginRow>().HashPassword(new LoginRow(), password);
}

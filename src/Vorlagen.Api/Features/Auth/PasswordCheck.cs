using Dapper;
using Microsoft.AspNetCore.Identity;
using Vorlagen.Api.Data;

namespace Vorlagen.Api.Features.Auth;

/// <summary>
/// Verifies a username and password for both sign-ins (API token and UI cookie): counts failures,
/// locks the account for a while after too many, and upgrades old hashes. Runs inside the
/// command's transaction; failures are returned, not thrown, so the counter is committed.
/// Every attempt verifies one hash (a dummy one for unknown names), and a lock is only revealed
/// to whoever knows the password, so neither the answer nor its timing tells whether a name exists.
/// </summary>
public sealed class PasswordCheck(DbSession db, TimeProvider clock, AuthOptions options, IPasswordHasher<PasswordCheck.LoginRow> hasher)
{
    public sealed record Outcome(long? UserId, string? FailureCode, string? FailureMessage, DateTimeOffset? LockedUntil)
    {
        public bool Succeeded => UserId is not null;
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

    private const string WrongCredentials = "Benutzername oder Passwort ist falsch.";
    private static readonly PasswordHasher<LoginRow> Hasher = new();

    /// <summary>Verified when the name is unknown, so that takes as long as a wrong password.</summary>
    public static readonly string DummyHash = HashPassword(Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));

    public static string HashPassword(string password) => Hasher.HashPassword(new LoginRow(), password);

    public async Task<Outcome> VerifyAsync(string username, string password, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var connection = await db.ConnectionAsync(cancellationToken);
        var user = await connection.QuerySingleOrDefaultAsync<LoginRow>(new CommandDefinition(UserSql, new { Username = username }, db.Transaction,
            cancellationToken: cancellationToken));
        if (user is null)
        {
            hasher.VerifyHashedPassword(new LoginRow(), DummyHash, password);
            return new Outcome(null, "invalid_credentials", WrongCredentials, null);
        }

        var verdict = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (user.LockedUntil is { } locked && Instants.Parse(locked) > now)
            return verdict == PasswordVerificationResult.Failed
                ? new Outcome(null, "invalid_credentials", WrongCredentials, null)
                : new Outcome(null, "account_locked",
                    "Das Konto ist nach mehreren Fehlversuchen vorübergehend gesperrt. Bitte versuchen Sie es später erneut.", Instants.Parse(locked));
        if (verdict == PasswordVerificationResult.Failed)
        {
            var failed = user.FailedLogins + 1;
            var lockedUntil = failed >= options.MaxFailedLogins ? now + options.LockoutDuration : (DateTimeOffset?)null;
            await connection.ExecuteAsync(new CommandDefinition(FailedSql, new
            {
                user.Id, Failed = lockedUntil is null ? failed : 0, LockedUntil = lockedUntil is { } l ? Instants.Format(l) : null,
            }, db.Transaction, cancellationToken: cancellationToken));
            return new Outcome(null, "invalid_credentials", WrongCredentials, null);
        }

        var hash = verdict == PasswordVerificationResult.SuccessRehashNeeded ? hasher.HashPassword(user, password) : user.PasswordHash;
        await connection.ExecuteAsync(new CommandDefinition(SucceededSql, new { user.Id, PasswordHash = hash }, db.Transaction, cancellationToken: cancellationToken));
        return new Outcome(user.Id, null, null, null);
    }
}

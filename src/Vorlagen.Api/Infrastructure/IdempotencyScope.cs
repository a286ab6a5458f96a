using System.Data.Common;
using Dapper;
using Vorlagen.Api.Data;

namespace Vorlagen.Api.Infrastructure;

/// <summary>
/// The <c>Idempotency-Key</c> of the current request (set by <see cref="IdempotencyFilter"/>). The transaction behavior
/// claims the key as the first write of the command's transaction and leaves the commit to the filter, which stores the
/// response in that same transaction. So a key is either absent (nothing happened, a retry runs) or complete (a retry
/// replays); a pending row is never committed. A concurrent duplicate's claim waits on the unique key (SQLite: the single
/// writer lock; SQL Server/PostgreSQL: the key lock) and fails once the first commits, then replays.
/// </summary>
public sealed class IdempotencyScope(TimeProvider clock)
{
    /// <summary>
    /// A committed pending row is a leftover of the earlier scheme (reservation, effect and response in three
    /// transactions): its request died. Only a row without a response is taken over, inside the claiming transaction.
    /// </summary>
    public const string TakeOverSql =
        "DELETE FROM idempotent_requests WHERE idempotency_key = @Key AND caller = @Caller AND status_code = 0";
    public const string ClaimSql =
        "INSERT INTO idempotent_requests (idempotency_key, caller, method, path, request_hash, status_code, response_body, response_headers, created_at) " +
        "VALUES (@Key, @Caller, @Method, @Path, @RequestHash, 0, '', '{}', @Now)";

    public sealed record Key(string IdempotencyKey, string Caller, string Method, string Path, string RequestHash);

    public Key? Current { get; private set; }

    /// <summary>True once the command's transaction holds the key; the filter then commits (or rolls back).</summary>
    public bool Claimed { get; private set; }

    public void Begin(Key key) => Current = key;

    /// <summary>Claims the key in the session's open transaction; false when the request carries no key.</summary>
    /// <exception cref="IdempotencyKeyTakenException">another request with this key committed first.</exception>
    public async Task<bool> ClaimAsync(DbSession session, CancellationToken cancellationToken)
    {
        if (Current is not { } key) return false;
        if (Claimed) throw new InvalidOperationException("An idempotent request may run only one command.");
        var args = new { Key = key.IdempotencyKey, key.Caller, key.Method, key.Path, key.RequestHash, Now = Instants.Format(clock.GetUtcNow()) };
        try
        {
            await session.Connection.ExecuteAsync(new CommandDefinition(TakeOverSql, args, session.Transaction, cancellationToken: cancellationToken));
            await session.Connection.ExecuteAsync(new CommandDefinition(ClaimSql, args, session.Transaction, cancellationToken: cancellationToken));
        }
        catch (DbException exception)
        {
            throw new IdempotencyKeyTakenException(exception);
        }
        return Claimed = true;
    }
}

/// <summary>The key's row exists (or could not be written): the filter rolls back and answers from the stored row.</summary>
internal sealed class IdempotencyKeyTakenException(Exception inner) : Exception("The idempotency key is taken.", inner);

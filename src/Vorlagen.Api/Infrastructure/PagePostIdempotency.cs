using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Infrastructure;

/// <summary>
/// The <c>Idempotency-Key</c> of a page form: a hidden field <see cref="FieldName"/> generated when the form is rendered. A post
/// sent again (a lost connection, a double tap) gets the first outcome — the same redirect and message — instead of running
/// again or failing on a version that moved. Same store and scheme as <see cref="IdempotencyFilter"/>: the command claims the
/// key in its transaction and the outcome is stored in that transaction before it commits.
/// </summary>
public sealed class PagePostIdempotency(ConnectionFactory factory, DbSession session, IdempotencyScope scope, Caller caller)
{
    public const string FieldName = "idempotencyKey";
    private const int Pending = 0;
    private const int Redirected = 303;

    /// <summary>Where the first post sent the browser and what it told.</summary>
    public sealed record Outcome(string Location, string? Notice);

    private sealed record Stored
    {
        public string RequestHash { get; init; } = "";
        public int StatusCode { get; init; }
        public string ResponseBody { get; init; } = "";
    }

    /// <summary>The first outcome when this form was already posted; else null, and the command about to run claims the key.</summary>
    public async Task<Outcome?> BeginAsync(HttpRequest request)
    {
        var value = request.Form[FieldName].ToString();
        if (value.Length == 0) return null;
        if (value.Length > 200) throw new BadRequestException("bad_idempotency_key", "Der Idempotency-Key darf höchstens 200 Zeichen lang sein.");
        var key = new IdempotencyScope.Key(value, caller.UserId?.ToString() ?? "anonymous", "POST", request.Path + request.QueryString, Hash(request));
        if (await FindAsync(key) is { StatusCode: not Pending } earlier) return Replay(earlier, key);
        scope.Begin(key);
        return null;
    }

    /// <summary>Stores the outcome beside the command's effect and commits both (nothing to do when the command wrote nothing).</summary>
    public async Task CompleteAsync(Outcome outcome)
    {
        if (!scope.Claimed || scope.Current is not { } key) return;
        await session.Connection.ExecuteAsync(IdempotencyFilter.CompleteSql, new
        {
            key.IdempotencyKey, key.Caller, StatusCode = Redirected, ResponseBody = JsonSerializer.Serialize(outcome), ResponseHeaders = "{}",
        }, session.Transaction);
        await session.EndAsync(commit: true, CancellationToken.None);
    }

    /// <summary>A duplicate committed first (the command's claim failed): its outcome.</summary>
    public async Task<Outcome> ReplayTakenAsync()
    {
        var key = scope.Current ?? throw new InvalidOperationException("No idempotent page post is running.");
        return Replay(await FindAsync(key) ?? throw new ConflictException("idempotency_conflict",
            "Die Eingabe konnte nicht eindeutig zugeordnet werden. Bitte laden Sie die Seite neu."), key);
    }

    /// <summary>Rolls back what is still open when the post failed after the command.</summary>
    public Task EndAsync() => session.EndAsync(commit: false, CancellationToken.None);

    private async Task<Stored?> FindAsync(IdempotencyScope.Key key)
    {
        await using var connection = await factory.OpenAsync(CancellationToken.None);
        return await connection.QuerySingleOrDefaultAsync<Stored>(IdempotencyFilter.FindSql, new { key.IdempotencyKey, key.Caller });
    }

    private static Outcome Replay(Stored earlier, IdempotencyScope.Key key)
    {
        if (earlier.RequestHash != key.RequestHash) throw new IdempotencyKeyReusedException();
        if (earlier.StatusCode == Pending)
            throw new ConflictException("idempotent_request_in_progress",
                "Dieselbe Eingabe wird gerade schon gespeichert. Bitte warten Sie einen Moment und laden Sie dann neu.");
        return JsonSerializer.Deserialize<Outcome>(earlier.ResponseBody)!;
    }

    /// <summary>The form's fields without the antiforgery token (renewed per render) and the key itself.</summary>
    private static string Hash(HttpRequest request)
    {
        var fields = request.Form.Where(f => f.Key is not FieldName and not "__RequestVerificationToken")
            .OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + "=" + string.Join("\u001f", f.Value.ToArray()));
        var text = request.Path + "?" + request.Query["handler"] + "\n" + string.Join("\n", fields);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}

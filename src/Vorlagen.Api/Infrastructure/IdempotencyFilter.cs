using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using MediatR;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Infrastructure;

/// <summary>
/// <c>Idempotency-Key</c> on state-changing POSTs: exactly once, even across a crash. The command's transaction claims
/// the key (see <see cref="IdempotencyScope"/>); this filter writes the response into the same transaction and commits,
/// so the effect and its stored response exist together or not at all. A retry of a completed request gets the first
/// response again and changes nothing; a concurrent duplicate waits for the first and then gets its response; the same
/// key with a different request is a 422. A failed request commits nothing, so it may be retried.
/// </summary>
public sealed class IdempotencyFilter(ConnectionFactory factory, DbSession session, IdempotencyScope scope, Caller caller,
    TestCrashPoints crashPoints, IOptions<JsonOptions> json) : IEndpointFilter
{
    public const string HeaderName = "Idempotency-Key";
    private const int Pending = 0;

    public const string FindSql =
        "SELECT request_hash AS RequestHash, status_code AS StatusCode, response_body AS ResponseBody, response_headers AS ResponseHeaders " +
        "FROM idempotent_requests WHERE idempotency_key = @IdempotencyKey AND caller = @Caller";
    public const string CompleteSql =
        "UPDATE idempotent_requests SET status_code = @StatusCode, response_body = @ResponseBody, response_headers = @ResponseHeaders " +
        "WHERE idempotency_key = @IdempotencyKey AND caller = @Caller";

    private sealed record Stored
    {
        public string RequestHash { get; init; } = "";
        public int StatusCode { get; init; }
        public string ResponseBody { get; init; } = "";
        public string ResponseHeaders { get; init; } = "";
    }

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var idempotencyKey = http.Request.Headers[HeaderName].ToString();
        if (string.IsNullOrEmpty(idempotencyKey)) return await next(context);
        if (idempotencyKey.Length > 200) throw new BadRequestException("bad_idempotency_key", "Der Idempotency-Key darf höchstens 200 Zeichen lang sein.");

        var hash = RequestHash(http, context.Arguments);
        var key = new IdempotencyScope.Key(idempotencyKey, caller.UserId?.ToString() ?? "anonymous", http.Request.Method, http.Request.Path.ToString(), hash);
        // The common retry needs no transaction. A pending row here is a dead leftover; the claim takes it over.
        if (await FindAsync(key) is { StatusCode: not Pending } earlier) return Replay(http, earlier, hash);

        scope.Begin(key);
        try
        {
            var result = await next(context);
            if (scope.Claimed)
            {
                var (status, body) = Response(result);
                await session.Connection.ExecuteAsync(CompleteSql, new
                {
                    key.IdempotencyKey, key.Caller, StatusCode = status,
                    ResponseBody = JsonSerializer.Serialize(body, json.Value.SerializerOptions), ResponseHeaders = JsonSerializer.Serialize(ReplayedHeaders(http)),
                }, session.Transaction);
                crashPoints.At(TestCrashPoints.BeforeCommit);
                await session.EndAsync(commit: true, CancellationToken.None);
                crashPoints.At(TestCrashPoints.AfterCommit);
            }
            return result;
        }
        catch (IdempotencyKeyTakenException)
        {
            // A duplicate committed first (its transaction rolled ours back before anything ran): answer as it did.
            return Replay(http, await FindAsync(key) ?? throw new ConflictException("idempotency_conflict",
                "Die Anfrage konnte nicht eindeutig zugeordnet werden. Bitte wiederholen Sie sie."), hash);
        }
        finally
        {
            await session.EndAsync(commit: false, CancellationToken.None); // only if something failed after the command
        }
    }

    private static (int Status, object? Body) Response(object? result) => result switch
    {
        IValueHttpResult valued => ((result as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK, valued.Value),
        IResult other => throw new InvalidOperationException($"An idempotent endpoint must return a result with a value, not {other.GetType().Name}."),
        _ => (StatusCodes.Status200OK, result),
    };

    private async Task<Stored?> FindAsync(IdempotencyScope.Key key)
    {
        await using var connection = await factory.OpenAsync(CancellationToken.None);
        return await connection.QuerySingleOrDefaultAsync<Stored>(FindSql, new { key.IdempotencyKey, key.Caller });
    }

    private static IResult Replay(HttpContext http, Stored earlier, string hash)
    {
        if (earlier.RequestHash != hash) throw new IdempotencyKeyReusedException();
        if (earlier.StatusCode == Pending)
            throw new ConflictException("idempotent_request_in_progress",
                "Dieselbe Anfrage wird gerade schon bearbeitet. Bitte warten Sie einen Moment und laden Sie dann neu.");
        foreach (var (name, value) in JsonSerializer.Deserialize<Dictionary<string, string>>(earlier.ResponseHeaders)!)
            http.Response.Headers[name] = value;
        http.Response.Headers["Idempotent-Replayed"] = "true";
        return Results.Content(earlier.ResponseBody, "application/json", Encoding.UTF8, earlier.StatusCode);
    }

    /// <summary>Endpoints set ETag (and Location on create) on the response before returning, so both are replayed.</summary>
    private static Dictionary<string, string> ReplayedHeaders(HttpContext http)
    {
        var headers = new Dictionary<string, string>();
        if (http.Response.Headers.ETag.ToString() is { Length: > 0 } etag) headers["ETag"] = etag;
        if (http.Response.Headers.Location.ToString() is { Length: > 0 } location) headers["Location"] = location;
        return headers;
    }

    private string RequestHash(HttpContext http, IList<object?> arguments)
    {
        var bodies = arguments.Where(a => a is not null and not HttpContext and not CancellationToken and not IMediator);
        var text = http.Request.Method + " " + http.Request.Path + " " + JsonSerializer.Serialize(bodies, json.Value.SerializerOptions);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}

/// <summary>422: an Idempotency-Key was reused for a different request.</summary>
public sealed class IdempotencyKeyReusedException()
    : AppException(422, "idempotency_key_reused", "Idempotency-Key bereits verwendet",
        "Dieser Idempotency-Key wurde bereits für eine andere Anfrage verwendet. Bitte verwenden Sie für jede neue Anfrage einen neuen Schlüssel.");

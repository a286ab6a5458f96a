using System.Data.Common;
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
/// <c>Idempotency-Key</c> on state-changing POSTs. The key is reserved (a pending row) before the
/// request runs, so concurrent retries cannot both execute: the second gets 409 while the first
/// runs and the stored response afterwards. A retry of a completed request gets the first response
/// again and changes nothing; the same key with a different request is a 422. A failed request
/// frees the key (it wrote nothing, so it may be retried).
/// </summary>
public sealed class IdempotencyFilter(ConnectionFactory factory, Caller caller, TimeProvider clock, IOptions<JsonOptions> json) : IEndpointFilter
{
    public const string HeaderName = "Idempotency-Key";
    private const int Pending = 0;
    /// <summary>A reservation older than this belongs to a request that died; it may be taken over.</summary>
    private static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(5);

    public const string FindSql =
        "SELECT request_hash AS RequestHash, status_code AS StatusCode, response_body AS ResponseBody, response_headers AS ResponseHeaders, " +
        "created_at AS CreatedAt FROM idempotent_requests WHERE idempotency_key = @Key AND caller = @Caller";
    public const string ReserveSql =
        "INSERT INTO idempotent_requests (idempotency_key, caller, method, path, request_hash, status_code, response_body, response_headers, created_at) " +
        "VALUES (@Key, @Caller, @Method, @Path, @RequestHash, 0, '', '{}', @Now)";
    public const string CompleteSql =
        "UPDATE idempotent_requests SET status_code = @StatusCode, response_body = @ResponseBody, response_headers = @ResponseHeaders " +
        "WHERE idempotency_key = @Key AND caller = @Caller";
    public const string ReleaseSql = "DELETE FROM idempotent_requests WHERE idempotency_key = @Key AND caller = @Caller AND status_code = 0";
    public const string DropStaleSql =
        "DELETE FROM idempotent_requests WHERE idempotency_key = @Key AND caller = @Caller AND status_code = 0 AND created_at < @Cutoff";

    private sealed record KeyArgs(string Key, string Caller);

    private sealed record Stored
    {
        public string RequestHash { get; init; } = "";
        public int StatusCode { get; init; }
        public string ResponseBody { get; init; } = "";
        public string ResponseHeaders { get; init; } = "";
        public string CreatedAt { get; init; } = "";
    }

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.Request.Headers[HeaderName].ToString();
        if (string.IsNullOrEmpty(key)) return await next(context);
        if (key.Length > 200) throw new BadRequestException("bad_idempotency_key", "Der Idempotency-Key darf höchstens 200 Zeichen lang sein.");

        var args = new KeyArgs(key, caller.UserId?.ToString() ?? "anonymous");
        var hash = RequestHash(http, context.Arguments);
        if (await ReserveAsync(http, args, hash) is { } earlier) return Replay(http, earlier, hash);

        object? result;
        try
        {
            result = await next(context);
        }
        catch
        {
            await ExecuteAsync(ReleaseSql, args);
            throw;
        }
        if (result is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 } success and IValueHttpResult valued)
            await ExecuteAsync(CompleteSql, new
            {
                args.Key, args.Caller, StatusCode = success.StatusCode!.Value,
                ResponseBody = JsonSerializer.Serialize(valued.Value, json.Value.SerializerOptions), ResponseHeaders = JsonSerializer.Serialize(ReplayedHeaders(http)),
            });
        else
            await ExecuteAsync(ReleaseSql, args);
        return result;
    }

    /// <returns>null when this request now owns the key; otherwise the row of the earlier request.</returns>
    private async Task<Stored?> ReserveAsync(HttpContext http, KeyArgs args, string hash)
    {
        await using var connection = await factory.OpenAsync(http.RequestAborted);
        var now = clock.GetUtcNow();
        await connection.ExecuteAsync(DropStaleSql, new { args.Key, args.Caller, Cutoff = Instants.Format(now - StaleAfter) });
        try
        {
            await connection.ExecuteAsync(ReserveSql, new
            {
                args.Key, args.Caller, http.Request.Method, Path = http.Request.Path.ToString(), RequestHash = hash, Now = Instants.Format(now),
            });
            return null;
        }
        catch (DbException)
        {
            return await connection.QuerySingleOrDefaultAsync<Stored>(FindSql, args) ?? throw new ConflictException("idempotency_conflict",
                "Die Anfrage konnte nicht eindeutig zugeordnet werden. Bitte wiederholen Sie sie.");
        }
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

    private async Task ExecuteAsync(string sql, object args)
    {
        await using var connection = await factory.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(sql, args);
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

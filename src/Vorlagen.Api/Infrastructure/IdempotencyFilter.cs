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
/// <c>Idempotency-Key</c> on state-changing POSTs: the first successful response is stored per
/// caller and key; a retry with the same request gets that response again and changes nothing.
/// The same key with a different request is a 422. Failed requests are not stored (they wrote nothing).
/// </summary>
public sealed class IdempotencyFilter(ConnectionFactory factory, Caller caller, TimeProvider clock, IOptions<JsonOptions> json) : IEndpointFilter
{
    public const string HeaderName = "Idempotency-Key";
    public const string FindSql =
        "SELECT request_hash AS RequestHash, status_code AS StatusCode, response_body AS ResponseBody, response_headers AS ResponseHeaders " +
        "FROM idempotent_requests WHERE idempotency_key = @Key AND caller = @Caller";
    public const string InsertSql =
        "INSERT INTO idempotent_requests (idempotency_key, caller, method, path, request_hash, status_code, response_body, response_headers, created_at) " +
        "VALUES (@Key, @Caller, @Method, @Path, @RequestHash, @StatusCode, @ResponseBody, @ResponseHeaders, @Now)";

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
        var key = http.Request.Headers[HeaderName].ToString();
        if (string.IsNullOrEmpty(key)) return await next(context);
        if (key.Length > 200) throw new BadRequestException("bad_idempotency_key", "Der Idempotency-Key darf höchstens 200 Zeichen lang sein.");

        var callerKey = caller.UserId?.ToString() ?? "anonymous";
        var args = new { Key = key, Caller = callerKey };
        var hash = RequestHash(http, context.Arguments);
        await using (var connection = await factory.OpenAsync(http.RequestAborted))
        {
            if (await connection.QuerySingleOrDefaultAsync<Stored>(FindSql, args) is { } stored)
            {
                if (stored.RequestHash != hash)
                    throw new IdempotencyKeyReusedException();
                foreach (var (name, value) in JsonSerializer.Deserialize<Dictionary<string, string>>(stored.ResponseHeaders)!)
                    http.Response.Headers[name] = value;
                http.Response.Headers["Idempotent-Replayed"] = "true";
                return Results.Content(stored.ResponseBody, "application/json", Encoding.UTF8, stored.StatusCode);
            }
        }

        var result = await next(context);
        if (result is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 } success and IValueHttpResult valued)
            await StoreAsync(http, key, callerKey, hash, success.StatusCode!.Value, valued.Value);
        return result;
    }

    /// <summary>Endpoints set ETag (and Location on create) on the response before returning, so both are replayed.</summary>
    private async Task StoreAsync(HttpContext http, string key, string callerKey, string hash, int status, object? value)
    {
        var headers = new Dictionary<string, string>();
        if (http.Response.Headers.ETag.ToString() is { Length: > 0 } etag) headers["ETag"] = etag;
        if (http.Response.Headers.Location.ToString() is { Length: > 0 } location) headers["Location"] = location;
        await using var connection = await factory.OpenAsync(CancellationToken.None);
        try
        {
            await connection.ExecuteAsync(InsertSql, new
            {
                Key = key, Caller = callerKey, http.Request.Method, Path = http.Request.Path.ToString(), RequestHash = hash,
                StatusCode = status, ResponseBody = JsonSerializer.Serialize(value, json.Value.SerializerOptions),
                ResponseHeaders = JsonSerializer.Serialize(headers), Now = Instants.Format(clock.GetUtcNow()),
            });
        }
        catch (System.Data.Common.DbException)
        {
            // A concurrent retry stored first; its response stands.
        }
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

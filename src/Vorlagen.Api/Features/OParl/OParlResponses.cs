using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Net.Http.Headers;
using Vorlagen.Api.Data;

namespace Vorlagen.Api.Features.OParl;

/// <summary>
/// UTF-8 JSON without BOM, with a strong <c>ETag</c> over the bytes (and <c>Last-Modified</c> for objects),
/// answering conditional GETs with 304.
/// </summary>
public static class OParlResponses
{
    public const string ContentType = "application/json; charset=utf-8";

    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="modified">the object's stored modified instant, for Last-Modified and If-Modified-Since.</param>
    public static IResult Json(JsonNode body, string? modified = null) => new JsonResult(body, 200, modified);

    /// <summary>410 with the deleted object (<c>deleted: true</c>).</summary>
    public static IResult Gone(JsonNode deleted) => new JsonResult(deleted, 410, null);

    /// <summary>The error object: <c>{"type": "Error", "message": …, "debug": code}</c> (the spec leaves its form open).</summary>
    public static IResult Error(int status, string code, string message) =>
        new JsonResult(new JsonObject { ["type"] = "Error", ["message"] = message, ["debug"] = code }, status, null);

    private sealed class JsonResult(JsonNode body, int status, string? modified) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(body, Options);
            var response = http.Response;
            if (status != 200)
            {
                await WriteAsync(response, status, bytes);
                return;
            }
            var etag = $"\"{Convert.ToBase64String(SHA256.HashData(bytes), 0, 18).Replace('+', '-').Replace('/', '_')}\"";
            response.Headers.ETag = etag;
            DateTimeOffset? lastModified = modified is null ? null : TruncateToSeconds(Instants.Parse(modified));
            if (lastModified is { } lm) response.Headers.LastModified = HeaderUtilities.FormatDate(lm);
            response.Headers.CacheControl = "no-cache";
            if (NotModified(http.Request, etag, lastModified))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
            await WriteAsync(response, 200, bytes);
        }

        private static async Task WriteAsync(HttpResponse response, int status, byte[] bytes)
        {
            response.StatusCode = status;
            response.ContentType = ContentType;
            response.ContentLength = bytes.Length;
            await response.Body.WriteAsync(bytes);
        }

        /// <summary>RFC 9110 § 13.2.2: If-None-Match decides when present; If-Modified-Since only without it.</summary>
        private static bool NotModified(HttpRequest request, string etag, DateTimeOffset? lastModified)
        {
            var ifNoneMatch = request.Headers.IfNoneMatch;
            if (ifNoneMatch.Count > 0)
                return ifNoneMatch.SelectMany(v => (v ?? "").Split(',')).Select(v => v.Trim())
                    .Any(v => v == "*" || v == etag || v == "W/" + etag);
            return lastModified is { } lm && HeaderUtilities.TryParseDate(request.Headers.IfModifiedSince.ToString(), out var since) && lm <= since;
        }

        private static DateTimeOffset TruncateToSeconds(DateTimeOffset value) =>
            new(value.UtcTicks - value.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
    }
}

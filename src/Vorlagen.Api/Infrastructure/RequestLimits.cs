using Microsoft.AspNetCore.Http.Metadata;

namespace Vorlagen.Api.Infrastructure;

public static class RequestLimits
{
    /// <summary>1 MB is far above the longest real Vorlage text and far below what would hurt the server.</summary>
    public const long MaxBodyBytes = 1_000_000;

    /// <summary>
    /// Rejects an oversized body up front (Kestrel enforces the same limit for chunked bodies). Endpoints with a
    /// <see cref="LargeBodyLimit"/> (file uploads) get their own limit; routing hands it to Kestrel as well.
    /// </summary>
    public static IApplicationBuilder UseBodySizeLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var large = context.GetEndpoint()?.Metadata.GetMetadata<LargeBodyLimit>();
        if (context.Request.ContentLength > (large?.MaxRequestBodySize ?? MaxBodyBytes))
        {
            if (!ApiPaths.IsApi(context))
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge; // the German error page says it
                return;
            }
            if (large is not null) throw large.TooLarge();
            throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
        }
        await next(context);
    });
}

/// <summary>Endpoint metadata: a body limit above the global one (uploads), and the problem to answer when it is exceeded.</summary>
public sealed class LargeBodyLimit(long maxBytes, Func<AppException> tooLarge) : IRequestSizeLimitMetadata
{
    public long? MaxRequestBodySize => maxBytes;

    public AppException TooLarge() => tooLarge();
}

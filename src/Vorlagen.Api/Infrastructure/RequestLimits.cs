namespace Vorlagen.Api.Infrastructure;

public static class RequestLimits
{
    /// <summary>1 MB is far above the longest real Vorlage text and far below what would hurt the server.</summary>
    public const long MaxBodyBytes = 1_000_000;

    /// <summary>Rejects an oversized body up front (Kestrel enforces the same limit for chunked bodies).</summary>
    public static IApplicationBuilder UseBodySizeLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.ContentLength > MaxBodyBytes)
            throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
        await next(context);
    });
}

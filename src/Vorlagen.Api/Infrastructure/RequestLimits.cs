using System.Buffers;
using Microsoft.AspNetCore.Http.Features;

namespace Vorlagen.Api.Infrastructure;

public static class RequestLimits
{
    /// <summary>1 MB is far above the longest real Vorlage text and far below what would hurt the server.</summary>
    public const long MaxBodyBytes = 1_000_000;

    /// <summary>An oversized body up to this size is read and discarded before the 413 (see <see cref="DrainAsync"/>).</summary>
    public const long DrainBytes = 4 * MaxBodyBytes;

    private static readonly TimeSpan DrainTime = TimeSpan.FromSeconds(10);

    /// <summary>Rejects an oversized body up front (Kestrel enforces the same limit for chunked bodies).</summary>
    public static IApplicationBuilder UseBodySizeLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.ContentLength is { } length && length > MaxBodyBytes)
        {
            await DrainAsync(context, length);
            throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
        }
        await next(context);
    });

    /// <summary>
    /// Kestrel closes a connection whose request body was left unread (it will not read past its limit). A client still
    /// sending its body then gets a connection reset, often before it has read the 413, and may retry the same upload.
    /// So a body up to <see cref="DrainBytes"/> is read to the end first: the client always receives the 413 and keeps
    /// its connection. Larger bodies, or a client slower than <see cref="DrainTime"/>, are cut off as before.
    /// </summary>
    private static async Task DrainAsync(HttpContext context, long length)
    {
        if (length > DrainBytes) return;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = length;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        timeout.CancelAfter(DrainTime);
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            while (await context.Request.Body.ReadAsync(buffer, timeout.Token) > 0) { }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or BadHttpRequestException)
        {
            // Gave up draining: the 413 still goes out, Kestrel then closes the connection.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

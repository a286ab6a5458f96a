using System.Buffers;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Vorlagen.Api.Infrastructure;

public static class RequestLimits
{
    /// <summary>1 MB is far above the longest real Vorlage text and far below what would hurt the server.</summary>
    public const long MaxBodyBytes = 1_000_000;

    /// <summary>An oversized body up to this size is read and discarded before the 413 (see <see cref="DrainAsync"/>).</summary>
    public const long DrainBytes = 4 * MaxBodyBytes;

    private static readonly TimeSpan DrainTime = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Rejects an oversized body up front (Kestrel enforces the same limit for chunked bodies). Endpoints with a
    /// <see cref="LargeBodyLimit"/> (file uploads) get their own limit; routing hands it to Kestrel as well.
    /// A chunked body announces no length: it is counted as it is read, and once past the limit the rest is drained
    /// the same way before the 413.
    /// </summary>
    public static IApplicationBuilder UseBodySizeLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var large = context.GetEndpoint()?.Metadata.GetMetadata<LargeBodyLimit>();
        var limit = large?.MaxRequestBodySize ?? MaxBodyBytes;
        if (context.Request.ContentLength is { } length && length > limit)
        {
            await DrainAsync(context, context.Request.Body, length);
            await RefuseAsync(context, large);
            return;
        }
        if (context.Request.ContentLength is not null || context.Request.Headers.TransferEncoding.Count == 0
            || context.Features.Get<IHttpMaxRequestBodySizeFeature>() is not { IsReadOnly: false } size)
        {
            await next(context);
            return;
        }
        size.MaxRequestBodySize = limit + DrainBytes;
        var body = context.Request.Body;
        context.Request.Body = new CountedBody(body, limit);
        try
        {
            await next(context);
        }
        catch (Exception e) when (CountedBody.Exceeded(e) && !context.Response.HasStarted)
        {
            await DrainAsync(context, body, DrainBytes);
            context.Response.Clear();
            await RefuseAsync(context, large);
        }
    });

    private static Task RefuseAsync(HttpContext context, LargeBodyLimit? large)
    {
        if (!ApiPaths.IsApi(context))
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge; // the German error page says it
            return Task.CompletedTask;
        }
        if (large is not null) throw large.TooLarge();
        throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
    }

    /// <summary>
    /// Kestrel closes a connection whose request body was left unread (it will not read past its limit). A client still
    /// sending its body then gets a connection reset, often before it has read the 413, and may retry the same upload.
    /// So a body up to <see cref="DrainBytes"/> is read to the end first: the client always receives the 413 and keeps
    /// its connection. Larger bodies, or a client slower than <see cref="DrainTime"/>, are cut off as before.
    /// </summary>
    private static async Task DrainAsync(HttpContext context, Stream body, long length)
    {
        if (length > DrainBytes) return;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = length;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        timeout.CancelAfter(DrainTime);
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            while (await body.ReadAsync(buffer, timeout.Token) > 0) { }
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

    /// <summary>A request body that fails its reader once more than the limit was read (not an IOException, so no
    /// framework layer turns it into a 400 on the way out).</summary>
    private sealed class CountedBody(Stream inner, long limit) : Stream
    {
        private long _read;

        public static bool Exceeded(Exception? e)
        {
            for (; e is not null; e = e.InnerException) if (e is LimitExceededException) return true;
            return false;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        private int Count(int read)
        {
            _read += read;
            if (_read > limit) throw new LimitExceededException();
            return read;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private sealed class LimitExceededException() : Exception("Request body too large.");
    }
}

/// <summary>Endpoint metadata: a body limit above the global one (uploads), and the problem to answer when it is exceeded.</summary>
public sealed class LargeBodyLimit(long maxBytes, Func<AppException> tooLarge) : IRequestSizeLimitMetadata
{
    public long? MaxRequestBodySize => maxBytes;

    public AppException TooLarge() => tooLarge();
}

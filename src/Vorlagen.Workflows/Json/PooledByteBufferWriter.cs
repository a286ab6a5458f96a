using System.Buffers;

namespace Vorlagen.Workflows.Json;

/// <summary>
/// An <see cref="IBufferWriter{T}"/> on rented arrays. <see cref="Utf8JsonWriter"/> asks for
/// worst-case spans, which makes a fresh ArrayBufferWriter grow to kilobytes per journal hash.
/// </summary>
internal sealed class PooledByteBufferWriter(int initialCapacity = 1024) : IBufferWriter<byte>, IDisposable
{
    private byte[] buffer = ArrayPool<byte>.Shared.Rent(initialCapacity);
    private int written;

    public ReadOnlySpan<byte> WrittenSpan => buffer.AsSpan(0, written);

    public void Advance(int count) => written += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return buffer.AsMemory(written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return buffer.AsSpan(written);
    }

    public void Dispose() => ArrayPool<byte>.Shared.Return(buffer);

    private void Ensure(int sizeHint)
    {
        var needed = written + Math.Max(sizeHint, 1);
        if (needed <= buffer.Length)
        {
            return;
        }
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, buffer.Length * 2));
        WrittenSpan.CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = larger;
    }
}

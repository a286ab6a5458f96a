using System.Runtime.InteropServices;

namespace Vorlagen.Api.Infrastructure;

/// <summary>
/// Hands freed native (non-GC) memory back to the system on Linux with glibc. Under a concurrent write load every new
/// thread gets a malloc arena of its own (up to eight per core); SQLite's page caches and statements of the pooled
/// connections are spread over them, and when the pool closes idle connections glibc keeps the freed memory inside each
/// arena (it returns memory only from an arena's top). So the resident size stayed high after a load. A
/// <c>malloc_trim</c> every minute returns the free pages of every arena. The number of arenas can only be bounded
/// before the process starts (<c>MALLOC_ARENA_MAX=2</c> in the service's environment; glibc fixes the limit once the
/// runtime's first threads have created their arenas, so a call from here would be too late). Elsewhere it does nothing.
/// </summary>
public sealed class NativeMemoryTrimmer(TimeProvider clock, ILogger<NativeMemoryTrimmer> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    /// <summary>Returns free malloc pages to the system now; false where glibc's <c>malloc_trim</c> is not available.</summary>
    public static bool TrimNow()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            malloc_trim(0);
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false; // not glibc (e.g. musl): its allocator has its own behaviour
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!TrimNow())
        {
            if (OperatingSystem.IsLinux()) logger.LogWarning("malloc_trim is not available; freed native memory is left to the allocator.");
            return;
        }
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) TrimNow();
        }
        catch (OperationCanceledException)
        {
            // shutting down
        }
    }

    [DllImport("libc")]
    private static extern int malloc_trim(nuint pad);
}

using System.Runtime.InteropServices;

namespace Vorlagen.Api.Infrastructure;

/// <summary>
/// Keeps the process's native (non-GC) memory bounded on Linux with glibc. Under a concurrent write load every thread that
/// finds malloc busy gets an arena of its own (up to eight per core); SQLite's page caches and statements of the pooled
/// connections end up spread over all of them, and glibc gives an arena's freed memory back to the system only from its
/// top. So the resident size climbed with the load and stayed after it (131 → 811 MB, 788 MB idle). Two arenas (the usual
/// <c>MALLOC_ARENA_MAX=2</c>, unless the operator set that variable) and a <c>malloc_trim</c> every minute, which hands
/// the free pages inside every arena back, bound it. Elsewhere (Windows, musl) this does nothing.
/// </summary>
public sealed class NativeMemoryTrimmer(TimeProvider clock, ILogger<NativeMemoryTrimmer> logger) : BackgroundService
{
    private const int ArenaMaxOption = -8; // M_ARENA_MAX in glibc's malloc.h
    private const int Arenas = 2;
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    /// <summary>Call first thing at start-up, before the thread pool has grown.</summary>
    public static void LimitArenas()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is not null) return;
        try
        {
            mallopt(ArenaMaxOption, Arenas);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc: its allocator has its own behaviour.
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!OperatingSystem.IsLinux()) return;
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) malloc_trim(0);
        }
        catch (OperationCanceledException)
        {
            // shutting down
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            logger.LogInformation("malloc_trim is not available here ({Error}); native memory is left to the allocator.", e.Message);
        }
    }

    // DllImport, not LibraryImport: the generated stub would need unsafe code; two int-sized arguments marshal as they are.
    [DllImport("libc")]
    private static extern int mallopt(int param, int value);

    [DllImport("libc")]
    private static extern int malloc_trim(nuint pad);
}

using System.Diagnostics;

namespace Vorlagen.Api.Infrastructure;

/// <summary>
/// TEST ONLY: kills the process (SIGKILL, like a power cut of the process) at a named point, so a test can prove what a
/// crash leaves behind. Armed only when the environment variable <see cref="Variable"/> names a point AND the host
/// environment is <see cref="EnvironmentName"/>; configuration files and <c>Vorlagen__</c> settings cannot arm it, and a
/// production start (environment "Production" unless set otherwise) ignores the variable with a warning.
/// </summary>
public sealed class TestCrashPoints
{
    public const string Variable = "VORLAGEN_TEST_ONLY_CRASH_AT";
    public const string EnvironmentName = "CrashTest";
    /// <summary>An idempotent request's effect and response are stored, not yet committed.</summary>
    public const string BeforeCommit = "idempotent-before-commit";
    /// <summary>An idempotent request committed; the client has not received the response.</summary>
    public const string AfterCommit = "idempotent-after-commit";

    private readonly string? _armed;

    public TestCrashPoints(IHostEnvironment environment, ILogger<TestCrashPoints> logger)
    {
        var point = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(point)) return;
        if (!environment.IsEnvironment(EnvironmentName))
        {
            logger.LogWarning("{Variable} is ignored: crash points work only in the {Environment} environment.", Variable, EnvironmentName);
            return;
        }
        logger.LogWarning("TEST ONLY: the process kills itself at crash point {Point}.", point);
        _armed = point;
    }

    public void At(string point)
    {
        if (_armed != point) return;
        Console.Error.WriteLine($"TEST ONLY: crash point {point} reached, killing the process.");
        Process.GetCurrentProcess().Kill();
        Environment.FailFast($"crash point {point}");
    }
}

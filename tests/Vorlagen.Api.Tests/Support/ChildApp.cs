using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Vorlagen.Api.Tests.Support;

/// <summary>
/// The real app as a separate process (the built Vorlagen.Api.dll) on a free loopback port, for tests that must kill it
/// hard (SIGKILL) in the middle of a request. Output is drained and kept for failure messages.
/// </summary>
public sealed class ChildApp : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private ChildApp(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }
    public int Port => new Uri(BaseUrl).Port;
    public string Output { get { lock (_output) return string.Join('\n', _output.TakeLast(40)); } }

    public static async Task<ChildApp> StartAsync(string folder, IReadOnlyDictionary<string, string>? settings = null)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var dll = RepositoryPaths.Combine("src", "Vorlagen.Api", "bin", configuration, "net10.0", "Vorlagen.Api.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"{dll} fehlt: erst bauen (dotnet build).");
        var baseUrl = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = folder, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
            Environment =
            {
                ["URLS"] = baseUrl, ["ConnectionStrings__Vorlagen"] = $"Data Source={Path.Combine(folder, "vorlagen.db")}",
                ["Vorlagen__Database__Provider"] = "sqlite", ["Vorlagen__DemoData"] = "true", ["Vorlagen__Auth__LoginRequestsPerMinute"] = "1000",
                ["Logging__LogLevel__Default"] = "Warning", ["DOTNET_ENVIRONMENT"] = "Production", ["ASPNETCORE_ENVIRONMENT"] = "Production",
            },
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) start.Environment[key] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet konnte nicht gestartet werden.");
        var app = new ChildApp(process, baseUrl);
        process.OutputDataReceived += (_, e) => app.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => app.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await app.WaitUntilHealthyAsync();
        return app;
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_output) _output.Add(line);
    }

    /// <summary>Readiness, not timing: polls /health until it answers (at most 90 s on a busy machine).</summary>
    private async Task WaitUntilHealthyAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var attempt = 0; attempt < 450; attempt++)
        {
            if (_process.HasExited) throw new InvalidOperationException($"Die App hat sich beim Start beendet:\n{Output}");
            try
            {
                if ((await client.GetAsync($"{BaseUrl}/health")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(200);
        }
        throw new InvalidOperationException($"Die App wurde nicht bereit:\n{Output}");
    }

    /// <summary>SIGKILL: no shutdown code runs, exactly like a crash or a power cut of the process.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

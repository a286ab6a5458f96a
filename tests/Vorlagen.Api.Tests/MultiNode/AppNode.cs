using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.MultiNode;

/// <summary>
/// One real app process (<c>dotnet Vorlagen.Api.dll</c>, the build next to this test build) on a free
/// loopback port against a PostgreSQL database, as one node behind a load balancer. Its console log
/// (JSON lines) is kept for assertions. Disposing kills the process.
/// </summary>
public sealed class AppNode : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private AppNode(string name, Process process, string baseUrl) => (Name, _process, BaseUrl) = (name, process, baseUrl);

    public string Name { get; }
    public string BaseUrl { get; }

    public string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    /// <summary>One journal MAC key per test run, shared by every node (nodes of one database must share it).</summary>
    private static readonly string JournalKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>The app's build output (with db/ and workflows/), same configuration as this test build.</summary>
    public static string AppFolder { get; } = FindAppFolder();

    /// <summary>Starts the process; call <see cref="WaitUntilHealthyAsync"/> before sending requests.</summary>
    public static AppNode Start(string name, string connectionString, string? appFolder = null)
    {
        var folder = appFolder ?? AppFolder;
        var baseUrl = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet", [Path.Combine(folder, "Vorlagen.Api.dll")])
        {
            WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            Environment =
            {
                ["URLS"] = baseUrl, ["ASPNETCORE_ENVIRONMENT"] = "Development", ["DOTNET_NOLOGO"] = "1",
                ["Vorlagen__Database__Provider"] = "postgresql", ["ConnectionStrings__Vorlagen"] = connectionString,
                ["Vorlagen__DemoData"] = "true", ["Vorlagen__Timers__PollInterval"] = "00:00:00.2",
                ["Vorlagen__Auth__LoginRequestsPerMinute"] = "100000", ["Vorlagen__Auth__RequestsPerMinute"] = "100000",
                ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
                // One journal key and checkpoint file for all nodes of a database, as a real deployment configures them.
                ["Vorlagen__Journal__MacKey"] = JournalKey,
                ["Vorlagen__Journal__CheckpointFile"] = Path.Combine(Path.GetTempPath(), "vorlagen-nodes",
                    Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(connectionString)))[..16], "checkpoints.jsonl"),
            },
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var node = new AppNode(name, process, baseUrl);
        process.OutputDataReceived += (_, e) => node.Append(e.Data);
        process.ErrorDataReceived += (_, e) => node.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
    }

    /// <summary>Waits for GET /health = 200; fails with the node's log if it exits or does not come up in two minutes.</summary>
    public async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(2); // a guard against a hanging start, not a timed assertion
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"Node {Name} exited with {_process.ExitCode}:\n{Log}");
            try
            {
                if ((await http.GetAsync("/health")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Node {Name} did not become healthy:\n{Log}");
            await Task.Delay(100);
        }
    }

    /// <summary>A client of this node signed in as a demo user (password "demo"), or with the given bearer token.</summary>
    public async Task<HttpClient> ClientFor(string username)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        var response = await client.PostAsJsonAsync("/api/auth/token", new { username, password = "demo" });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>(VorlagenApp.Json)).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public Task ThrowIfExitedAsync() => _process.HasExited
        ? Task.FromException(new InvalidOperationException($"Node {Name} exited with {_process.ExitCode}:\n{Log}"))
        : Task.CompletedTask;

    /// <summary>How many log lines carry this text (the JSON console log has one event per line).</summary>
    public int LogLines(string text) => Log.Split('\n').Count(l => l.Contains(text, StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindAppFolder()
    {
        // tests/Vorlagen.Api.Tests/bin/<Configuration>/<tfm>/ → src/Vorlagen.Api/bin/<Configuration>/<tfm>/
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var folder = RepositoryPaths.Combine("src", "Vorlagen.Api", "bin", here.Parent!.Name, here.Name);
        return File.Exists(Path.Combine(folder, "Vorlagen.Api.dll"))
            ? folder
            : throw new InvalidOperationException($"The app build is missing at {folder}; build the solution first.");
    }
}

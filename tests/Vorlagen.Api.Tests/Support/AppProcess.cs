using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Vorlagen.Api.Tests.Support;

/// <summary>
/// The real app as a child process (<c>dotnet Vorlagen.Api.dll</c> from the API project's own build output) on a free
/// loopback port, for tests that must kill or restart it. Extra environment variables go to the child only.
/// </summary>
public sealed partial class AppProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AppProcess(string databaseFile, IReadOnlyDictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo(DotnetHost(), [
            ApiDll(), "--urls", "http://127.0.0.1:0", "--ConnectionStrings:Vorlagen", $"Data Source={databaseFile}",
            "--Vorlagen:Database:Provider", "sqlite", "--Vorlagen:DemoData", "true", "--Vorlagen:Auth:LoginRequestsPerMinute", "1000",
            "--Logging:LogLevel:Default", "Warning", "--Logging:LogLevel:Microsoft.Hosting.Lifetime", "Information",
        ])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(databaseFile)!,
        };
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        foreach (var (name, value) in environment) start.Environment[name] = value;
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        _process.Exited += (_, _) => _listening.TrySetException(new InvalidOperationException("The app exited during start-up:\n" + Output));
    }

    public Uri BaseAddress { get; private set; } = default!;
    public string Output { get { lock (_output) return _output.ToString(); } }
    public bool HasExited => _process.HasExited;

    public static async Task<AppProcess> StartAsync(string databaseFile, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var app = new AppProcess(databaseFile, environment ?? new Dictionary<string, string?>());
        app._process.Start();
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        try
        {
            app.BaseAddress = await app._listening.Task.WaitAsync(StartTimeout);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return app;
    }

    public HttpClient Client() => new() { BaseAddress = BaseAddress };

    /// <summary>A client with a bearer token of a demo user (password "demo").</summary>
    public async Task<HttpClient> ClientFor(string username)
    {
        var client = Client();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { username, password = "demo" });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>(VorlagenApp.Json)).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Waits until the process has ended by itself; returns its exit code.</summary>
    public async Task<int> WaitForExitAsync()
    {
        await _process.WaitForExitAsync().WaitAsync(StartTimeout);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private void OnLine(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
        if (line.Contains("Now listening on", StringComparison.Ordinal) && ListeningOn().Match(line) is { Success: true } match) _listening.TrySetResult(new Uri(match.Value));
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex ListeningOn();

    /// <summary>The API's own output of the same configuration as these tests (its deps and runtimeconfig, not ours).</summary>
    private static string ApiDll()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var dll = RepositoryPaths.Combine("src", "Vorlagen.Api", "bin", output.Parent!.Name, output.Name, "Vorlagen.Api.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the solution first; the API is missing at " + dll);
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}

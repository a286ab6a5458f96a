using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Vorlagen.Benchmarks.Api;

/// <summary>
/// A child process serving HTTP on a free loopback port: the Release Vorlagen server or the bare ASP.NET app. Its console output
/// is read and discarded (counted, to show how much it logs); its CPU time is read from /proc.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private long _outputBytes;

    private ServerProcess(Process process, Uri address, TimeSpan startup)
    {
        _process = process;
        Address = address;
        Startup = startup;
    }

    public Uri Address { get; }

    /// <summary>From process start to the first healthy response.</summary>
    public TimeSpan Startup { get; private set; }

    public int Pid => _process.Id;
    public long OutputBytes => Interlocked.Read(ref _outputBytes);

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Vorlagen.sln"))) return dir.FullName;
        throw new InvalidOperationException("Vorlagen.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The Release build of this checkout, or another build (e.g. a baseline copy) named by <c>VORLAGEN_BENCH_SERVER</c>.</summary>
    public static string ServerDll() => Environment.GetEnvironmentVariable("VORLAGEN_BENCH_SERVER") is { Length: > 0 } other
        ? Path.GetFullPath(other)
        : Path.Combine(RepositoryRoot(), "src", "Vorlagen.Api", "bin", "Release", "net10.0", "Vorlagen.Api.dll");

    /// <summary>The Vorlagen server on <paramref name="databasePath"/>; rate limits lifted (the benchmark is one client address).</summary>
    public static Task<ServerProcess> StartVorlagenAsync(string databasePath, bool demoData = true) =>
        StartAsync(ServerDll(), [], new Dictionary<string, string>
        {
            ["ConnectionStrings__Vorlagen"] = $"Data Source={databasePath}",
            ["Vorlagen__DemoData"] = demoData ? "true" : "false",
            ["Vorlagen__Auth__RequestsPerMinute"] = "1000000000",
            ["Vorlagen__Auth__LoginRequestsPerMinute"] = "1000000",
            ["Vorlagen__Timers__PollInterval"] = "00:10:00",
        });

    /// <summary>This program in <c>bare-app</c> mode: an empty ASP.NET Core app with a /health endpoint.</summary>
    public static Task<ServerProcess> StartBareAsync() =>
        StartAsync(typeof(ServerProcess).Assembly.Location, ["bare-app"], new Dictionary<string, string>());

    private static async Task<ServerProcess> StartAsync(string dll, string[] args, Dictionary<string, string> environment)
    {
        if (!File.Exists(dll)) throw new FileNotFoundException($"{dll} not found: build first (dotnet build -c Release tests/Vorlagen.Benchmarks).");
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in environment) start.Environment[name] = value;

        var clock = Stopwatch.StartNew();
        var process = Process.Start(start)!;
        var address = new Uri($"http://127.0.0.1:{port}");
        var server = new ServerProcess(process, address, TimeSpan.Zero);
        var errors = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) Interlocked.Add(ref server._outputBytes, e.Data.Length + 1); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (errors) errors.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = TimeSpan.FromMinutes(30); // a first start on a big database may fill derived columns
        while (clock.Elapsed < deadline)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"{Path.GetFileName(dll)} exited with {process.ExitCode} during start-up: {errors}");
            try
            {
                using var response = await http.GetAsync("/health");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    server.Startup = clock.Elapsed;
                    return server;
                }
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(10);
        }
        await server.DisposeAsync();
        throw new TimeoutException($"{Path.GetFileName(dll)} did not become healthy within {deadline}.");
    }

    /// <summary>User + system CPU time of the process so far.</summary>
    public TimeSpan CpuTime()
    {
        var stat = File.ReadAllText($"/proc/{Pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11]) + long.Parse(fields[12]); // utime, stime (fields 14, 15 of stat)
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM: a graceful stop checkpoints the SQLite WAL.
            Process.Start("kill", ["-TERM", _process.Id.ToString()])?.WaitForExit();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try { await _process.WaitForExitAsync(timeout.Token); }
            catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); await _process.WaitForExitAsync(); }
        }
        _process.Dispose();
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Vorlagen.Benchmarks;

/// <summary>
/// <c>soak</c> mode: starts the real server (<c>dotnet Vorlagen.Api.dll</c>, Release, a temp SQLite file, demo data) and drives
/// a steady write load against it over HTTP for a long time: each cycle drafts a Vorlage (with an Idempotency-Key), submits
/// it, releases it and reads it and a list. Prints the server's resident memory (VmRSS from /proc/&lt;pid&gt;/status) at every
/// interval, its min/median/max over the load, and again after an idle period at the end.
/// </summary>
internal static partial class Soak
{
    private sealed record Options(double Minutes, double IntervalSeconds, double CyclesPerSecond, int Concurrency, double IdleMinutes,
        string? Api, IReadOnlyDictionary<string, string> ServerEnvironment);

    private sealed record Sample(TimeSpan At, long RssKb, long AnonKb, int Threads, long Requests, long Errors, Mappings Memory);

    /// <summary>
    /// Where the anonymous memory sits, from /proc/&lt;pid&gt;/smaps: the GC's reserved range (the managed heap), glibc malloc
    /// arenas (64 MB reservations each, one per thread group that contended for malloc) and the main malloc heap.
    /// </summary>
    private sealed record Mappings(long GcKb, int Arenas, long ArenaKb, long BrkHeapKb);

    public static async Task<int> RunAsync(string[] args)
    {
        var options = Parse(args);
        var api = options.Api ?? DefaultApiPath();
        if (!File.Exists(api))
        {
            Console.Error.WriteLine($"Server not found at {api}; build it (dotnet build -c Release tests/Vorlagen.Benchmarks) or pass --api <path to Vorlagen.Api.dll>.");
            return 2;
        }
        var folder = Directory.CreateTempSubdirectory("vorlagen-soak-").FullName;
        Console.WriteLine($"Vorlagen soak: {options.Minutes:0.#} min of writes at {options.CyclesPerSecond:0.#} cycles/s (3 writes + 2 reads each), " +
            $"at most {options.Concurrency} in flight, RSS every {options.IntervalSeconds:0} s, then {options.IdleMinutes:0.#} min idle");
        Console.WriteLine($"server: {api}");
        Console.WriteLine($"machine: {Environment.ProcessorCount} logical cores; server environment: " +
            (options.ServerEnvironment.Count == 0 ? "as inherited" : string.Join(" ", options.ServerEnvironment.Select(e => $"{e.Key}={e.Value}"))));
        using var server = StartServer(api, folder, options.ServerEnvironment);
        try
        {
            var baseAddress = await WaitForAddressAsync(server);
            using var clerk = await ClientAsync(baseAddress, "kyf.clerk");
            using var landraetin = await ClientAsync(baseAddress, "kyf.landraetin");
            var bodyId = (await clerk.GetFromJsonAsync<JsonElement>("/api/bodies")).GetProperty("items").EnumerateArray()
                .Single(b => b.GetProperty("bodyKey").GetString() == "kyffhaeuserkreis").GetProperty("id").GetInt64();
            var load = new Load(clerk, landraetin, bodyId);

            var started = ReadStatus(server.Id);
            Console.WriteLine($"after start-up (demo data loaded, signed in): RSS {Mb(started.RssKb)} (anon {Mb(started.AnonKb)}), {started.Threads} threads");
            Console.WriteLine("    time        RSS       anon   GC heap  arenas (RSS)  brk heap threads   requests  per s errors");
            var samples = await DriveAsync(load, server.Id, options);

            var afterLoad = samples[^1];
            var idleUntil = DateTime.UtcNow.AddMinutes(options.IdleMinutes);
            var idle = new List<long>();
            while (DateTime.UtcNow < idleUntil)
            {
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(options.IntervalSeconds, Math.Max(1, (idleUntil - DateTime.UtcNow).TotalSeconds))));
                idle.Add(ReadStatus(server.Id).RssKb);
            }
            Summarize(samples, started, afterLoad, idle, options, load);
            return load.Errors == 0 ? 0 : 1;
        }
        finally
        {
            if (!server.HasExited) server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<List<Sample>> DriveAsync(Load load, int pid, Options options)
    {
        var clock = Stopwatch.StartNew();
        var duration = TimeSpan.FromMinutes(options.Minutes);
        var interval = TimeSpan.FromSeconds(options.IntervalSeconds);
        var samples = new List<Sample>();
        var inFlight = new List<Task>();
        var next = interval;
        var lastRequests = 0L;
        using var ticker = new PeriodicTimer(TimeSpan.FromSeconds(1 / options.CyclesPerSecond));
        while (clock.Elapsed < duration && await ticker.WaitForNextTickAsync())
        {
            inFlight.RemoveAll(t => t.IsCompleted);
            if (inFlight.Count < options.Concurrency) inFlight.Add(load.CycleAsync());
            else load.Skipped++;
            if (clock.Elapsed < next) continue;
            var status = ReadStatus(pid);
            var sample = new Sample(clock.Elapsed, status.RssKb, status.AnonKb, status.Threads, load.Requests, load.Errors, ReadMappings(pid));
            samples.Add(sample);
            Console.WriteLine($"{Format(sample.At),8} {Mb(sample.RssKb),10} {Mb(sample.AnonKb),10} {Mb(sample.Memory.GcKb),10} " +
                $"{sample.Memory.Arenas,3} {Mb(sample.Memory.ArenaKb),10} {Mb(sample.Memory.BrkHeapKb),9} {sample.Threads,7} {sample.Requests,10:N0} " +
                $"{(sample.Requests - lastRequests) / options.IntervalSeconds,6:0.0} {sample.Errors,6:N0}");
            lastRequests = sample.Requests;
            next += interval;
        }
        await Task.WhenAll(inFlight);
        if (samples.Count == 0 || clock.Elapsed - samples[^1].At > TimeSpan.FromSeconds(1))
        {
            var status = ReadStatus(pid);
            samples.Add(new Sample(clock.Elapsed, status.RssKb, status.AnonKb, status.Threads, load.Requests, load.Errors, ReadMappings(pid)));
        }
        return samples;
    }

    private static void Summarize(List<Sample> samples, (long RssKb, long AnonKb, int Threads) started, Sample afterLoad, List<long> idle,
        Options options, Load load)
    {
        // The first tenth of the run (at least one sample) is warm-up: caches and pools fill, the JIT finishes.
        var steady = samples.Skip(Math.Max(1, samples.Count / 10)).Select(s => s.RssKb).Order().ToList();
        if (steady.Count == 0) steady = [.. samples.Select(s => s.RssKb).Order()];
        Console.WriteLine();
        Console.WriteLine($"load: {load.Requests:N0} requests in {Format(afterLoad.At)} ({load.Requests / afterLoad.At.TotalSeconds:0.0}/s), " +
            $"{load.Errors:N0} errors, {load.Skipped:N0} cycles skipped (all {options.Concurrency} busy)");
        if (load.FirstError is { } error) Console.WriteLine($"first error: {error}");
        Console.WriteLine($"RSS after start-up {Mb(started.RssKb)}; during the load after warm-up ({steady.Count} samples): " +
            $"min {Mb(steady[0])}, median {Mb(steady[steady.Count / 2])}, max {Mb(steady[^1])}; at the end of the load {Mb(afterLoad.RssKb)}");
        if (idle.Count > 0) Console.WriteLine($"RSS after {options.IdleMinutes:0.#} min idle: {Mb(idle[^1])}");
        var firstHalf = samples.Take(samples.Count / 2).Skip(Math.Max(1, samples.Count / 10)).Select(s => s.RssKb).DefaultIfEmpty().Max();
        var secondHalf = samples.Skip(samples.Count / 2).Select(s => s.RssKb).DefaultIfEmpty().Max();
        Console.WriteLine($"max RSS first half {Mb(firstHalf)}, second half {Mb(secondHalf)} (flat: the second half does not keep climbing)");
    }

    /// <summary>One user-visible unit of work: draft (idempotent create), submit, release, read the paper and a list page.</summary>
    private sealed class Load(HttpClient clerk, HttpClient landraetin, long bodyId)
    {
        private static readonly string Reasoning = string.Concat(Enumerable.Repeat(
            "Die Herausforderungen der Grundversorgung geflüchteter Menschen wurden erfolgreich bewältigt. ", 40));
        private long _requests;
        private long _errors;
        private int _sequence;

        public long Requests => Interlocked.Read(ref _requests);
        public long Errors => Interlocked.Read(ref _errors);
        public long Skipped { get; set; }
        public string? FirstError { get; private set; }

        public async Task CycleAsync()
        {
            var n = Interlocked.Increment(ref _sequence);
            try
            {
                var create = new HttpRequestMessage(HttpMethod.Post, "/api/papers")
                {
                    Content = JsonContent.Create(new
                    {
                        bodyId, title = $"Dauerlast {n}: Integrationskonzept", date = "2021-02-15", originator = "Die Landrätin",
                        proposal = "Der Kreistag beschließt das Integrationskonzept.", reasoning = Reasoning, @public = n % 4 != 0,
                    }),
                };
                create.Headers.Add("Idempotency-Key", $"soak-{n}");
                var paper = await SendAsync(clerk, create);
                var id = paper.GetProperty("id").GetInt64();
                await SendAsync(clerk, new HttpRequestMessage(HttpMethod.Post, $"/api/papers/{id}/actions/submit") { Content = JsonContent.Create(new { }) });
                await SendAsync(landraetin, new HttpRequestMessage(HttpMethod.Post, $"/api/papers/{id}/actions/release") { Content = JsonContent.Create(new { }) });
                await SendAsync(clerk, new HttpRequestMessage(HttpMethod.Get, $"/api/papers/{id}"));
                await SendAsync(clerk, new HttpRequestMessage(HttpMethod.Get, $"/api/papers?q=Integrationskonzept&page={1 + n % 5}&pageSize=20"));
            }
            catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TaskCanceledException)
            {
                if (Interlocked.Increment(ref _errors) == 1) FirstError = ex.Message;
            }
        }

        private async Task<JsonElement> SendAsync(HttpClient client, HttpRequestMessage request)
        {
            using var response = await client.SendAsync(request);
            Interlocked.Increment(ref _requests);
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"{request.Method} {request.RequestUri} answered {(int)response.StatusCode}: {body[..Math.Min(300, body.Length)]}");
            return JsonSerializer.Deserialize<JsonElement>(body);
        }
    }

    private static Process StartServer(string api, string folder, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet", [
            api, "--urls", "http://127.0.0.1:0", "--ConnectionStrings:Vorlagen", $"Data Source={Path.Combine(folder, "soak.db")}",
            "--Vorlagen:Database:Provider", "sqlite", "--Vorlagen:DemoData", "true",
            "--Vorlagen:Auth:RequestsPerMinute", "1000000", "--Vorlagen:Auth:LoginRequestsPerMinute", "1000",
            "--Logging:LogLevel:Default", "Warning", "--Logging:LogLevel:Microsoft.Hosting.Lifetime", "Information",
        ])
        { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = folder };
        foreach (var (name, value) in environment) start.Environment[name] = value;
        return Process.Start(start)!;
    }

    private static async Task<Uri> WaitForAddressAsync(Process server)
    {
        // Only the start-up lines are of interest; afterwards both streams are drained so the server never blocks on a full pipe.
        _ = server.StandardError.BaseStream.CopyToAsync(Stream.Null);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (await server.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Contains("Now listening on", StringComparison.Ordinal) && Address().Match(line) is { Success: true } match)
            {
                _ = server.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
                return new Uri(match.Value);
            }
        }
        throw new InvalidOperationException("The server ended before it listened.");
    }

    private static async Task<HttpClient> ClientAsync(Uri baseAddress, string username)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var response = await client.PostAsJsonAsync("/api/auth/token", new { username, password = "demo" });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static (long RssKb, long AnonKb, int Threads) ReadStatus(int pid)
    {
        long rss = 0, anon = 0;
        var threads = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) rss = Kb(line);
            else if (line.StartsWith("RssAnon:", StringComparison.Ordinal)) anon = Kb(line);
            else if (line.StartsWith("Threads:", StringComparison.Ordinal)) threads = int.Parse(line[8..].Trim(), CultureInfo.InvariantCulture);
        }
        return (rss, anon, threads);
    }

    private static Mappings ReadMappings(int pid)
    {
        var maps = new List<(long Start, long End, string Perms, string Path, long RssKb)>();
        foreach (var line in File.ReadLines($"/proc/{pid}/smaps"))
        {
            var parts = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 5 && parts[0].Split('-') is [var from, var to] && IsHex(from) && IsHex(to))
                maps.Add((Convert.ToInt64(from, 16), Convert.ToInt64(to, 16), parts[1], parts.Length > 5 ? parts[5].Trim() : "", 0));
            else if (line.StartsWith("Rss:", StringComparison.Ordinal) && maps.Count > 0)
                maps[^1] = maps[^1] with { RssKb = Kb(line) };
        }
        // A glibc arena is a 64 MB-aligned reservation: its used part is read-write, the rest inaccessible up to the next 64 MB.
        const long arenaSize = 64L << 20;
        var arenas = maps.Where((m, i) => m.Path.Length == 0 && m.Perms == "rw-p" && m.Start % arenaSize == 0
            && (m.End - m.Start == arenaSize || (i + 1 < maps.Count && maps[i + 1].Start == m.End && maps[i + 1].End == m.Start + arenaSize)))
            .ToList();
        // The GC reserves 256 GB for its regions; what is resident inside that range is the managed heap.
        var gc = maps.Where(m => m.Path.Length == 0 && m.End - m.Start >= 64L << 30).Select(m => m.End).DefaultIfEmpty().Max();
        var gcKb = gc == 0 ? 0 : maps.Where(m => m.Path.Length == 0 && m.Start >= gc - (256L << 30) && m.End <= gc).Sum(m => m.RssKb);
        return new Mappings(gcKb, arenas.Count, arenas.Sum(a => a.RssKb), maps.Where(m => m.Path == "[heap]").Sum(m => m.RssKb));
    }

    private static bool IsHex(string text) => text.Length > 0 && text.All(char.IsAsciiHexDigit);

    private static long Kb(string line) => long.Parse(line.Split(':', 2)[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture);

    private static string Mb(long kb) => $"{kb / 1024.0:0.0} MB";

    private static string Format(TimeSpan t) => $"{(int)t.TotalMinutes}:{t.Seconds:00}";

    private static Options Parse(string[] args)
    {
        double minutes = 60, interval = 60, rate = 5, idle = 2;
        var concurrency = 4;
        string? api = null;
        var environment = new Dictionary<string, string>();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--minutes": minutes = double.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--interval-seconds": interval = double.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--rate": rate = double.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--concurrency": concurrency = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--idle-minutes": idle = double.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--api": api = Value(); break;
                case "--server-env":
                    var pair = Value().Split('=', 2);
                    environment[pair[0]] = pair.Length == 2 ? pair[1] : throw new ArgumentException("--server-env takes NAME=VALUE");
                    break;
                default: throw new ArgumentException($"unknown option {args[i]}; see Soak.cs");
            }
        }
        return new Options(minutes, interval, rate, concurrency, idle, api, environment);
    }

    /// <summary>The API's build output of the same configuration as this program (the project reference builds it first).</summary>
    private static string DefaultApiPath()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        for (var dir = output; dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Vorlagen.sln")))
                return Path.Combine(dir.FullName, "src", "Vorlagen.Api", "bin", output.Parent!.Name, output.Name, "Vorlagen.Api.dll");
        return "Vorlagen.Api.dll";
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex Address();
}

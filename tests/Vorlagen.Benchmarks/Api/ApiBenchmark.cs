using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Vorlagen.Benchmarks.Api;

/// <summary>
/// <c>api</c> mode: the Release server over HTTP on archives of 1k, 100k and 1M papers (lists, filters, search, Meine Aufgaben,
/// detail), write throughput at 1/4/16 clients and start-up time, with two floors measured in the same run: a bare ASP.NET
/// Core app (latency, start-up) and a raw SQLite commit loop (commits/s). Every figure is taken in each of ≥ 3 interleaved
/// rounds and printed as min / median / max with its ratio to the floor. <c>--quick</c>: 1k and 100k only, shorter rounds.
/// </summary>
internal static class ApiBenchmark
{
    private sealed record Options(int[] Sizes, int Rounds, int Samples, TimeSpan Budget, TimeSpan WriteDuration, int[] Clients, TimeSpan Timeout);

    public static async Task<int> RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var options = new Options(
            Sizes: Value(args, "--sizes") is { } sizes ? [.. sizes.Split(',').Select(ParseSize)] : quick ? [1_000, 100_000] : [1_000, 100_000, 1_000_000],
            Rounds: Math.Max(3, int.Parse(Value(args, "--rounds") ?? "3")),
            Samples: quick ? 20 : 50,
            Budget: TimeSpan.FromSeconds(quick ? 3 : 6),
            WriteDuration: TimeSpan.FromSeconds(quick ? 2 : 5),
            Clients: [1, 4, 16],
            Timeout: TimeSpan.FromSeconds(double.Parse(Value(args, "--timeout") ?? "30")));
        Console.WriteLine($"Vorlagen API benchmark{(quick ? " (--quick)" : "")}: Release server over loopback HTTP, {options.Rounds} interleaved rounds");
        Console.WriteLine($"machine: {Machine.Describe()}");
        Console.WriteLine($"load average at start: {Machine.LoadAverage()}");

        var databases = new Dictionary<int, string>();
        foreach (var size in options.Sizes) databases[size] = await ArchiveDatabase.EnsureAsync(size);

        var work = Directory.CreateTempSubdirectory("vorlagen-api-bench-").FullName;
        var figures = new Figures();
        var servers = new Dictionary<int, Archive>();
        try
        {
            foreach (var size in options.Sizes) servers[size] = await Archive.OpenAsync(size, databases[size]);
            await using var bare = await ServerProcess.StartBareAsync();
            using var bareClient = ApiClient.Anonymous(bare.Address);
            var small = options.Sizes.Min();
            for (var round = 1; round <= options.Rounds; round++)
            {
                Console.WriteLine($"round {round}/{options.Rounds} (load average {Machine.LoadAverage()})");
                await MeasureAsync(figures, "floor: bare ASP.NET GET /health", bareClient, HttpMethod.Get, "/health", options, round);
                SqliteFloor(figures, work, "NORMAL");
                SqliteFloor(figures, work, "FULL");
                foreach (var size in options.Sizes) await ReadsAsync(figures, servers[size], options, round);
                await WritesAsync(figures, databases[small], work, options);
                await StartupAsync(figures, databases[small], work);
            }
        }
        finally
        {
            foreach (var archive in servers.Values) await archive.DisposeAsync();
            Directory.Delete(work, recursive: true);
        }
        Print(figures, options);
        Console.WriteLine($"load average at the end: {Machine.LoadAverage()}");
        return 0;
    }

    /// <summary>A running server on one cached archive with the signed-in clients the figures use.</summary>
    private sealed class Archive : IAsyncDisposable
    {
        public required int Size { get; init; }
        public required ServerProcess Server { get; init; }
        public required ApiClient Anonymous { get; init; }
        public required ApiClient Clerk { get; init; }
        public required ApiClient Member { get; init; }
        public required ApiClient Chair { get; init; }
        public required long KreistagId { get; init; }
        public required long ArchivedPaperId { get; init; }

        public static async Task<Archive> OpenAsync(int size, string database)
        {
            var server = await ServerProcess.StartVorlagenAsync(database);
            var clerk = await ApiClient.SignInAsync(server.Address, ArchiveDatabase.Clerk);
            var body = await ArchiveDatabase.BodyIdAsync(clerk);
            var kreistag = (await clerk.GetJsonAsync($"/api/organizations?bodyId={body}")).GetProperty("items").EnumerateArray()
                .First(o => o.GetProperty("kind").GetString() == "kreistag").GetProperty("id").GetInt64();
            var anonymous = ApiClient.Anonymous(server.Address);
            var page = await anonymous.GetJsonAsync("/api/papers?pageSize=1&year=2010");
            return new Archive
            {
                Size = size, Server = server, Anonymous = anonymous, Clerk = clerk, KreistagId = kreistag,
                Member = await ApiClient.SignInAsync(server.Address, "kyf.member"),
                Chair = await ApiClient.SignInAsync(server.Address, "kyf.chair.soziales"),
                ArchivedPaperId = page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetInt64()).FirstOrDefault(),
            };
        }

        public async ValueTask DisposeAsync()
        {
            Anonymous.Dispose(); Clerk.Dispose(); Member.Dispose(); Chair.Dispose();
            await Server.DisposeAsync();
        }
    }

    private static async Task ReadsAsync(Figures figures, Archive a, Options options, int round)
    {
        var n = a.Size.ToString("N0");
        var get = HttpMethod.Get;
        await MeasureAsync(figures, $"list page 1, anonymous, {n}", a.Anonymous, get, "/api/papers", options, round);
        await MeasureAsync(figures, $"list page 1, clerk, {n}", a.Clerk, get, "/api/papers", options, round);
        await MeasureAsync(figures, $"list page 1, member, {n}", a.Member, get, "/api/papers", options, round);
        await MeasureAsync(figures, $"list page 500, anonymous, {n}", a.Anonymous, get, "/api/papers?page=500", options, round);
        await MeasureAsync(figures, $"list page 500, member, {n}", a.Member, get, "/api/papers?page=500", options, round);
        await MeasureAsync(figures, $"status + year, anonymous, {n}", a.Anonymous, get, "/api/papers?status=signed&year=2020", options, round);
        await MeasureAsync(figures, $"status + year, member, {n}", a.Member, get, "/api/papers?status=decided&year=2020", options, round);
        await MeasureAsync(figures, $"Gremium + type + year, clerk, {n}", a.Clerk, get,
            $"/api/papers?organizationId={a.KreistagId}&paperType=Beschlussvorlage&year=2015", options, round);
        await MeasureAsync(figures, $"status rejected, page 20, anonymous, {n}", a.Anonymous, get, "/api/papers?status=rejected&page=20", options, round);
        await MeasureAsync(figures, $"q= rare word, anonymous, {n}", a.Anonymous, get, $"/api/papers?q={ArchiveDatabase.RareWord}", options, round);
        // search: two words (a rare one with a common one), in titles and in the Anlagen's texts; and two common words (most papers match).
        await MeasureAsync(figures, $"search two words (title), anonymous, {n}", a.Anonymous, get, $"/api/papers?q=Sanierung%20{ArchiveDatabase.RareWord}", options, round);
        await MeasureAsync(figures, $"search two words (Anlagen), clerk, {n}", a.Clerk, get, $"/api/papers?q={ArchiveDatabase.AnlageWord}%20Radweg", options, round);
        await MeasureAsync(figures, $"search two common words, anonymous, {n}", a.Anonymous, get, "/api/papers?q=Radweg%20Photovoltaik", options, round);
        await MeasureAsync(figures, $"Meine Aufgaben, clerk ({ArchiveDatabase.OpenPapers(a.Size):N0} open), {n}", a.Clerk, get, "/api/tasks", options, round);
        await MeasureAsync(figures, $"Meine Aufgaben, chair, {n}", a.Chair, get, "/api/tasks", options, round);
        if (a.ArchivedPaperId > 0)
            await MeasureAsync(figures, $"detail, anonymous, {n}", a.Anonymous, get, $"/api/papers/{a.ArchivedPaperId}", options, round);
    }

    /// <summary>Sequential requests until the sample count or the time budget is reached (at least 3); p50 and p99 of the round.</summary>
    /// <summary>A request slower than --timeout ends the figure: it is printed as "≥ timeout" and not measured again.</summary>
    private static async Task MeasureAsync(Figures figures, string name, ApiClient client, HttpMethod method, string path, Options options, int round)
    {
        if (figures.TimedOut(name + " | p50"))
        {
            figures.Add(name + " | p50", options.Timeout.TotalMilliseconds);
            figures.Add(name + " | p99", options.Timeout.TotalMilliseconds);
            return;
        }
        var sample = new List<double>();
        try
        {
            using var timeout = new CancellationTokenSource(options.Timeout * (round == 1 ? 3 : options.Samples));
            if (round == 1)
                for (var i = 0; i < 2; i++) await client.TimeAsync(method, path, cancellationToken: timeout.Token); // warm-up (JIT, caches)
            var clock = Stopwatch.StartNew();
            while (sample.Count < options.Samples && (sample.Count < 3 || clock.Elapsed < options.Budget))
            {
                using var one = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
                one.CancelAfter(options.Timeout);
                sample.Add((await client.TimeAsync(method, path, cancellationToken: one.Token)).TotalMilliseconds);
            }
        }
        catch (OperationCanceledException)
        {
            Console.WriteLine($"  {name}: a request took longer than {options.Timeout.TotalSeconds:0} s; not measured again");
            figures.MarkTimedOut(name + " | p50");
            figures.MarkTimedOut(name + " | p99");
            figures.Add(name + " | p50", options.Timeout.TotalMilliseconds);
            figures.Add(name + " | p99", options.Timeout.TotalMilliseconds);
            return;
        }
        figures.Add(name + " | p50", Figures.Percentile(sample, 50));
        figures.Add(name + " | p99", Figures.Percentile(sample, 99));
    }

    /// <summary>One-row write transactions in a loop for one second: the commit rate the disk and SQLite allow.</summary>
    private static void SqliteFloor(Figures figures, string folder, string synchronous)
    {
        var path = Path.Combine(folder, $"floor-{synchronous}.db");
        using var connection = new SqliteConnection($"Data Source={path};Pooling=false");
        connection.Open();
        using (var setup = connection.CreateCommand())
        {
            setup.CommandText = $"PRAGMA journal_mode=WAL; PRAGMA synchronous={synchronous}; CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, v TEXT NOT NULL);";
            setup.ExecuteNonQuery();
        }
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO t (v) VALUES ($v)";
        var value = insert.Parameters.Add("$v", SqliteType.Text);
        var commits = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(1))
        {
            using var transaction = connection.BeginTransaction();
            insert.Transaction = transaction;
            value.Value = "row " + commits;
            insert.ExecuteNonQuery();
            transaction.Commit();
            commits++;
        }
        figures.Add($"floor: raw SQLite commits/s (WAL, synchronous={synchronous})", commits / clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// Each client owns one draft and alternates submit (clerk) and return (Landrätin): every request is one workflow transition
    /// through the API. Runs on a fresh copy of the small archive.
    /// </summary>
    private static async Task WritesAsync(Figures figures, string database, string folder, Options options)
    {
        var copy = Path.Combine(folder, "writes.db");
        File.Copy(database, copy, overwrite: true);
        try
        {
            await using var server = await ServerProcess.StartVorlagenAsync(copy);
            using var clerk = await ApiClient.SignInAsync(server.Address, ArchiveDatabase.Clerk);
            using var landraetin = await ApiClient.SignInAsync(server.Address, "kyf.landraetin");
            var body = await ArchiveDatabase.BodyIdAsync(clerk);
            var drafts = new List<long>();
            for (var i = 0; i < options.Clients.Max(); i++)
                drafts.Add((await clerk.PostJsonAsync("/api/papers", new
                {
                    bodyId = body, title = $"Schreiblast {i}", originator = "Abteilung 2", proposal = "Der Kreistag beschließt.", reasoning = "Begründung.",
                })).GetProperty("id").GetInt64());
            foreach (var id in drafts.Take(2)) // warm-up
            {
                await clerk.TimeAsync(HttpMethod.Post, $"/api/papers/{id}/actions/submit");
                await landraetin.TimeAsync(HttpMethod.Post, $"/api/papers/{id}/actions/return");
            }
            foreach (var clients in options.Clients)
            {
                var latencies = new List<double>[clients];
                var cpu = server.CpuTime();
                var logged = server.OutputBytes;
                var clock = Stopwatch.StartNew();
                await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
                {
                    var own = latencies[c] = [];
                    var submitted = false;
                    while (clock.Elapsed < options.WriteDuration)
                    {
                        own.Add((submitted
                            ? await landraetin.TimeAsync(HttpMethod.Post, $"/api/papers/{drafts[c]}/actions/return")
                            : await clerk.TimeAsync(HttpMethod.Post, $"/api/papers/{drafts[c]}/actions/submit")).TotalMilliseconds);
                        submitted = !submitted;
                    }
                    if (submitted) await landraetin.TimeAsync(HttpMethod.Post, $"/api/papers/{drafts[c]}/actions/return");
                }));
                var elapsed = clock.Elapsed.TotalSeconds;
                var all = latencies.SelectMany(l => l).ToList();
                figures.Add($"writes: transitions/s, {clients} client(s)", all.Count / elapsed);
                figures.Add($"writes: p99 ms, {clients} client(s)", Figures.Percentile(all, 99));
                figures.Add($"writes: server CPU ms per transition, {clients} client(s)", (server.CpuTime() - cpu).TotalMilliseconds / all.Count);
                figures.Add($"writes: log bytes per transition, {clients} client(s)", (server.OutputBytes - logged) / (double)all.Count);
            }
        }
        finally
        {
            foreach (var file in Directory.GetFiles(folder, "writes.db*")) File.Delete(file);
        }
    }

    private static async Task StartupAsync(Figures figures, string database, string folder)
    {
        await using (var bare = await ServerProcess.StartBareAsync())
            figures.Add("start-up: bare ASP.NET app, ms", bare.Startup.TotalMilliseconds);
        var copy = Path.Combine(folder, "startup.db");
        File.Copy(database, copy, overwrite: true);
        await using (var existing = await ServerProcess.StartVorlagenAsync(copy))
            figures.Add("start-up: Vorlagen, existing database, ms", existing.Startup.TotalMilliseconds);
        var fresh = Path.Combine(folder, "fresh.db");
        await using (var created = await ServerProcess.StartVorlagenAsync(fresh))
            figures.Add("start-up: Vorlagen, fresh database (migrate + demo data), ms", created.Startup.TotalMilliseconds);
        foreach (var file in Directory.GetFiles(folder, "startup.db*").Concat(Directory.GetFiles(folder, "fresh.db*"))) File.Delete(file);
    }

    private static void Print(Figures f, Options options)
    {
        const string bare = "floor: bare ASP.NET GET /health";
        var bareP50 = f.Median(bare + " | p50");
        Console.WriteLine();
        Console.WriteLine($"Figures: min / median / max over {options.Rounds} rounds (each round: up to {options.Samples} sequential requests per list figure).");
        Console.WriteLine($"{"floor: bare ASP.NET GET /health, 1 client",-64} p50 {f.Spread(bare + " | p50", "0.00")} ms, p99 {f.Spread(bare + " | p99", "0.00")} ms");
        Console.WriteLine($"{"floor: raw SQLite commits/s, WAL, synchronous=NORMAL",-64} {f.Spread("floor: raw SQLite commits/s (WAL, synchronous=NORMAL)", "0")}");
        Console.WriteLine($"{"floor: raw SQLite commits/s, WAL, synchronous=FULL",-64} {f.Spread("floor: raw SQLite commits/s (WAL, synchronous=FULL)", "0")}");
        Console.WriteLine();
        Console.WriteLine($"{"reads (ms)",-64} {"p50 min / med / max",-26} {"p99 min / med / max",-26} p99 ÷ bare p50");
        foreach (var name in ReadFigures(f))
            Console.WriteLine($"{name,-64} {f.Spread(name + " | p50"),-26} {f.Spread(name + " | p99"),-26} {f.Median(name + " | p99") / bareP50,8:0}×");
        Console.WriteLine();
        var normal = f.Median("floor: raw SQLite commits/s (WAL, synchronous=NORMAL)");
        var full = f.Median("floor: raw SQLite commits/s (WAL, synchronous=FULL)");
        Console.WriteLine($"{"writes (submit/return through the API)",-40} {"transitions/s",-26} {"÷ NORMAL",-9} {"÷ FULL",-8} {"p99 ms",-26} {"CPU ms/transition",-22} log bytes/transition");
        foreach (var clients in options.Clients)
        {
            var rate = $"writes: transitions/s, {clients} client(s)";
            Console.WriteLine($"{$"{clients} client(s)",-40} {f.Spread(rate, "0"),-26} {f.Median(rate) / normal,-9:0.000} {f.Median(rate) / full,-8:0.00} " +
                $"{f.Spread($"writes: p99 ms, {clients} client(s)"),-26} {f.Spread($"writes: server CPU ms per transition, {clients} client(s)", "0.00"),-22} " +
                $"{f.Median($"writes: log bytes per transition, {clients} client(s)"):0}");
        }
        Console.WriteLine();
        var bareStart = f.Median("start-up: bare ASP.NET app, ms");
        foreach (var name in new[] { "start-up: bare ASP.NET app, ms", "start-up: Vorlagen, existing database, ms", "start-up: Vorlagen, fresh database (migrate + demo data), ms" })
            Console.WriteLine($"{name,-64} {f.Spread(name, "0"),-26} {f.Median(name) / bareStart:0.00}× bare");
    }

    private static IEnumerable<string> ReadFigures(Figures f)
    {
        var seen = new HashSet<string>();
        foreach (var name in f.Names())
            if (name.EndsWith(" | p50") && !name.StartsWith("floor") && seen.Add(name[..^6])) yield return name[..^6];
    }

    private static string? Value(string[] args, string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    private static int ParseSize(string text) => text.Trim().ToLowerInvariant() switch
    {
        var t when t.EndsWith('m') => int.Parse(t[..^1]) * 1_000_000,
        var t when t.EndsWith('k') => int.Parse(t[..^1]) * 1_000,
        var t => int.Parse(t),
    };
}

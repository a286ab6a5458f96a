using System.Diagnostics;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Vorlagen.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/Vorlagen.Benchmarks -- oparl</c>: starts the Release build of the app on a
/// temp SQLite file, bulk-inserts 10,000 papers into one demo body (a tenth non-public), then crawls that body's OParl
/// lists page by page like a harvester and prints the time per list page (min/median/max) and the whole crawl. Floor:
/// a static file from the same app in the same run. Also single paper objects and a <c>modified_since</c> page.
/// </summary>
internal static class OParlBenchmark
{
    private const int Papers = 10_000;
    private const string BodyKey = "kyffhaeuserkreis";

    public static async Task RunAsync()
    {
        var root = RepositoryRoot();
        var dll = Path.Combine(root, "src", "Vorlagen.Api", "bin", "Release", "net10.0", "Vorlagen.Api.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"{dll} fehlt: dotnet build -c Release src/Vorlagen.Api");
        var folder = Directory.CreateTempSubdirectory("vorlagen-oparl-bench-").FullName;
        var database = Path.Combine(folder, "vorlagen.db");
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        using var app = Process.Start(new ProcessStartInfo("dotnet", $"\"{dll}\"")
        {
            WorkingDirectory = Path.Combine(root, "src", "Vorlagen.Api"), RedirectStandardOutput = true, RedirectStandardError = true,
            Environment =
            {
                ["URLS"] = baseUrl, ["ConnectionStrings__Vorlagen"] = $"Data Source={database}", ["Vorlagen__DemoData"] = "true",
                ["Vorlagen__Auth__RequestsPerMinute"] = "100000000", ["Logging__LogLevel__Default"] = "Warning",
            },
        })!;
        app.OutputDataReceived += (_, _) => { };
        app.ErrorDataReceived += (_, _) => { };
        app.BeginOutputReadLine();
        app.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
            await WaitForAsync(http);
            var bodyId = Seed(database);
            Console.WriteLine($"OParl crawl benchmark: {Papers:N0} papers in one body ({Papers / 10:N0} of them non-public), Release build, SQLite");

            var floor = new List<double>();
            for (var i = 0; i < 50; i++) await TimeAsync(http, "/css/site.css", floor); // warm-up of the static path
            floor.Clear();
            var pages = new Dictionary<string, List<double>>();
            var crawl = Stopwatch.StartNew();
            var requests = 0;
            foreach (var list in new[] { "organization", "paper", "consultation", "person", "meeting", "file" })
            {
                var times = pages[list] = [];
                string? next = $"/oparl/v1.1/body/{bodyId}/{list}";
                while (next is not null)
                {
                    var page = await TimeAsync(http, next, times);
                    requests++;
                    await TimeAsync(http, "/css/site.css", floor); // interleaved floor
                    next = page["links"]!["next"]?.GetValue<string>();
                }
            }
            crawl.Stop();
            Console.WriteLine($"full list crawl of the body: {requests} list pages (100 objects each) in {crawl.Elapsed.TotalSeconds:N1} s");
            foreach (var (list, times) in pages.Where(p => p.Value.Count > 0)) Print($"  {list} list page", times);
            Print("  floor: static file, same app", floor);

            var objects = new List<double>();
            for (var id = 2; id <= Papers; id += 10) await TimeAsync(http, $"/oparl/v1.1/paper/{id}", objects, allowNotFound: true);
            Print("  single paper object (every 10th)", objects);
            var since = new List<double>();
            for (var i = 0; i < 20; i++)
                await TimeAsync(http, $"/oparl/v1.1/body/{bodyId}/paper?modified_since={Uri.EscapeDataString("2000-01-01T00:00:00+01:00")}", since);
            Print("  paper list page with modified_since", since);
        }
        finally
        {
            app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync();
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<JsonObject> TimeAsync(HttpClient http, string url, List<double> times, bool allowNotFound = false)
    {
        var watch = Stopwatch.StartNew();
        using var response = await http.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        watch.Stop();
        if (!response.IsSuccessStatusCode && !(allowNotFound && (int)response.StatusCode == 404))
            throw new InvalidOperationException($"{url}: {(int)response.StatusCode} {text}");
        times.Add(watch.Elapsed.TotalMilliseconds);
        return response.Content.Headers.ContentType?.MediaType == "application/json" ? JsonNode.Parse(text)!.AsObject() : [];
    }

    private static void Print(string label, List<double> times)
    {
        var sorted = times.Order().ToList();
        Console.WriteLine($"{label}: median {sorted[sorted.Count / 2]:N1} ms (min {sorted[0]:N1}, max {sorted[^1]:N1}) over {sorted.Count} requests");
    }

    /// <summary>Inserts the papers in one transaction: released, each with the body's three-step Beratungsfolge, most with results.</summary>
    private static long Seed(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database}");
        connection.Open();
        connection.Execute("PRAGMA busy_timeout=5000;");
        var bodyId = connection.ExecuteScalar<long>("SELECT id FROM bodies WHERE body_key = @BodyKey", new { BodyKey });
        var organizations = connection.Query<long>("SELECT id FROM organizations WHERE body_id = @bodyId ORDER BY id", new { bodyId }).ToList();
        using var transaction = connection.BeginTransaction();
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < Papers; i++)
        {
            var at = now.AddMinutes(-Papers + i).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'");
            var paperId = connection.ExecuteScalar<long>(
                "INSERT INTO papers (body_id, reference, paper_type, title, paper_date, originator, proposal, reasoning, is_public, status, version, " +
                "created_at, created_by, updated_at, updated_by, released_on, released_at) VALUES (@bodyId, @reference, 'Beschlussvorlage', @title, " +
                "'2024-01-15', 'Amt für Bauen', 'Der Kreistag beschließt …', 'Begründung …', @isPublic, @status, 3, @at, 'bench', @at, 'bench', " +
                "'2024-01-16', @at); SELECT last_insert_rowid();",
                new { bodyId, reference = $"B-{i:D5}", title = $"Vorlage Nr. {i} zur Kreisstraße K {i % 900}", isPublic = i % 10 != 0,
                    status = i % 3 == 0 ? "in_deliberation" : "adopted", at }, transaction);
            for (var position = 1; position <= 3; position++)
            {
                var done = i % 3 != 0 || position == 1;
                connection.Execute(
                    "INSERT INTO consultations (paper_id, position, organization_id, role, is_public, status, outcome, result_date, votes_entitled, votes_yes, " +
                    "votes_no, votes_abstain, votes_recused, recorded_at, created_at, updated_at) VALUES (@paperId, @position, @organization, @role, @isPublic, " +
                    "@status, @outcome, @resultDate, @entitled, @yes, @no, 0, 0, @recorded, @at, @at)",
                    new
                    {
                        paperId, position, organization = organizations[position - 1], role = position == 3 ? "beschliessend" : "vorberatend",
                        isPublic = position != 2, status = done ? "done" : "pending", outcome = done ? (position == 3 ? "adopted" : "recommended") : null,
                        resultDate = done ? "2024-02-01" : null, entitled = done ? (int?)33 : null, yes = done ? (int?)27 : null, no = done ? (int?)6 : null,
                        recorded = done ? at : null, at,
                    }, transaction);
            }
        }
        transaction.Commit();
        return bodyId;
    }

    private static async Task WaitForAsync(HttpClient http)
    {
        for (var attempt = 0; attempt < 120; attempt++)
        {
            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(500);
        }
        throw new InvalidOperationException("the app did not start within 60 s");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Vorlagen.sln"))) return dir.FullName;
        throw new InvalidOperationException("Vorlagen.sln not found");
    }
}

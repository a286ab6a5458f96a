using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Vorlagen.Benchmarks.Api;

/// <summary>
/// A SQLite archive of <c>N</c> papers for the API benchmark, cached under the temp folder keyed by the schema checksum (all
/// db/sqlite scripts, the seed data and this generator's version), so reruns skip the build. Built in three steps: the real
/// server migrates and seeds the demo bodies and the clerk drafts the open papers through the API (real workflow instances);
/// then one transaction with prepared inserts adds the historic papers with their Beratungsfolge and results; a second
/// server start fills whatever the app derives at start-up.
/// </summary>
internal static class ArchiveDatabase
{
    private const int GeneratorVersion = 3;
    public const string RareWord = "Fledermausquartier";
    /// <summary>In the text of one Anlage per 1,000 (the search measurement's word found only in Anlagen).</summary>
    public const string AnlageWord = "Blindschleiche";
    public const string Clerk = "kyf.clerk";

    /// <summary>The clerk's open drafts (Meine Aufgaben): 1,000 beside large archives, fewer in the small one.</summary>
    public static int OpenPapers(int papers) => Math.Min(1_000, papers / 5);

    public static async Task<string> EnsureAsync(int papers)
    {
        var folder = Path.Combine(Path.GetTempPath(), "vorlagen-bench-cache", SchemaKey());
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"papers-{papers}.db");
        if (File.Exists(path)) return path;

        Console.WriteLine($"building the {papers:N0}-paper database (cached in {folder}) …");
        var clock = Stopwatch.StartNew();
        var build = Path.Combine(folder, $"building-{papers}-{Environment.ProcessId}.db");
        await using (var server = await ServerProcess.StartVorlagenAsync(build))
            await DraftOpenPapersAsync(server.Address, OpenPapers(papers));
        Console.WriteLine($"  schema, demo data and {OpenPapers(papers):N0} drafts through the API: {clock.Elapsed.TotalSeconds:0} s");
        InsertArchive(build, papers - OpenPapers(papers));
        Console.WriteLine($"  {papers - OpenPapers(papers):N0} archived papers inserted: {clock.Elapsed.TotalSeconds:0} s");
        await using (await ServerProcess.StartVorlagenAsync(build)) { }
        File.Move(build, path);
        Console.WriteLine($"  done in {clock.Elapsed.TotalSeconds:0} s ({new FileInfo(path).Length / 1_048_576:N0} MB)");
        return path;
    }

    private static string SchemaKey()
    {
        // The scripts and seed data the server was built with (copied next to it).
        var root = Path.GetDirectoryName(ServerProcess.ServerDll())!;
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes($"generator {GeneratorVersion}\n"));
        var files = Directory.GetFiles(Path.Combine(root, "db", "sqlite"), "*.sql")
            .Concat(Directory.GetFiles(Path.Combine(root, "db", "seed"), "*", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(root, file) + "\n"));
            sha.AppendData(File.ReadAllBytes(file));
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset())[..16];
    }

    private static async Task DraftOpenPapersAsync(Uri address, int count)
    {
        using var clerk = await ApiClient.SignInAsync(address, Clerk);
        var body = await BodyIdAsync(clerk);
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) is var n && n <= count)
                await clerk.PostJsonAsync("/api/papers", new
                {
                    bodyId = body, title = $"Offener Entwurf {n}: {Text.Title(n)}", originator = "Abteilung 2",
                    proposal = Text.Words(n, 25), reasoning = Text.Words(n * 7, 120),
                });
        }));
    }

    public static async Task<long> BodyIdAsync(ApiClient client) =>
        (await client.GetJsonAsync("/api/bodies")).GetProperty("items").EnumerateArray()
        .Single(b => b.GetProperty("bodyKey").GetString() == "kyffhaeuserkreis").GetProperty("id").GetInt64();

    private sealed record Organization(long Id, long BodyId, string Kind);

    /// <summary>Historic papers, oldest first (ids grow with the date, as in real use): 1990–2025, two bodies, 3 consultations each.</summary>
    private static void InsertArchive(string path, int count)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=false");
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=DELETE; PRAGMA synchronous=OFF; PRAGMA cache_size=-400000; PRAGMA foreign_keys=OFF;");
        var organizations = new List<Organization>();
        using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT id, body_id, kind FROM organizations ORDER BY id";
            using var reader = read.ExecuteReader();
            while (reader.Read()) organizations.Add(new Organization(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2)));
        }
        var bodies = organizations.GroupBy(o => o.BodyId).Select(g => new
        {
            Id = g.Key,
            Committees = g.Where(o => o.Kind == "beratender_ausschuss").ToArray(),
            Kreisausschuss = g.First(o => o.Kind == "kreisausschuss"),
            Kreistag = g.First(o => o.Kind == "kreistag"),
        }).Where(b => b.Committees.Length > 0).ToArray();

        using var transaction = connection.BeginTransaction();
        var papers = Prepared(connection, transaction, "papers", new Dictionary<string, string>
        {
            ["id"] = "@id", ["body_id"] = "@body", ["reference"] = "@reference", ["paper_type"] = "'Beschlussvorlage'", ["title"] = "@title",
            ["paper_date"] = "@date", ["originator"] = "@originator", ["proposal"] = "@proposal", ["reasoning"] = "@reasoning",
            ["is_public"] = "@public", ["status"] = "@status", ["signed_date"] = "@signed", ["version"] = "@version",
            ["created_at"] = "@instant", ["created_by"] = "'Kreistagsbüro'", ["updated_at"] = "@instant", ["updated_by"] = "'Kreistagsbüro'",
            ["released_on"] = "@released", ["released_at"] = "@releasedAt", ["decided_non_public"] = "@decidedNonPublic",
        });
        var consultations = Prepared(connection, transaction, "consultations", new Dictionary<string, string>
        {
            ["paper_id"] = "@paper", ["position"] = "@position", ["organization_id"] = "@organization", ["role"] = "@role",
            ["is_public"] = "@public", ["planned_date"] = "@date", ["status"] = "@status", ["outcome"] = "@outcome",
            ["result_date"] = "@resultDate", ["majority"] = "@majority", ["votes_entitled"] = "@entitled", ["votes_yes"] = "@yes",
            ["votes_no"] = "@no", ["votes_abstain"] = "@abstain", ["votes_recused"] = "@recused", ["recorded_at"] = "@recordedAt",
            ["recorded_by"] = "@recordedBy", ["created_at"] = "@instant", ["updated_at"] = "@instant",
        });
        // Every fifth archived paper has an Anlage 1 with 300 words of extracted text (20,000 beside 100,000 papers).
        var contents = Prepared(connection, transaction, "file_contents", new Dictionary<string, string>
        {
            ["sha256"] = "@sha", ["size"] = "@size", ["mime_type"] = "'application/pdf'", ["text_status"] = "'extracted'",
            ["extracted_text"] = "@text", ["created_at"] = "@instant",
        });
        var files = Prepared(connection, transaction, "files", new Dictionary<string, string>
        {
            ["id"] = "@id", ["body_id"] = "@body", ["owner_kind"] = "'paper'", ["owner_id"] = "@paper", ["role"] = "'anlage'", ["number"] = "1",
            ["title"] = "@title", ["is_public"] = "@public", ["version"] = "1", ["created_at"] = "@instant", ["created_by"] = "'Kreistagsbüro'",
            ["updated_at"] = "@instant", ["updated_by"] = "'Kreistagsbüro'",
        });
        var versions = Prepared(connection, transaction, "file_versions", new Dictionary<string, string>
        {
            ["file_id"] = "@file", ["version"] = "1", ["sha256"] = "@sha", ["file_name"] = "'anlage.pdf'", ["created_at"] = "@instant",
            ["created_by"] = "'Kreistagsbüro'",
        });
        var firstFileId = 1 + Scalar(connection, transaction, "SELECT COALESCE(MAX(id), 0) FROM files");
        var firstId = 1 + Scalar(connection, transaction, "SELECT COALESCE(MAX(id), 0) FROM papers");
        var start = new DateOnly(1990, 1, 1);
        var days = new DateOnly(2025, 12, 31).DayNumber - start.DayNumber;
        for (var i = 0; i < count; i++)
        {
            var id = firstId + i;
            var body = bodies[i % bodies.Length];
            var date = start.AddDays((int)((long)i * days / Math.Max(1, count)));
            var kind = i % 100; // 75 % signed, 12 % rejected, 13 % withdrawn
            var status = kind < 75 ? "signed" : kind < 87 ? "rejected" : "withdrawn";
            var isPublic = i % 7 != 0;
            var withdrawnEarly = status == "withdrawn" && i % 2 == 0;
            var kreistagPublic = isPublic && i % 33 != 0;
            var dateText = date.ToString("yyyy-MM-dd");
            var instant = date.ToString("yyyy-MM-dd") + "T09:00:00.0000000Z";
            Set(papers, "@id", id); Set(papers, "@body", body.Id);
            Set(papers, "@reference", $"A-{date.Year}/{i:D7}");
            Set(papers, "@title", i % 100_000 == 50_000 ? $"Sanierung {RareWord} Schloss {i}" : Text.Title(i));
            Set(papers, "@date", dateText); Set(papers, "@originator", $"Abteilung {1 + i % 5}");
            Set(papers, "@proposal", Text.Words(i, 25)); Set(papers, "@reasoning", Text.Words(i * 7 + 3, 120));
            Set(papers, "@public", isPublic ? 1 : 0); Set(papers, "@status", status);
            Set(papers, "@signed", status == "signed" ? date.AddDays(40).ToString("yyyy-MM-dd") : null);
            Set(papers, "@version", status == "withdrawn" ? 4 : 7); Set(papers, "@instant", instant);
            Set(papers, "@released", withdrawnEarly ? null : dateText); Set(papers, "@releasedAt", withdrawnEarly ? null : instant);
            Set(papers, "@decidedNonPublic", status != "withdrawn" && !kreistagPublic ? 1 : 0);
            papers.ExecuteNonQuery();
            if (i % 5 == 0)
            {
                var sha = Convert.ToHexStringLower(SHA256.HashData(BitConverter.GetBytes((long)id)));
                var text = Text.Words(i * 13 + 5, 300) + (i % 5_000 == 0 ? $" Gutachten zur {AnlageWord} am Radweg." : "");
                var fileId = firstFileId + i / 5;
                Set(contents, "@sha", sha); Set(contents, "@size", text.Length * 4); Set(contents, "@text", text); Set(contents, "@instant", instant);
                contents.ExecuteNonQuery();
                Set(files, "@id", fileId); Set(files, "@body", body.Id); Set(files, "@paper", id); Set(files, "@title", "Anlage zu " + Text.Title(i + 1));
                Set(files, "@public", isPublic ? 1 : 0); Set(files, "@instant", instant);
                files.ExecuteNonQuery();
                Set(versions, "@file", fileId); Set(versions, "@sha", sha); Set(versions, "@instant", instant);
                versions.ExecuteNonQuery();
            }

            var steps = new[]
            {
                (Org: body.Committees[i % body.Committees.Length], Role: "vorberatend", Public: isPublic, Days: 10),
                (Org: body.Kreisausschuss, Role: "vorberatend", Public: isPublic && i % 2 == 1, Days: 20),
                (Org: body.Kreistag, Role: "beschliessend", Public: kreistagPublic, Days: 30),
            };
            for (var s = 0; s < steps.Length; s++)
            {
                var step = steps[s];
                var done = status != "withdrawn";
                var deciding = step.Role == "beschliessend";
                var seats = deciding ? 40 : 9;
                var yes = done ? (deciding && status == "rejected" ? seats / 3 : seats - 2 - i % 3) : 0;
                Set(consultations, "@paper", id); Set(consultations, "@position", s + 1); Set(consultations, "@organization", step.Org.Id);
                Set(consultations, "@role", step.Role); Set(consultations, "@public", step.Public ? 1 : 0);
                Set(consultations, "@date", date.AddDays(step.Days).ToString("yyyy-MM-dd"));
                Set(consultations, "@status", done ? "done" : "pending");
                Set(consultations, "@outcome", !done ? null : deciding ? (status == "rejected" ? "rejected" : "adopted") : "recommended");
                Set(consultations, "@resultDate", done ? date.AddDays(step.Days).ToString("yyyy-MM-dd") : null);
                Set(consultations, "@majority", done ? "simple" : null);
                Set(consultations, "@entitled", done ? seats : null); Set(consultations, "@yes", done ? yes : null);
                Set(consultations, "@no", done ? seats - yes - 1 : null); Set(consultations, "@abstain", done ? 1 : null);
                Set(consultations, "@recused", done ? 0 : null);
                Set(consultations, "@recordedAt", done ? instant : null); Set(consultations, "@recordedBy", done ? "Kreistagsbüro" : null);
                Set(consultations, "@instant", instant);
                consultations.ExecuteNonQuery();
            }
        }
        transaction.Commit();
        Execute(connection, "PRAGMA journal_mode=WAL;");
    }

    /// <summary>An INSERT of the columns the migrated schema has; any other NOT NULL column without a default stops the build.</summary>
    private static SqliteCommand Prepared(SqliteConnection connection, SqliteTransaction transaction, string table, Dictionary<string, string> known)
    {
        var columns = new List<string>();
        using (var info = connection.CreateCommand())
        {
            info.Transaction = transaction;
            info.CommandText = $"SELECT name, \"notnull\", dflt_value, pk FROM pragma_table_info('{table}')";
            using var reader = info.ExecuteReader();
            while (reader.Read())
            {
                var name = reader.GetString(0);
                if (known.ContainsKey(name)) columns.Add(name);
                else if (reader.GetInt64(1) == 1 && reader.IsDBNull(2) && reader.GetInt64(3) == 0)
                    throw new InvalidOperationException($"{table}.{name} is NOT NULL without a default: teach ArchiveDatabase its value.");
            }
        }
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => known[c]))})";
        foreach (var parameter in known.Values.Where(v => v.StartsWith('@')).Distinct()) command.Parameters.Add(new SqliteParameter(parameter, null));
        command.Prepare();
        return command;
    }

    private static void Set(SqliteCommand command, string name, object? value) => command.Parameters[name].Value = value ?? DBNull.Value;

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar());
    }

    /// <summary>Deterministic German-looking text.</summary>
    public static class Text
    {
        private static readonly string[] Vocabulary =
        [
            "Kreistag", "beschließt", "die", "Sanierung", "der", "Kreisstraße", "Haushalt", "Zuschuss", "Förderung", "Schule", "Gymnasium",
            "Oberschule", "Breitband", "Ausbau", "Radweg", "Brücke", "Rettungsdienst", "Feuerwehr", "Abfallwirtschaft", "Gebühren", "Satzung",
            "Änderung", "Jugendhilfe", "Kindertagesstätten", "Pflege", "Gesundheit", "Krankenhaus", "Nahverkehr", "Buslinie", "Vergabe",
            "Auftrag", "Bauleistungen", "Planung", "Integration", "Konzept", "Landkreis", "Verwaltung", "Beteiligung", "Gesellschaft",
            "Wirtschaftsplan", "Jahresabschluss", "Entlastung", "Umwelt", "Naturschutz", "Tourismus", "Kultur", "Museum", "Bibliothek",
            "Musikschule", "Sport", "Turnhalle", "Digitalisierung", "Personal", "Stellenplan", "Kreisumlage", "Investition", "Kredit",
            "Bürgschaft", "Vertrag", "Zweckverband", "Wasser", "Abwasser", "Energie", "Photovoltaik", "Klimaschutz", "Katastrophenschutz",
            "und", "für", "im", "des", "zur", "mit", "nach", "über", "Jahr", "Maßnahme", "Mittel", "Euro", "Bericht", "Antrag", "Fraktion",
        ];

        public static string Words(int seed, int count)
        {
            var text = new StringBuilder(count * 9);
            var x = (uint)seed * 2654435761u + 1;
            for (var i = 0; i < count; i++)
            {
                x ^= x << 13; x ^= x >> 17; x ^= x << 5;
                if (i > 0) text.Append(i % 12 == 11 ? ". " : " ");
                text.Append(Vocabulary[x % (uint)Vocabulary.Length]);
            }
            return text.Append('.').ToString();
        }

        public static string Title(int seed) => Words(seed * 31 + 7, 8).TrimEnd('.');
    }
}

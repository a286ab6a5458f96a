using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Vorlagen.Api.Data;
using Vorlagen.Api.Features.Papers;
using Vorlagen.Api.Features.Tasks;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Features;

/// <summary>
/// Lists at archive scale (issue #11): keyset pages by number and by cursor, the count limit, the decided_non_public
/// column, and the query plans of the main list shapes (indexes, never a full scan of papers, never a sort).
/// Runs on its own database: it inserts an archive of <see cref="ArchivePapers"/> rows directly.
/// </summary>
public sealed class ArchiveScaleTests(ArchiveScaleTests.App app) : IClassFixture<ArchiveScaleTests.App>
{
    public sealed class App : VorlagenApp;

    private const int ArchivePapers = ListPapers.CountLimit + 150;
    private readonly PaperApi _api = new(app);

    /// <summary>Released public papers of the Erzgebirgskreis, one per day from 1990, with a Kreistag consultation each.</summary>
    private void EnsureArchive()
    {
        _ = app.Services; // started: migrated and seeded
        lock (app)
        {
            if (app.Scalar<long>("SELECT COUNT(*) FROM papers WHERE reference LIKE 'ARCH-%'") > 0) return;
            var body = app.BodyId("erzgebirgskreis");
            var kreistag = app.Scalar<long>("SELECT id FROM organizations WHERE body_id = @body AND kind = 'kreistag'", new { body });
            using var connection = app.OpenDatabase();
            using var transaction = connection.BeginTransaction();
            for (var i = 0; i < ArchivePapers; i++)
            {
                var date = new DateOnly(1990, 1, 1).AddDays(i).ToString("yyyy-MM-dd");
                var id = connection.ExecuteScalar<long>(
                    "INSERT INTO papers (body_id, reference, paper_type, title, paper_date, originator, proposal, reasoning, is_public, status, " +
                    "version, created_at, created_by, updated_at, updated_by, released_on) VALUES (@body, @reference, 'Beschlussvorlage', 'Archiv', @date, " +
                    "'Amt', 'Vorschlag', 'Begründung', 1, 'signed', 5, '2000-01-01T00:00:00.0000000Z', 'x', '2000-01-01T00:00:00.0000000Z', 'x', @date) " +
                    "RETURNING id", new { body, reference = $"ARCH-{i:D5}", date }, transaction);
                connection.Execute("INSERT INTO consultations (paper_id, position, organization_id, role, is_public, status, outcome, result_date) " +
                    "VALUES (@id, 1, @kreistag, 'beschliessend', 1, 'done', 'adopted', @date)", new { id, kreistag, date }, transaction);
            }
            transaction.Commit();
        }
    }

    [Fact]
    public async Task Pages_by_number_and_by_cursor_give_the_same_rows_in_order()
    {
        EnsureArchive();
        var anonymous = app.CreateClient();
        const string filter = "bodyId={0}&year=1991&pageSize=40";
        var query = string.Format(filter, app.BodyId("erzgebirgskreis"));
        var byNumber = new List<string>();
        for (var page = 1; ; page++)
        {
            var json = await (await anonymous.GetAsync($"/api/papers?{query}&page={page}")).ReadJson();
            Assert.Equal(365, json.GetProperty("total").GetInt32());
            Assert.False(json.TryGetProperty("totalIsEstimate", out _));
            var items = References(json);
            if (items.Count == 0) break;
            byNumber.AddRange(items);
        }
        var byCursor = new List<string>();
        string? next = null;
        do
        {
            var json = await (await anonymous.GetAsync($"/api/papers?{query}" + (next is null ? "" : "&after=" + next))).ReadJson();
            byCursor.AddRange(References(json));
            next = json.TryGetProperty("next", out var n) ? n.GetString() : null;
        } while (next is not null);

        Assert.Equal(365, byNumber.Count);
        Assert.Equal(byNumber, byCursor);
        // Newest first: 31.12.1991 is reference 729 (0 = 1.1.1990).
        Assert.Equal("ARCH-00729", byNumber[0]);
        Assert.Equal(byNumber.OrderByDescending(r => r, StringComparer.Ordinal), byNumber);
        await (await anonymous.GetAsync("/api/papers?after=gestern")).AssertProblem(400, "validation");
    }

    [Fact]
    public async Task Counting_stops_at_the_limit_and_says_so()
    {
        EnsureArchive();
        var anonymous = app.CreateClient();
        var all = await (await anonymous.GetAsync("/api/papers?pageSize=10")).ReadJson();
        Assert.Equal(ListPapers.CountLimit, all.GetProperty("total").GetInt32());
        Assert.True(all.GetProperty("totalIsEstimate").GetBoolean());
        Assert.True(all.TryGetProperty("next", out _));

        // A deep page by number still lands on the right row, found by an index-only skip.
        var erz = app.BodyId("erzgebirgskreis");
        var deep = await (await anonymous.GetAsync($"/api/papers?bodyId={erz}&pageSize=100&page=40")).ReadJson();
        var expected = app.Scalar<string>("SELECT reference FROM papers WHERE body_id = @erz AND is_public = 1 AND released_on IS NOT NULL " +
            "ORDER BY paper_date DESC, id DESC LIMIT 1 OFFSET 3900", new { erz });
        Assert.Equal(expected, References(deep)[0]);
        Assert.Equal(100, References(deep).Count);
        Assert.True(deep.GetProperty("total").GetInt32() >= 4000);

        // The last page reached by number knows the exact total without counting.
        var exact = app.Scalar<int>("SELECT COUNT(*) FROM papers WHERE body_id = @erz AND status = 'signed' AND is_public = 1 AND released_on IS NOT NULL",
            new { erz });
        var last = await (await anonymous.GetAsync($"/api/papers?bodyId={erz}&status=signed&pageSize=200&page={(exact + 199) / 200}")).ReadJson();
        Assert.Equal(exact, last.GetProperty("total").GetInt32());
        Assert.False(last.TryGetProperty("totalIsEstimate", out _));
    }

    [Fact]
    public async Task A_non_public_decision_sets_decided_non_public_and_hides_the_status_in_lists_and_filters()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var landraetin = await app.ClientFor("kyf.landraetin");
        var paper = await _api.CreateAsync(clerk, new
        {
            bodyId = app.BodyId("kyffhaeuserkreis"), reference = "ARCH-ND-1", title = "Öffentliche Vorlage, nichtöffentlich beschlossen",
            originator = "Amt", proposal = "Vorschlag", reasoning = "Begründung", @public = true,
            consultations = new object[] { new { organizationId = app.OrganizationId("kyffhaeuserkreis", "Kreistag"), role = "beschliessend", @public = false, plannedDate = "2021-03-24" } },
        });
        var id = PaperApi.Id(paper);
        await _api.ActAsync(clerk, id, "submit");
        paper = await _api.ActAsync(landraetin, id, "release");
        Assert.Equal(0, app.Scalar<int>("SELECT decided_non_public FROM papers WHERE id = @id", new { id }));
        await _api.RecordAsync(landraetin, id, PaperApi.ConsultationId(paper, 1),
            new { date = "2021-03-31", outcome = "adopted", votes = new { entitled = 33, yes = 27, no = 6, abstain = 0, recused = 0 } });
        Assert.Equal(1, app.Scalar<int>("SELECT decided_non_public FROM papers WHERE id = @id", new { id }));

        var anonymous = app.CreateClient();
        Assert.Contains("ARCH-ND-1", References(await (await anonymous.GetAsync("/api/papers?status=decided&q=nichtöffentlich")).ReadJson()));
        Assert.DoesNotContain("ARCH-ND-1", References(await (await anonymous.GetAsync("/api/papers?status=adopted&q=nichtöffentlich")).ReadJson()));
        Assert.Contains("ARCH-ND-1", References(await (await clerk.GetAsync("/api/papers?status=adopted&q=nichtöffentlich")).ReadJson()));
        Assert.DoesNotContain("ARCH-ND-1", References(await (await clerk.GetAsync("/api/papers?status=decided&q=nichtöffentlich")).ReadJson()));
    }

    [Fact]
    public async Task Meine_Aufgaben_is_paged_and_complete()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        for (var i = 0; i < 3; i++) await _api.CreateAsync(clerk, PaperApi.KyffhaeuserPaper(app.BodyId("kyffhaeuserkreis"), $"ARCH-T-{i}"));
        var first = await (await clerk.GetAsync("/api/tasks?pageSize=2")).ReadJson();
        var total = first.GetProperty("total").GetInt32();
        Assert.True(total >= 3);
        var ids = new List<long>();
        for (var page = 1; page <= (total + 1) / 2; page++)
        {
            var json = await (await clerk.GetAsync($"/api/tasks?pageSize=2&page={page}")).ReadJson();
            ids.AddRange(json.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("paperId").GetInt64()));
        }
        Assert.Equal(total, ids.Count);
        Assert.Equal(total, ids.Distinct().Count());
        var drafts = app.Scalar<int>("SELECT COUNT(*) FROM papers WHERE body_id = @b AND status = 'draft'", new { b = app.BodyId("kyffhaeuserkreis") });
        var all = await (await clerk.GetAsync("/api/tasks")).ReadJson();
        Assert.Equal(drafts, all.GetProperty("items").EnumerateArray().Count(t => t.GetProperty("kind").GetString() == "draft"));
        await (await clerk.GetAsync("/api/tasks?pageSize=500")).AssertProblem(400, "validation");
    }

    public static TheoryData<string, string> ListShapes() => new()
    {
        { "anonymous, page 1", "anonymous|" },
        { "member, page 1", "member|" },
        { "office, page 1", "office|" },
        { "anonymous, Körperschaft", "anonymous|body" },
        { "anonymous, status + year", "anonymous|status=signed,year" },
        { "member, decided", "member|status=decided" },
        { "office, status draft", "office|status=draft" },
        { "office, Gremium + type + year", "office|organization,type,year" },
        { "anonymous, Körperschaft + status", "anonymous|body,status=rejected" },
    };

    /// <summary>Every list shape the UI offers is served from an index in date order: no full scan of papers, no sort.</summary>
    [Theory]
    [MemberData(nameof(ListShapes))]
    public void List_queries_use_an_index_in_date_order(string shape, string spec)
    {
        _ = shape;
        if (app.Provider != DatabaseOptions.Sqlite) return; // EXPLAIN QUERY PLAN is SQLite's
        var (args, query) = Shape(spec);
        var where = ListPapers.Where(query);
        foreach (var sql in new[]
        {
            ListPapers.Columns + where + ListPapers.Order,
            ListPapers.Columns + where + ListPapers.FromKeyFilter + ListPapers.Order,
            "SELECT p.paper_date AS PaperDate, p.id AS Id FROM papers p WHERE " + where + ListPapers.Order,
            "SELECT COUNT(*) FROM (SELECT p.id FROM papers p WHERE " + where + ListPapers.Order + ") c",
        })
        {
            var plan = Plan(sql, args);
            Assert.DoesNotContain(plan, line => line.Contains("TEMP B-TREE", StringComparison.Ordinal));
            Assert.DoesNotContain(plan, line => line.StartsWith("SCAN p", StringComparison.Ordinal) && !line.Contains("INDEX", StringComparison.Ordinal));
            Assert.Contains(plan, line => line.Contains(" p USING", StringComparison.Ordinal) && line.Contains("ix_papers_", StringComparison.Ordinal));
        }
    }

    /// <summary>A search starts from the full-text index's ids (public and, for the office, restricted), never from every paper.</summary>
    [Theory]
    [InlineData("anonymous|")]
    [InlineData("member|status=decided")]
    [InlineData("office|year")]
    public void Search_starts_from_the_full_text_index(string spec)
    {
        if (app.Provider != DatabaseOptions.Sqlite) return; // EXPLAIN QUERY PLAN is SQLite's
        var (args, query) = Shape(spec);
        var (filter, rank) = ListPapers.Search(SearchQuery.Parse("Fledermaus \"Schloss Sanierung\""), DatabaseOptions.Sqlite,
            !spec.StartsWith("anonymous", StringComparison.Ordinal), args);
        var plan = Plan(ListPapers.Columns + ListPapers.Where(query) + filter + " ORDER BY " + rank + ", p.paper_date DESC, p.id DESC {{Page}}", args);
        Assert.True(plan.Any(line => line.Contains("VIRTUAL TABLE INDEX", StringComparison.Ordinal))
            && plan.Any(line => line.StartsWith("SEARCH p USING INTEGER PRIMARY KEY", StringComparison.Ordinal))
            && !plan.Any(line => line == "SCAN p" || line.StartsWith("SCAN p ", StringComparison.Ordinal)), string.Join("\n", plan));
    }

    [Fact]
    public void Meine_Aufgaben_reads_the_open_papers_through_the_status_index()
    {
        if (app.Provider != DatabaseOptions.Sqlite) return; // EXPLAIN QUERY PLAN is SQLite's
        var (args, _) = Shape("office|");
        args.Add("BodyId", app.BodyId("kyffhaeuserkreis"));
        foreach (var sql in new[] { MyTasks.OpenPapersSql, MyTasks.OpenConsultationsSql })
        {
            var plan = Plan(sql, args);
            Assert.Contains(plan, line => line.Contains("SEARCH p USING", StringComparison.Ordinal) && line.Contains("ix_papers_status_list (status=?)", StringComparison.Ordinal));
            Assert.DoesNotContain(plan, line => line.StartsWith("SCAN", StringComparison.Ordinal) && !line.Contains("INDEX", StringComparison.Ordinal));
        }
    }

    private (DynamicParameters Args, ListPapers.Query Query) Shape(string spec)
    {
        _ = app.Services;
        var (who, filters) = (spec.Split('|')[0], spec.Split('|')[1].Split(',', StringSplitOptions.RemoveEmptyEntries));
        var body = app.BodyId("kyffhaeuserkreis");
        var args = new DynamicParameters(new
        {
            AllBodies = 0, FullBodyId = who == "office" ? body : -1, UserId = who == "anonymous" ? -1L : 3L, BodyId = body,
            OrganizationId = app.OrganizationId("kyffhaeuserkreis", "Kreistag"), PaperType = "Beschlussvorlage", YearStart = "2020-01-01",
            YearEnd = "2021-01-01", Pattern = "%x%", PageSize = 51, Offset = 100, KeyDate = "2020-06-01", KeyId = 10L,
        });
        var status = filters.FirstOrDefault(f => f.StartsWith("status=", StringComparison.Ordinal))?[7..];
        args.Add("Status", status);
        var query = new ListPapers.Query(filters.Contains("body") ? body : null, status, filters.Contains("organization") ? 1 : null, null,
            filters.Contains("year") ? 2020 : null, 1, 50, filters.Contains("type") ? "Beschlussvorlage" : null);
        return (args, query);
    }

    private List<string> Plan(string sql, DynamicParameters args)
    {
        using var connection = new SqliteConnection(app.ConnectionString);
        connection.Open();
        var rendered = new SqliteDialect().Render(sql);
        return [.. connection.Query<(long, long, long, string)>("EXPLAIN QUERY PLAN " + rendered, args).Select(r => r.Item4.Trim())];
    }

    private static List<string> References(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("reference").GetString()!)];
}

using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Features;

/// <summary>Verifying all journals (API, Verwaltung page, command line), on-demand checkpoints, and where the key comes from.</summary>
public sealed partial class JournalOperationsTests(VorlagenApp app) : IClassFixture<VorlagenApp>
{
    private readonly PaperApi _api = new(app);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [Fact]
    public async Task Verify_all_is_for_the_office_of_the_body_and_reports_per_paper()
    {
        var (id, _) = await _api.InDeliberationAsync("2021/7/901");

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/journal/verify")).StatusCode);
        await (await (await app.ClientFor("kyf.member")).GetAsync("/api/journal/verify")).AssertProblem(403, "forbidden");
        var clerk = await (await (await app.ClientFor("kyf.clerk")).GetAsync("/api/journal/verify?bodyId=1")).ReadJson();
        var admin = await (await (await app.ClientFor("admin")).GetAsync("/api/journal/verify")).ReadJson();

        var kyf = app.BodyId("kyffhaeuserkreis");
        Assert.All(clerk.GetProperty("items").EnumerateArray(), i => Assert.Equal(kyf, i.GetProperty("bodyId").GetInt64()));
        Assert.Contains(clerk.GetProperty("items").EnumerateArray(), i => i.GetProperty("paperId").GetInt64() == id && i.GetProperty("valid").GetBoolean());
        Assert.Equal(JsonValueKind.Null, clerk.GetProperty("checkpoint").GetProperty("file").ValueKind);
        Assert.Equal(app.CheckpointFile, admin.GetProperty("checkpoint").GetProperty("file").GetString());
        Assert.True(admin.GetProperty("checkpoint").GetProperty("exists").GetBoolean());
        await (await (await app.ClientFor("kyf.clerk")).PostAsync("/api/journal/checkpoints", null)).AssertProblem(403, "forbidden");
        await (await (await app.ClientFor("admin")).GetAsync("/api/journal/verify?pageSize=0")).AssertProblem(400, "validation");
    }

    [Fact]
    public async Task The_command_line_exits_non_zero_on_findings_and_names_them()
    {
        var (id, _) = await _api.InDeliberationAsync("2021/7/902");
        var clean = new StringWriter();
        Assert.Equal(0, await JournalCommandLine.RunAsync(app.Services, ["checkpoint"], new StringWriter()));
        var before = await JournalCommandLine.RunAsync(app.Services, ["verify-all"], clean);

        using (var connection = app.OpenDatabase())
            Dapper.SqlMapper.Execute(connection, "UPDATE papers SET status = 'adopted' WHERE id = @id", new { id });
        var output = new StringWriter();
        var after = await JournalCommandLine.RunAsync(app.Services, ["verify-all"], output);

        Assert.True(before == 0, clean.ToString());
        Assert.Equal(1, after);
        Assert.Contains($"FEHLER Vorlage {id} (2021/7/902)", output.ToString());
        Assert.Contains("[row_differs status] Status der Vorlage laut Journal „in_deliberation“, in der Datenbank „adopted“.", output.ToString());
        using (var connection = app.OpenDatabase())
            Dapper.SqlMapper.Execute(connection, "UPDATE papers SET status = 'in_deliberation' WHERE id = @id", new { id });
    }

    [Fact]
    public async Task The_Verwaltung_page_lists_papers_with_findings_and_writes_a_checkpoint()
    {
        var (id, _) = await _api.InDeliberationAsync("2021/7/903");
        using (var connection = app.OpenDatabase())
            Dapper.SqlMapper.Execute(connection, "UPDATE papers SET status = 'withdrawn' WHERE id = @id", new { id });
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var login = await (await browser.GetAsync("/anmelden")).Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync("/anmelden", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Username"] = "admin", ["Password"] = "demo", ["__RequestVerificationToken"] = AntiforgeryToken().Match(login).Groups[1].Value,
        }))).StatusCode);

        var page = await browser.GetAsync("/verwaltung/journal");
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        var lines = File.ReadAllLines(app.CheckpointFile).Length;
        var posted = await browser.PostAsync("/verwaltung/journal", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken().Match(html).Groups[1].Value,
        }));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Journalprüfung", html);
        Assert.Contains("2021/7/903", html);
        Assert.Contains("Status der Vorlage laut Journal „in_deliberation“, in der Datenbank „withdrawn“.", html);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(lines + 1, File.ReadAllLines(app.CheckpointFile).Length);
        var member = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.NotEqual(HttpStatusCode.OK, (await member.GetAsync("/verwaltung/journal")).StatusCode);
        using (var connection = app.OpenDatabase())
            Dapper.SqlMapper.Execute(connection, "UPDATE papers SET status = 'in_deliberation' WHERE id = @id", new { id });
    }

    private sealed class KeylessApp(bool demo, string? key = null) : VorlagenApp
    {
        private readonly TempFolder _root = new();

        public override string DatabaseFile => Path.Combine(_root.Path, "data", "vorlagen.db");

        protected override void Configure(IWebHostBuilder builder)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(DatabaseFile)!);
            builder.UseSetting("Vorlagen:Journal:MacKey", key ?? "");
            builder.UseSetting("Vorlagen:DemoData", demo ? "true" : "false");
        }

        public string Root => _root.Path;

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing) _root.Dispose();
        }
    }

    [Fact]
    public void A_production_start_without_a_key_refuses_before_touching_the_database()
    {
        using var production = new KeylessApp(demo: false);

        var error = Record.Exception(() => production.CreateClient());

        Assert.NotNull(error);
        Assert.Contains("Vorlagen:Journal:MacKey", error.ToString());
        Assert.Contains("openssl rand -base64 32", error.ToString());
        Assert.False(File.Exists(production.DatabaseFile));
    }

    [Fact]
    public void A_key_shorter_than_32_bytes_is_refused()
    {
        using var weak = new KeylessApp(demo: true, Convert.ToBase64String(new byte[16]));

        var error = Record.Exception(() => weak.CreateClient());

        Assert.NotNull(error);
        Assert.Contains("at least 32", error.ToString());
    }

    [Fact]
    public async Task A_demo_start_without_a_key_generates_one_outside_the_database_folder()
    {
        using var demo = new KeylessApp(demo: true);
        var (id, _) = await new PaperApi(demo).InDeliberationAsync("2021/7/904");

        var keyFile = Path.Combine(demo.Root, "journal", "vorlagen", "demo-mac.key");
        Assert.True(File.Exists(keyFile));
        Assert.Equal(32, Convert.FromBase64String(File.ReadAllText(keyFile)).Length);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(demo.DatabaseFile)!, "*.key"));
        Assert.True((await (await (await demo.ClientFor("kyf.clerk")).GetAsync($"/api/papers/{id}/journal/verify")).ReadJson()).GetProperty("valid").GetBoolean());
    }
}

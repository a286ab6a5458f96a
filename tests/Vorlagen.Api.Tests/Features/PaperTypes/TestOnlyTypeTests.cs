using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Features.PaperTypes;

/// <summary>
/// A paper type that exists only in this test (TestOnlyType/: its own workflow definition and descriptor, with an action
/// "certify" no C# knows) is copied into a temporary workflows folder; the app drafts, runs and ends a paper of it.
/// </summary>
public sealed partial class TestOnlyTypeTests : IClassFixture<TestOnlyTypeTests.App>
{
    public sealed class App : VorlagenApp
    {
        private readonly TempFolder _content = new();

        public App()
        {
            Copy(RepositoryPaths.Combine("db"), Path.Combine(_content.Path, "db"));
            Copy(RepositoryPaths.Combine("workflows"), Path.Combine(_content.Path, "workflows"));
            Copy(RepositoryPaths.Combine("tests", "Vorlagen.Api.Tests", "Features", "PaperTypes", "TestOnlyType"), Path.Combine(_content.Path, "workflows"));
        }

        protected override void Configure(IWebHostBuilder builder) =>
            builder.ConfigureTestServices(services => services.AddSingleton(new ContentPaths(_content.Path)));

        public static void Copy(string from, string to)
        {
            foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(to, Path.GetRelativePath(from, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target, overwrite: true);
            }
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing) _content.Dispose();
        }
    }

    private readonly App _app;
    private readonly PaperApi _api;

    public TestOnlyTypeTests(App app)
    {
        _app = app;
        _api = new PaperApi(app);
    }

    private object Order(string reference, object? fields = null) => new
    {
        bodyId = _app.BodyId("erzgebirgskreis"), reference, paperType = "pruefauftrag", title = "Jahresrechnung 2024",
        date = "2025-03-03", originator = "Rechnungsprüfungsamt", @public = true,
        fields = fields ?? new { scope = new[] { "Kasse", "Belege" } },
    };

    [Fact]
    public async Task The_type_is_listed_with_its_fields_and_words()
    {
        var types = await (await _app.CreateClient().GetAsync($"/api/paper-types?bodyId={_app.BodyId("erzgebirgskreis")}")).ReadJson();
        var type = types.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("code").GetString() == "pruefauftrag");
        Assert.Equal("Prüfauftrag", type.GetProperty("label").GetString());
        Assert.False(type.GetProperty("hasBeratungsfolge").GetBoolean());
        Assert.Equal("Testieren", type.GetProperty("actions").GetProperty("certify").GetString());
        var scope = type.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "scope");
        Assert.True(scope.GetProperty("required").GetBoolean());
        var certificate = type.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "certificate");
        Assert.Equal("certify", certificate.GetProperty("setBy").GetString());
    }

    [Fact]
    public async Task A_paper_of_the_type_is_drafted_run_and_ended_over_the_API()
    {
        var clerk = await _app.ClientFor("erz.clerk");
        var landrat = await _app.ClientFor("erz.landrat");
        var created = await _api.CreateAsync(clerk, Order("PA-1"));
        var id = PaperApi.Id(created);
        Assert.Equal("pruefauftrag", created.GetProperty("paperType").GetString());
        Assert.Equal("Prüfauftrag", created.GetProperty("paperTypeLabel").GetString());
        Assert.Equal("commissioned", created.GetProperty("status").GetString());
        Assert.Equal("Erteilt (Testat ausstehend)", created.GetProperty("statusLabel").GetString());
        Assert.Equal(["withdraw"], PaperApi.Actions(created));
        Assert.Empty(created.GetProperty("consultations").EnumerateArray());
        Assert.Equal(["certify"], PaperApi.Actions(await _api.GetAsync(landrat, id)));

        // Not public until certified (the definition's "releases"), so anonymous callers do not find it yet.
        Assert.Equal(404, (int)(await _app.CreateClient().GetAsync($"/api/papers/{id}")).StatusCode);

        // The action's required field comes from the descriptor; nothing is written when it is missing.
        var before = _app.Scalar<int>("SELECT version FROM papers WHERE id = @id", new { id });
        var missing = await landrat.PostAsJsonAsync($"/api/papers/{id}/actions/certify", new { fields = new { auditor = "Herr Prüfer" } });
        Assert.Equal(400, (int)missing.StatusCode);
        Assert.Contains("Prüfvermerk", await missing.Content.ReadAsStringAsync());
        Assert.Equal(before, _app.Scalar<int>("SELECT version FROM papers WHERE id = @id", new { id }));
        Assert.DoesNotContain("auditor", _app.Scalar<string?>("SELECT fields FROM papers WHERE id = @id", new { id }) ?? "");

        var certified = await _api.ActAsync(landrat, id, "certify",
            new { date = "2025-04-01", fields = new { auditor = "Herr Prüfer", certificate = "Ohne Beanstandung." } });
        Assert.Equal("certified", certified.GetProperty("status").GetString());
        Assert.Equal("Testiert", certified.GetProperty("statusLabel").GetString());
        Assert.Empty(PaperApi.Actions(certified));
        Assert.Equal("Ohne Beanstandung.", certified.GetProperty("fields").GetProperty("certificate").GetString());
        Assert.Equal(["Kasse", "Belege"], certified.GetProperty("fields").GetProperty("scope").EnumerateArray().Select(s => s.GetString()));

        var shown = await _api.GetAsync(_app.CreateClient(), id);
        Assert.Equal("certified", shown.GetProperty("status").GetString());
        var history = await (await _app.CreateClient().GetAsync($"/api/papers/{id}/history")).ReadJson();
        Assert.Contains(history.EnumerateArray(), h => h.TryGetProperty("action", out var a) && a.GetString() == "certify");
        var verify = await (await clerk.GetAsync($"/api/papers/{id}/journal/verify")).ReadJson();
        Assert.True(verify.GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task Bad_input_of_the_type_is_400_and_writes_nothing()
    {
        var clerk = await _app.ClientFor("erz.clerk");
        var papers = _app.Scalar<int>("SELECT COUNT(*) FROM papers");
        foreach (var (body, field) in new (object Body, string Field)[]
                 {
                     (Order("PA-X1", new { }), "fields.scope"),
                     (Order("PA-X2", new { scope = new[] { "Kasse" }, certificate = "vorab" }), "fields.certificate"),
                     (Order("PA-X3", new { scope = new[] { "Kasse" }, color = "rot" }), "fields.color"),
                     (Order("PA-X4", new { scope = "Kasse" }), "fields.scope"),
                     (new { bodyId = _app.BodyId("erzgebirgskreis"), paperType = "pruefauftrag", title = "T", originator = "O",
                            proposal = "Beschluss", fields = new { scope = new[] { "Kasse" } } }, "proposal"),
                     (new { bodyId = _app.BodyId("erzgebirgskreis"), paperType = "gibtsnicht", title = "T", originator = "O" }, "paperType"),
                 })
        {
            var response = await clerk.PostAsJsonAsync("/api/papers", body);
            Assert.Equal(400, (int)response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.ReadJson();
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{field}: {problem}");
        }
        Assert.Equal(papers, _app.Scalar<int>("SELECT COUNT(*) FROM papers"));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("name=\"Form.Token\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();

    private async Task<HttpClient> SignedInPagesAsync(string username)
    {
        var browser = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var token = AntiforgeryToken().Match(await browser.GetStringAsync("/anmelden")).Groups[1].Value;
        var response = await browser.PostAsync("/anmelden", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Username"] = username, ["Password"] = "demo", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    [Fact]
    public async Task The_pages_draft_and_certify_a_paper_of_the_type_from_its_descriptor()
    {
        // The drafting form shows the type's fields (its own list "Prüfumfang") and none it lacks.
        var clerk = await SignedInPagesAsync("erz.clerk");
        var form = await clerk.GetStringAsync("/vorlagen/neu?art=pruefauftrag");
        var shown = System.Net.WebUtility.HtmlDecode(form);
        Assert.Contains("Neue Prüfauftrag", shown);
        Assert.Contains("Prüfgegenstand", shown);
        Assert.Contains("Prüfumfang – Nr. 1", shown);
        Assert.DoesNotContain("Beschlussvorschlag", shown);
        Assert.DoesNotContain("Form.Consultations", shown);
        Assert.DoesNotContain("Prüfvermerk", shown); // set by the action "certify", not drafted

        Dictionary<string, string> Draft(string html, params (string Key, string Value)[] fields)
        {
            var values = new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = AntiforgeryToken().Match(html).Groups[1].Value, ["Form.Token"] = FormToken().Match(html).Groups[1].Value,
                ["Form.PaperType"] = "pruefauftrag", ["Form.Title"] = "Jahresrechnung 2025", ["Form.Originator"] = "Rechnungsprüfungsamt",
                ["Form.Date"] = "2026-03-02", ["Form.Public"] = "true",
            };
            foreach (var (key, value) in fields) values[key] = value;
            return values;
        }

        // Without its required list the page says so at the field, and nothing is written.
        var papers = _app.Scalar<int>("SELECT COUNT(*) FROM papers");
        var refused = await clerk.PostAsync("/vorlagen/neu", new FormUrlEncodedContent(Draft(form)));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Bitte geben Sie „Prüfumfang“ an.", System.Net.WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(papers, _app.Scalar<int>("SELECT COUNT(*) FROM papers"));

        var created = await clerk.PostAsync("/vorlagen/neu", new FormUrlEncodedContent(Draft(form, ("Form.Fields[scope#0]", "Kasse"), ("Form.Fields[scope#1]", "Belege"))));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = long.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
        Assert.Equal("pruefauftrag", _app.Scalar<string>("SELECT paper_type FROM papers WHERE id = @id", new { id }));
        Assert.Equal("""{"scope":["Kasse","Belege"]}""", _app.Scalar<string>("SELECT fields FROM papers WHERE id = @id", new { id }));

        // The Landrat's page offers the type's own action with its fields, in the descriptor's words.
        var landrat = await SignedInPagesAsync("erz.landrat");
        var page = System.Net.WebUtility.HtmlDecode(await landrat.GetStringAsync($"/vorlagen/{id}"));
        Assert.Contains("Testieren", page);
        Assert.Contains("Prüfvermerk", page);
        Assert.Contains("Prüfer", page);
        Assert.DoesNotContain("beratungsfolge-titel", page); // no Beratungsfolge section for a type without one
        var version = _app.Scalar<int>("SELECT version FROM papers WHERE id = @id", new { id });
        Dictionary<string, string> Certify(params (string Key, string Value)[] fields)
        {
            var values = new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = AntiforgeryToken().Match(page).Groups[1].Value, ["Aktion.Action"] = "certify",
                ["Aktion.Version"] = version.ToString(), ["Aktion.Fields[auditor]"] = "Herr Prüfer",
            };
            foreach (var (key, value) in fields) values[key] = value;
            return values;
        }
        var missing = await landrat.PostAsync($"/vorlagen/{id}?handler=Aktion", new FormUrlEncodedContent(Certify()));
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains("Bitte geben Sie „Prüfvermerk“ an.", System.Net.WebUtility.HtmlDecode(await missing.Content.ReadAsStringAsync()));
        Assert.Equal("commissioned", _app.Scalar<string>("SELECT status FROM papers WHERE id = @id", new { id }));

        var certified = await landrat.PostAsync($"/vorlagen/{id}?handler=Aktion",
            new FormUrlEncodedContent(Certify(("Aktion.Fields[certificate]", "Ohne Beanstandung."))));
        Assert.Equal(HttpStatusCode.Redirect, certified.StatusCode);
        Assert.Equal("certified", _app.Scalar<string>("SELECT status FROM papers WHERE id = @id", new { id }));
        Assert.Contains("Ohne Beanstandung.", _app.Scalar<string>("SELECT fields FROM papers WHERE id = @id", new { id }));
        var done = System.Net.WebUtility.HtmlDecode(await landrat.GetStringAsync($"/vorlagen/{id}"));
        Assert.Contains("Der Prüfauftrag ist testiert.", done);  // the descriptor's "done"
        Assert.Contains("Testiert", done);                       // status and history entry
        Assert.Contains("Ohne Beanstandung.", done);             // the type's own field on the page
        Assert.DoesNotContain("action-certify", done);           // no button once certified
    }
}

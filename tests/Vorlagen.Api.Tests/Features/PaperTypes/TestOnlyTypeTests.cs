using System.Net.Http.Json;
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
public sealed class TestOnlyTypeTests : IClassFixture<TestOnlyTypeTests.App>
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
}

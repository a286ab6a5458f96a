using System.Net.Http.Json;
using System.Text.Json;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Features.PaperTypes;

/// <summary>
/// An Ergänzungsvorlage (or Austauschvorlage) names the released paper it amends or replaces; both show the link, each only
/// to callers who may see the other; a draft, a paper of another body or an unknown number is a 400 and nothing is written.
/// </summary>
public sealed class ErgaenzungsvorlageTests(VorlagenApp app) : IClassFixture<VorlagenApp>
{
    private readonly PaperApi _api = new(app);

    private object Amendment(string reference, object amends, string relation = "ergaenzung") => new
    {
        bodyId = app.BodyId("kyffhaeuserkreis"), reference, paperType = "ergaenzungsvorlage", title = "Ergänzung zum Integrationskonzept",
        date = "2021-03-01", originator = "Die Landrätin", proposal = "Der Kreistag beschließt die Ergänzung.", reasoning = "Neue Förderrichtlinie.",
        @public = true, fields = new { amends, relation },
    };

    private static IEnumerable<JsonElement> Related(JsonElement paper) =>
        paper.TryGetProperty("relatedPapers", out var related) && related.ValueKind == JsonValueKind.Array ? related.EnumerateArray() : [];

    [Fact]
    public async Task An_Ergaenzungsvorlage_names_a_released_paper_and_both_show_the_link()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var (original, _) = await _api.InDeliberationAsync("EV-2021/1");

        var created = await _api.CreateAsync(clerk, Amendment("EV-2021/2", original));
        var id = PaperApi.Id(created);
        Assert.Equal("Ergänzungsvorlage", created.GetProperty("paperTypeLabel").GetString());
        Assert.Equal(original, app.Scalar<long>("SELECT related_paper_id FROM papers WHERE id = @id", new { id }));
        var named = Assert.Single(Related(created));
        Assert.Equal(original, named.GetProperty("id").GetInt64());
        Assert.Equal("references", named.GetProperty("direction").GetString());
        Assert.Equal("Bezug: Vorlage", named.GetProperty("label").GetString());

        var back = Assert.Single(Related(await _api.GetAsync(clerk, original)));
        Assert.Equal(id, back.GetProperty("id").GetInt64());
        Assert.Equal("referencedBy", back.GetProperty("direction").GetString());
        Assert.Equal("Ergänzungsvorlage", back.GetProperty("paperTypeLabel").GetString());

        // The public sees the released original, but not the amendment that is still a draft (not even its number).
        var anonymous = await _api.GetAsync(app.CreateClient(), original);
        Assert.Empty(Related(anonymous));
        Assert.DoesNotContain("EV-2021/2", anonymous.GetRawText());
    }

    [Fact]
    public async Task A_draft_an_unknown_or_foreign_paper_cannot_be_amended_and_nothing_is_written()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var draft = PaperApi.Id(await _api.CreateAsync(clerk, PaperApi.KyffhaeuserPaper(app.BodyId("kyffhaeuserkreis"), "EV-2021/3")));
        var erzClerk = await app.ClientFor("erz.clerk");
        var foreign = PaperApi.Id(await _api.CreateAsync(erzClerk, new
        {
            bodyId = app.BodyId("erzgebirgskreis"), reference = "EV-ERZ-1", title = "Fremd", originator = "Abteilung 2", proposal = "P", reasoning = "R",
        }));
        var papers = app.Scalar<int>("SELECT COUNT(*) FROM papers");
        foreach (var (amends, message) in new (object, string)[]
                 {
                     (draft, "noch nicht freigegeben"), (999_999L, "keine Vorlage"), (foreign, "keine Vorlage"), ("EV-2021/1", "Nummer (id)"),
                 })
        {
            var response = await clerk.PostAsJsonAsync("/api/papers", Amendment("EV-2021/X", amends));
            var problem = await response.AssertProblem(400, "validation");
            Assert.Contains(message, problem.GetProperty("errors").GetProperty("fields.amends")[0].GetString());
        }
        var missing = await clerk.PostAsJsonAsync("/api/papers", new
        {
            bodyId = app.BodyId("kyffhaeuserkreis"), paperType = "ergaenzungsvorlage", title = "T", originator = "O", proposal = "P", reasoning = "R",
        });
        Assert.True((await missing.AssertProblem(400, "validation")).GetProperty("errors").TryGetProperty("fields.amends", out _));
        Assert.Equal(papers, app.Scalar<int>("SELECT COUNT(*) FROM papers"));
    }

    [Fact]
    public async Task Releasing_an_Austauschvorlage_ends_the_replaced_papers_deliberation_and_an_Ergaenzung_does_not()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var landraetin = await app.ClientFor("kyf.landraetin");
        var (original, _) = await _api.InDeliberationAsync("EV-2021/4");
        var (amended, _) = await _api.InDeliberationAsync("EV-2021/6");
        var replacement = PaperApi.Id(await _api.CreateAsync(clerk, Amendment("EV-2021/5", original, "austausch")));
        var amendment = PaperApi.Id(await _api.CreateAsync(clerk, Amendment("EV-2021/7", amended)));
        foreach (var id in new[] { replacement, amendment }) await _api.ActAsync(clerk, id, "submit");

        await _api.ActAsync(landraetin, amendment, "release");
        Assert.Equal("in_deliberation", app.Scalar<string>("SELECT status FROM papers WHERE id = @amended", new { amended }));

        var released = await _api.ActAsync(landraetin, replacement, "release");
        Assert.Equal("in_deliberation", released.GetProperty("status").GetString());
        var replaced = await _api.GetAsync(clerk, original);
        Assert.Equal("withdrawn", replaced.GetProperty("status").GetString());
        Assert.Empty(PaperApi.Actions(replaced));
        var history = (await (await clerk.GetAsync($"/api/papers/{original}/history")).Content.ReadAsStringAsync());
        Assert.Contains("Ersetzt durch die Austauschvorlage EV-2021/5", history);
        // Recorded in the name of whoever released the replacement.
        Assert.Equal(app.Scalar<string>("SELECT updated_by FROM papers WHERE id = @replacement", new { replacement }),
            app.Scalar<string>("SELECT updated_by FROM papers WHERE id = @original", new { original }));
    }

    [Fact]
    public async Task An_Austauschvorlage_for_a_paper_no_longer_open_is_not_released_and_nothing_is_written()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var landraetin = await app.ClientFor("kyf.landraetin");
        var (original, _) = await _api.InDeliberationAsync("EV-2021/8");
        var replacement = PaperApi.Id(await _api.CreateAsync(clerk, Amendment("EV-2021/9", original, "austausch")));
        await _api.ActAsync(clerk, replacement, "submit");
        await _api.ActAsync(clerk, original, "withdraw", new { comment = "Erledigt durch Zeitablauf." });
        var versions = (app.Scalar<int>("SELECT version FROM papers WHERE id = @replacement", new { replacement }),
            app.Scalar<int>("SELECT version FROM papers WHERE id = @original", new { original }));

        var response = await landraetin.PostAsJsonAsync($"/api/papers/{replacement}/actions/release", new { });
        var problem = await response.AssertProblem(409, "related_paper_not_open");
        Assert.Contains("EV-2021/8", problem.GetProperty("detail").GetString());
        Assert.Equal("submitted", app.Scalar<string>("SELECT status FROM papers WHERE id = @replacement", new { replacement }));
        Assert.Equal(versions, (app.Scalar<int>("SELECT version FROM papers WHERE id = @replacement", new { replacement }),
            app.Scalar<int>("SELECT version FROM papers WHERE id = @original", new { original })));
    }
}

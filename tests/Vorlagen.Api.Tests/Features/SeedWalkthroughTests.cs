using System.Text.Json;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Features;

/// <summary>Both real seed Beschlussvorlagen, end to end over HTTP, each step by the right demo user.</summary>
public sealed class SeedWalkthroughTests(VorlagenApp app) : IClassFixture<VorlagenApp>
{
    private readonly PaperApi _api = new(app);

    [Fact]
    public async Task Kyffhaeuserkreis_2021_7_014_from_draft_to_signed()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var chair = await app.ClientFor("kyf.chair.soziales");
        var landraetin = await app.ClientFor("kyf.landraetin");

        var paper = await _api.CreateAsync(clerk, PaperApi.KyffhaeuserPaper(app.BodyId("kyffhaeuserkreis")));
        var id = PaperApi.Id(paper);
        Assert.Equal("2021/7/014", paper.GetProperty("reference").GetString());
        Assert.Equal("draft", paper.GetProperty("status").GetString());
        Assert.Equal("Entwurf", paper.GetProperty("statusLabel").GetString());
        Assert.Equal(["submit", "withdraw"], PaperApi.Actions(paper));
        Assert.Equal(3, paper.GetProperty("consultations").GetArrayLength());

        Assert.Equal("submitted", (await _api.ActAsync(clerk, id, "submit")).GetProperty("status").GetString());
        Assert.Contains("release", PaperApi.Actions(await _api.GetAsync(landraetin, id)));
        paper = await _api.ActAsync(landraetin, id, "release");
        Assert.Equal("in_deliberation", paper.GetProperty("status").GetString());

        paper = await _api.RecordAsync(chair, id, PaperApi.ConsultationId(paper, 1), new
        {
            date = "2021-03-04", outcome = "recommended", votes = new { entitled = 9, yes = 9, no = 0, abstain = 0, recused = 0 },
        });
        var first = paper.GetProperty("consultations")[0].GetProperty("result");
        Assert.Equal("empfohlen", first.GetProperty("outcomeLabel").GetString());
        Assert.True(first.GetProperty("unanimous").GetBoolean());

        // The Kreisausschuss is chaired by the Landrätin: she records its result herself.
        paper = await _api.RecordAsync(landraetin, id, PaperApi.ConsultationId(paper, 2), new
        {
            date = "2021-03-17", outcome = "recommended", votes = new { entitled = 7, yes = 6, no = 1, abstain = 0, recused = 0 },
        });
        paper = await _api.RecordAsync(landraetin, id, PaperApi.ConsultationId(paper, 3), new
        {
            date = "2021-03-31", outcome = "adopted", votes = new { entitled = 33, yes = 27, no = 6, abstain = 0, recused = 0 },
        });
        Assert.Equal("adopted", paper.GetProperty("status").GetString());
        Assert.Equal(["sign", "object"], PaperApi.Actions(await _api.GetAsync(landraetin, id)));
        Assert.Empty(PaperApi.Actions(await _api.GetAsync(clerk, id)));

        paper = await _api.ActAsync(landraetin, id, "sign", new { date = "2021-04-01" });
        Assert.Equal("signed", paper.GetProperty("status").GetString());
        Assert.Equal("2021-04-01", paper.GetProperty("signedDate").GetString());
        Assert.Empty(PaperApi.Actions(paper));

        // Database state and the journal agree with what the API said.
        Assert.Equal("signed", app.Scalar<string>("SELECT status FROM papers WHERE id = @id", new { id }));
        Assert.Equal(27, app.Scalar<int>("SELECT votes_yes FROM consultations WHERE paper_id = @id AND position = 3", new { id }));
        Assert.Equal(0, app.Scalar<int>("SELECT COUNT(*) FROM workflow_bookmarks b JOIN papers p ON p.workflow_instance_id = b.instance_id WHERE p.id = @id", new { id }));

        var history = await (await clerk.GetAsync($"/api/papers/{id}/history")).ReadJson();
        var steps = history.EnumerateArray().Select(h => h.GetProperty("kind").GetString() == "result"
            ? "result:" + h.GetProperty("outcome").GetString() : h.GetProperty("action").GetString() + ":" + h.GetProperty("toStatus").GetString()).ToList();
        Assert.Equal(["submit:submitted", "release:in_deliberation", "result:recommended", "result:recommended", "result:adopted",
            "result:adopted", "sign:signed"], steps);
        var signing = history.EnumerateArray().Last();
        Assert.Equal("Landrätin Hochwind-Schneider", signing.GetProperty("actorName").GetString());
        Assert.Equal("landrat", signing.GetProperty("actorRole").GetString());
        var kreistag = history.EnumerateArray().Where(h => h.GetProperty("kind").GetString() == "result").Last();
        Assert.Equal(27, kreistag.GetProperty("votes").GetProperty("yes").GetInt32());

        var verify = await (await clerk.GetAsync($"/api/papers/{id}/journal/verify")).ReadJson();
        Assert.True(verify.GetProperty("valid").GetBoolean());
        Assert.True(verify.GetProperty("records").GetInt64() >= 10);
    }

    [Fact]
    public async Task Erzgebirgskreis_0640_with_a_non_public_Ausschuss_and_one_abstention()
    {
        var clerk = await app.ClientFor("erz.clerk");
        var chair = await app.ClientFor("erz.chair.soziales");
        var landrat = await app.ClientFor("erz.landrat");
        var paper = await _api.CreateAsync(clerk, new
        {
            bodyId = app.BodyId("erzgebirgskreis"), reference = "0640", title = "Fortschreibung des Integrationskonzeptes Erzgebirgskreis",
            date = "2021-11-23", originator = "Abteilung 2",
            legalBasis = "Zuwanderungs- und Integrationskonzept II des Freistaates Sachsen (ZIK II)",
            consultedWith = "Akteuren der Sozialen Betreuung, Vertretern von Kommunen, Einrichtungen und Institutionen",
            proposal = "Der Kreistag des Erzgebirgskreises beschließt das als Anlage 1 der Beschlussvorlage beigefügte Integrationskonzept und setzt dieses zum 01.01.2022 in Kraft.",
            reasoning = "Mit Beschlussfassung des Kreistages am 7. Juni 2017 wurde zum 1. Juli 2017 das Integrationskonzept Erzgebirgskreis in Kraft gesetzt.",
            effectiveDate = "2022-01-01", financialImpact = new { impact = "keine" }, // seed 001: "Welche finanziellen Auswirkungen/ Produktsachkonto: keine"
            consultations = new object[]
            {
                new { organizationId = app.OrganizationId("erzgebirgskreis", PaperApi.ErzAusschuss), role = "vorberatend", @public = false, plannedDate = "2021-11-22" },
                new { organizationId = app.OrganizationId("erzgebirgskreis", "Kreistag"), role = "beschliessend", @public = true, plannedDate = "2021-12-08" },
            },
        });
        var id = PaperApi.Id(paper);
        Assert.Equal("2022-01-01", paper.GetProperty("effectiveDate").GetString());
        await _api.ActAsync(clerk, id, "submit");
        paper = await _api.ActAsync(landrat, id, "release");

        paper = await _api.RecordAsync(chair, id, PaperApi.ConsultationId(paper, 1), new
        {
            date = "2021-11-22", outcome = "recommended", votes = new { entitled = 12, yes = 11, no = 0, abstain = 1, recused = 0 },
        });
        var ausschuss = paper.GetProperty("consultations")[0];
        Assert.True(ausschuss.GetProperty("result").GetProperty("unanimous").GetBoolean());
        Assert.Equal("nichtöffentlich", ausschuss.GetProperty("publicLabel").GetString());

        paper = await _api.RecordAsync(landrat, id, PaperApi.ConsultationId(paper, 2), new
        {
            date = "2021-12-08", outcome = "adopted", votes = new { entitled = 80, yes = 70, no = 6, abstain = 4, recused = 0 },
        });
        Assert.Equal("adopted", paper.GetProperty("status").GetString());
        paper = await _api.ActAsync(landrat, id, "sign", new { date = "2021-12-09" });
        Assert.Equal("signed", paper.GetProperty("status").GetString());

        // The public sees the paper and the Kreistag result, but of the Ausschuss only Gremium, date and "nichtöffentlich".
        var anonymous = app.CreateClient();
        var publicView = await _api.GetAsync(anonymous, id);
        var hidden = publicView.GetProperty("consultations")[0];
        Assert.True(hidden.GetProperty("restricted").GetBoolean());
        Assert.Equal(JsonValueKind.Null, hidden.GetProperty("result").ValueKind);
        Assert.Equal("2021-11-22", hidden.GetProperty("plannedDate").GetString());
        Assert.Equal(70, publicView.GetProperty("consultations")[1].GetProperty("result").GetProperty("votes").GetProperty("yes").GetInt32());
        var publicHistory = (await (await anonymous.GetAsync($"/api/papers/{id}/history")).Content.ReadAsStringAsync());
        Assert.DoesNotContain("\"abstain\":1", publicHistory);
        Assert.True((await (await anonymous.GetAsync($"/api/papers/{id}/journal/verify")).ReadJson()).GetProperty("valid").GetBoolean());
    }
}

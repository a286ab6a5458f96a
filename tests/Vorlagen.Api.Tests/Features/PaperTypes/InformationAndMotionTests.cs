using System.Net.Http.Json;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Features.PaperTypes;

/// <summary>An Informationsvorlage is taken note of (Kenntnisnahme only, outcome noted, no tally); an Antrag runs like a Beschlussvorlage.</summary>
public sealed class InformationAndMotionTests(VorlagenApp app) : IClassFixture<VorlagenApp>
{
    private readonly PaperApi _api = new(app);

    private object Information(string reference, string role = "kenntnisnahme") => new
    {
        bodyId = app.BodyId("kyffhaeuserkreis"), reference, paperType = "informationsvorlage", title = "Bericht zur Integrationsarbeit 2020",
        date = "2021-02-15", originator = "Die Landrätin", reasoning = "Der Bericht gibt einen Überblick über die Integrationsarbeit.", @public = true,
        consultations = new[]
        {
            new { organizationId = app.OrganizationId("kyffhaeuserkreis", PaperApi.KyfAusschuss), role },
            new { organizationId = app.OrganizationId("kyffhaeuserkreis", "Kreistag"), role = "kenntnisnahme" },
        },
    };

    [Fact]
    public async Task An_Informationsvorlage_is_taken_note_of_without_a_tally()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var chair = await app.ClientFor("kyf.chair.soziales");
        var landraetin = await app.ClientFor("kyf.landraetin");
        var created = await _api.CreateAsync(clerk, Information("IV-2021/1"));
        var id = PaperApi.Id(created);
        Assert.Equal("Informationsvorlage", created.GetProperty("paperTypeLabel").GetString());
        await _api.ActAsync(clerk, id, "submit");
        await _api.ActAsync(landraetin, id, "release");
        var paper = await _api.GetAsync(chair, id);
        await _api.RecordAsync(chair, id, PaperApi.ConsultationId(paper, 1), new { date = "2021-03-04", outcome = "noted" });
        var tallied = await chair.PostAsJsonAsync($"/api/papers/{id}/consultations/{PaperApi.ConsultationId(paper, 2)}/result",
            new { date = "2021-03-31", outcome = "adopted", votes = new { entitled = 33, yes = 27, no = 6, abstain = 0, recused = 0 } });
        Assert.InRange((int)tallied.StatusCode, 400, 499);
        var done = await _api.RecordAsync(landraetin, id, PaperApi.ConsultationId(paper, 2), new { date = "2021-03-31", outcome = "noted" });
        Assert.Equal("noted", done.GetProperty("status").GetString());
        Assert.Equal("Zur Kenntnis genommen", done.GetProperty("statusLabel").GetString());
        Assert.Empty(PaperApi.Actions(done));
        Assert.All(done.GetProperty("consultations").EnumerateArray(), c => Assert.False(c.GetProperty("result").TryGetProperty("votes", out var v) && v.ValueKind != System.Text.Json.JsonValueKind.Null));
    }

    [Fact]
    public async Task An_Informationsvorlage_with_a_vorberatend_step_is_400_and_writes_nothing()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var papers = app.Scalar<int>("SELECT COUNT(*) FROM papers");
        var response = await clerk.PostAsJsonAsync("/api/papers", Information("IV-2021/2", role: "vorberatend"));
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("Kenntnisnahme", await response.Content.ReadAsStringAsync());
        var proposal = await clerk.PostAsJsonAsync("/api/papers", new
        {
            bodyId = app.BodyId("kyffhaeuserkreis"), paperType = "informationsvorlage", title = "T", originator = "O", reasoning = "R", proposal = "Beschluss",
        });
        Assert.Equal(400, (int)proposal.StatusCode);
        Assert.True((await proposal.ReadJson()).GetProperty("errors").TryGetProperty("proposal", out _));
        Assert.Equal(papers, app.Scalar<int>("SELECT COUNT(*) FROM papers"));
    }

    [Fact]
    public async Task An_Antrag_of_a_Fraktion_runs_through_its_Beratungsfolge_to_the_Ausfertigung()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var chair = await app.ClientFor("kyf.chair.soziales");
        var landraetin = await app.ClientFor("kyf.landraetin");
        var created = await _api.CreateAsync(clerk, new
        {
            bodyId = app.BodyId("kyffhaeuserkreis"), reference = "AN-2021/1", paperType = "antrag", title = "Ehrenamtskarte im Kyffhäuserkreis",
            date = "2021-02-01", originator = "Fraktion Beispiel", proposal = "Der Kreistag beschließt die Einführung einer Ehrenamtskarte.",
            reasoning = "Das Ehrenamt soll gestärkt werden.", @public = true,
            fields = new { submitters = new[] { "Kreisrat A (Fraktionsvorsitzender)" }, agendaDeadline = "übernächste Sitzung des Kreistags" },
        });
        var id = PaperApi.Id(created);
        Assert.Equal("antrag", created.GetProperty("paperType").GetString());
        Assert.Equal("Antrag", created.GetProperty("paperTypeLabel").GetString());
        Assert.Equal("2021-02-01", created.GetProperty("date").GetString());
        Assert.Equal(3, created.GetProperty("consultations").GetArrayLength()); // the body's Beratungsfolge template
        await _api.ActAsync(clerk, id, "submit");
        await _api.ActAsync(landraetin, id, "release");
        var paper = await _api.GetAsync(chair, id);
        await _api.RecordAsync(chair, id, PaperApi.ConsultationId(paper, 1), new { date = "2021-03-04", outcome = "recommended", votes = new { entitled = 9, yes = 9, no = 0, abstain = 0, recused = 0 } });
        await _api.RecordAsync(landraetin, id, PaperApi.ConsultationId(paper, 2), new { date = "2021-03-17", outcome = "recommended", votes = new { entitled = 7, yes = 6, no = 1, abstain = 0, recused = 0 } });
        await _api.RecordAsync(landraetin, id, PaperApi.ConsultationId(paper, 3), new { date = "2021-03-31", outcome = "adopted", votes = new { entitled = 33, yes = 27, no = 6, abstain = 0, recused = 0 } });
        var signed = await _api.ActAsync(landraetin, id, "sign", new { date = "2021-04-01" });
        Assert.Equal("signed", signed.GetProperty("status").GetString());
        Assert.Equal("Fraktion Beispiel", signed.GetProperty("originator").GetString());
        Assert.Equal("Kreisrat A (Fraktionsvorsitzender)", signed.GetProperty("fields").GetProperty("submitters")[0].GetString());
        var listed = await (await app.CreateClient().GetAsync("/api/papers?paperType=antrag")).ReadJson();
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetInt64() == id && p.GetProperty("paperTypeLabel").GetString() == "Antrag");
    }
}

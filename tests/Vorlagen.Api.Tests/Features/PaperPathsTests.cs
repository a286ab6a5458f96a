using System.Net;
using System.Net.Http.Json;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Features;

/// <summary>The other ways through the Beratungsfolge: Widerspruch, referral, postponement, withdrawal, return.</summary>
public sealed class PaperPathsTests(VorlagenApp app) : IClassFixture<VorlagenApp>
{
    private readonly PaperApi _api = new(app);
    private static readonly object Kreistag27To6 = new { entitled = 33, yes = 27, no = 6, abstain = 0, recused = 0 };

    [Fact]
    public async Task Widerspruch_appends_a_new_Kreistag_consultation_and_deliberation_resumes()
    {
        var (id, paper) = await _api.InDeliberationAsync("2021/7/101");
        var chair = await app.ClientFor("kyf.chair.soziales");
        var landraetin = await app.ClientFor("kyf.landraetin");
        paper = await _api.RecordAsync(chair, id, PaperApi.ConsultationId(paper, 1), new { date = "2021-03-04", outcome = "recommended", votes = new { entitled = 9, yes = 9, no = 0 } });
        paper = await _api.RecordAsync(landraetin, id, PaperApi.ConsultationId(paper, 2), new { date = "2021-03-17", outcome = "recommended", votes = new { entitled = 7, yes = 6, no = 1 } });
        paper = await _api.RecordAsync(landraetin, id, PaperApi.ConsultationId(paper, 3), new { date = "2021-03-31", outcome = "adopted", votes = Kreistag27To6 });

        await (await landraetin.PostAsJsonAsync($"/api/papers/{id}/actions/object", new { })).AssertProblem(400, "validation");
        paper = await _api.ActAsync(landraetin, id, "object", new { comment = "Der Beschluss verletzt § 113 ThürKO; erneute Beratung erforderlich.", date = "2021-04-01" });

        Assert.Equal("in_deliberation", paper.GetProperty("status").GetString());
        var consultations = paper.GetProperty("consultations");
        Assert.Equal(4, consultations.GetArrayLength());
        Assert.Equal("Kreistag", consultations[3].GetProperty("organizationName").GetString());
        Assert.Equal("beschliessend", consultations[3].GetProperty("role").GetString());
        Assert.Equal("pending", consultations[3].GetProperty("status").GetString());

        paper = await _api.RecordAsync(landraetin, id, PaperApi.ConsultationId(paper, 4), new { date = "2021-04-20", outcome = "rejected", votes = new { entitled = 40, yes = 10, no = 30 } });
        Assert.Equal("rejected", paper.GetProperty("status").GetString());
        var history = await (await landraetin.GetAsync($"/api/papers/{id}/history")).ReadJson();
        Assert.Contains(history.EnumerateArray(), h => h.GetProperty("action").GetString() == "object"
            && h.GetProperty("comment").GetString()!.Contains("§ 113 ThürKO"));
    }

    [Fact]
    public async Task Referral_inserts_the_other_committee_next_and_brings_the_decision_back()
    {
        var (id, paper) = await _api.InDeliberationAsync("2021/7/102");
        var chair = await app.ClientFor("kyf.chair.soziales");
        var landraetin = await app.ClientFor("kyf.landraetin");
        var sozial = app.OrganizationId("kyffhaeuserkreis", PaperApi.KyfAusschuss);
        paper = await _api.RecordAsync(chair, id, PaperApi.ConsultationId(paper, 1), new { date = "2021-03-04", outcome = "recommended", votes = new { entitled = 9, yes = 9, no = 0 } });
        paper = await _api.RecordAsync(landraetin, id, PaperApi.ConsultationId(paper, 2), new { date = "2021-03-17", outcome = "recommended", votes = new { entitled = 7, yes = 6, no = 1 } });

        paper = await _api.RecordAsync(landraetin, id, PaperApi.ConsultationId(paper, 3), new { date = "2021-03-31", outcome = "referred", referredToOrganizationId = sozial });

        var names = paper.GetProperty("consultations").EnumerateArray().Select(c => c.GetProperty("organizationName").GetString()).ToList();
        Assert.Equal([PaperApi.KyfAusschuss, "Kreisausschuss", "Kreistag", PaperApi.KyfAusschuss, "Kreistag"], names);
        Assert.Equal("verwiesen", paper.GetProperty("consultations")[2].GetProperty("result").GetProperty("outcomeLabel").GetString());
        Assert.Equal("in_deliberation", paper.GetProperty("status").GetString());
        Assert.Contains("record_result", PaperApi.Actions(await _api.GetAsync(chair, id)));

        paper = await _api.RecordAsync(chair, id, PaperApi.ConsultationId(paper, 4), new { date = "2021-04-08", outcome = "recommended", votes = new { entitled = 8, yes = 7, no = 1 } });
        paper = await _api.RecordAsync(landraetin, id, PaperApi.ConsultationId(paper, 5), new { date = "2021-04-28", outcome = "adopted", votes = Kreistag27To6 });
        Assert.Equal("adopted", paper.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Postponement_keeps_the_consultation_pending_with_a_new_date()
    {
        var (id, paper) = await _api.InDeliberationAsync("2021/7/103");
        var chair = await app.ClientFor("kyf.chair.soziales");
        var first = PaperApi.ConsultationId(paper, 1);

        paper = await _api.RecordAsync(chair, id, first, new { date = "2021-03-04", outcome = "postponed", plannedDate = "2021-03-25" });

        var consultation = paper.GetProperty("consultations")[0];
        Assert.Equal("pending", consultation.GetProperty("status").GetString());
        Assert.Equal("2021-03-25", consultation.GetProperty("plannedDate").GetString());
        paper = await _api.RecordAsync(chair, id, first, new { date = "2021-03-25", outcome = "recommended", votes = new { entitled = 9, yes = 8, no = 0, abstain = 1 } });
        Assert.Equal("done", paper.GetProperty("consultations")[0].GetProperty("status").GetString());
        var history = await (await chair.GetAsync($"/api/papers/{id}/history")).ReadJson();
        var results = history.EnumerateArray().Where(h => h.GetProperty("kind").GetString() == "result").ToList();
        Assert.Equal(["postponed", "recommended"], results.Select(h => h.GetProperty("outcome").GetString()));
        Assert.Equal("2021-03-25", results[0].GetProperty("newDate").GetString());
    }

    [Fact]
    public async Task Withdrawal_during_deliberation_ends_the_paper_and_its_waits()
    {
        var (id, paper) = await _api.InDeliberationAsync("2021/7/104");
        var clerk = await app.ClientFor("kyf.clerk");
        Assert.Contains("withdraw", PaperApi.Actions(await _api.GetAsync(clerk, id)));

        paper = await _api.ActAsync(clerk, id, "withdraw", new { comment = "Neue Fassung folgt." });

        Assert.Equal("withdrawn", paper.GetProperty("status").GetString());
        Assert.Empty(PaperApi.Actions(paper));
        var chair = await app.ClientFor("kyf.chair.soziales");
        await (await chair.PostAsJsonAsync($"/api/papers/{id}/consultations/{PaperApi.ConsultationId(paper, 1)}/result",
            new { date = "2021-03-04", outcome = "recommended", votes = new { entitled = 9, yes = 9, no = 0 } })).AssertProblem(409, "not_in_deliberation");
    }

    [Fact]
    public async Task Return_sends_a_submitted_paper_back_to_draft_where_it_can_be_edited()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var landraetin = await app.ClientFor("kyf.landraetin");
        var id = PaperApi.Id(await _api.CreateAsync(clerk, PaperApi.KyffhaeuserPaper(app.BodyId("kyffhaeuserkreis"), "2021/7/105")));
        await _api.ActAsync(clerk, id, "submit");

        var paper = await _api.ActAsync(landraetin, id, "return", new { comment = "Bitte Finanzierung ergänzen." });

        Assert.Equal("draft", paper.GetProperty("status").GetString());
        Assert.Equal(["submit", "withdraw"], PaperApi.Actions(await _api.GetAsync(clerk, id)));
    }
}

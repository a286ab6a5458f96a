using System.Net.Http.Json;
using System.Text.Json;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Features;

/// <summary>
/// Issue #18, law items through HTTP on the Erzgebirgskreis (SächsLKrO): the Widerspruch period, the Kreistag deciding on a
/// Widerspruch against an Ausschuss, the rehearing overrun, votes on procedural outcomes and the hand-over on Befangenheit.
/// </summary>
public sealed class LawProcedureTests(VorlagenApp app) : IClassFixture<VorlagenApp>
{
    private readonly PaperApi _api = new(app);
    private static readonly object Ausschuss14To1 = new { entitled = 14, yes = 13, no = 1, abstain = 0, recused = 0 };

    private (int Consultations, int Journal, int Version) Snapshot(long paperId) => (
        app.Scalar<int>("SELECT COUNT(*) FROM consultations"), app.Scalar<int>("SELECT COUNT(*) FROM workflow_execution_log"),
        app.Scalar<int>("SELECT version FROM papers WHERE id = @paperId", new { paperId }));

    /// <summary>A paper the Ausschuss (beschließender Ausschuss, 15 seats) decides itself; released, waiting for its result.</summary>
    private async Task<(long Id, JsonElement Paper, HttpClient Chair, HttpClient Landrat)> AusschussDecidesAsync(string reference)
    {
        var clerk = await app.ClientFor("erz.clerk");
        var landrat = await app.ClientFor("erz.landrat");
        var id = PaperApi.Id(await _api.CreateAsync(clerk, new
        {
            bodyId = app.BodyId("erzgebirgskreis"), reference, title = "Zuschuss Familienzentrum", date = "2013-01-10", originator = "Abteilung 2",
            proposal = "Der Ausschuss beschließt den Zuschuss.", reasoning = "Begründung.", @public = true,
            consultations = new object[] { new { organizationId = app.OrganizationId("erzgebirgskreis", PaperApi.ErzAusschuss), role = "beschliessend" } },
        }));
        await _api.ActAsync(clerk, id, "submit", new { date = "2013-01-10" });
        var paper = await _api.ActAsync(landrat, id, "release", new { date = "2013-01-11" });
        return (id, paper, await app.ClientFor("erz.chair.soziales"), landrat);
    }

    [Fact]
    public async Task A_late_Saxon_Widerspruch_is_409_naming_the_deadline_and_citation_and_writes_nothing()
    {
        var (id, paper, chair, landrat) = await AusschussDecidesAsync("0701");
        await _api.RecordAsync(chair, id, PaperApi.ConsultationId(paper, 1), new { date = "2024-05-08", outcome = "adopted", votes = Ausschuss14To1 });
        var before = Snapshot(id);

        foreach (var body in new object[] { new { comment = "Rechtswidrig.", date = "2024-05-23" }, new { comment = "Rechtswidrig." } })
        {
            var problem = await (await landrat.PostAsJsonAsync($"/api/papers/{id}/actions/object", body)).AssertProblem(409, "widerspruch_period_expired");
            Assert.Equal("2024-05-22", problem.GetProperty("deadline").GetString());
            Assert.Equal("§ 48 Abs. 2 Satz 2 SächsLKrO", problem.GetProperty("citation").GetString());
            Assert.True(problem.GetProperty("wordingVerified").GetBoolean());
            Assert.Contains("22.05.2024", problem.GetProperty("detail").GetString());
            Assert.Contains("2 Wochen", problem.GetProperty("detail").GetString());
        }
        Assert.Equal(before, Snapshot(id));
        Assert.Equal("adopted", app.Scalar<string>("SELECT status FROM papers WHERE id = @id", new { id }));

        var objected = await _api.ActAsync(landrat, id, "object", new { comment = "Rechtswidrig.", date = "2024-05-22" });
        Assert.Equal("in_deliberation", objected.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_Widerspruch_against_an_Ausschuss_is_decided_by_the_Kreistag_and_a_late_session_is_journaled_not_refused()
    {
        var (id, paper, chair, landrat) = await AusschussDecidesAsync("0702");
        var decision = PaperApi.ConsultationId(paper, 1);
        await _api.RecordAsync(chair, id, decision, new { date = "2024-05-08", outcome = "adopted", votes = Ausschuss14To1 });

        paper = await _api.ActAsync(landrat, id, "object", new { comment = "Rechtswidrig.", date = "2024-05-10" });

        var rehearing = paper.GetProperty("consultations")[1];
        Assert.Equal("Kreistag", rehearing.GetProperty("organizationName").GetString());
        Assert.Equal("beschliessend", rehearing.GetProperty("role").GetString());
        Assert.Equal(decision, rehearing.GetProperty("rehearingOf").GetInt64());
        Assert.Equal(decision, app.Scalar<long>("SELECT objected_consultation_id FROM consultations WHERE id = @id", new { id = rehearing.GetProperty("id").GetInt64() }));
        Assert.Contains(rehearing.GetProperty("id").GetInt64(), (await Tasks(landrat)).Select(t => t.GetProperty("consultationId").GetInt64()));

        // Four weeks from 08.05.2024 end on 05.06.2024; the Kreistag met on 20.06.2024: accepted, overrun journaled.
        paper = await _api.RecordAsync(landrat, id, rehearing.GetProperty("id").GetInt64(), new
        {
            date = "2024-06-20", outcome = "adopted", votes = new { entitled = 80, yes = 60, no = 20, abstain = 0, recused = 0 },
        });
        Assert.Equal("adopted", paper.GetProperty("status").GetString());
        var overrun = JsonDocument.Parse(app.Scalar<string>(
            "SELECT payload FROM workflow_execution_log WHERE event_name = 'ResultRecorded' AND payload LIKE '%\"rehearingOverrun\":{%' " +
            "AND payload LIKE @consultation", new { consultation = $"%\"consultationId\":{rehearing.GetProperty("id").GetInt64()},%" })).RootElement
            .GetProperty("rehearingOverrun");
        Assert.Equal("2024-06-05", overrun.GetProperty("due").GetString());
        Assert.Equal(15, overrun.GetProperty("daysLate").GetInt32());
        Assert.Equal("§ 48 Abs. 2 Satz 4 Halbsatz 2 SächsLKrO", overrun.GetProperty("citation").GetString());
    }

    [Fact]
    public async Task Before_2014_the_Ausschuss_itself_decided_anew_and_a_session_in_time_has_no_overrun()
    {
        var (id, paper, chair, landrat) = await AusschussDecidesAsync("0703");
        await _api.RecordAsync(chair, id, PaperApi.ConsultationId(paper, 1), new { date = "2013-02-06", outcome = "adopted", votes = Ausschuss14To1 });

        paper = await _api.ActAsync(landrat, id, "object", new { comment = "Nachteilig.", date = "2013-02-08" });

        var rehearing = paper.GetProperty("consultations")[1];
        Assert.Equal(PaperApi.ErzAusschuss, rehearing.GetProperty("organizationName").GetString());
        // Three weeks then (§ 48 Abs. 2 Satz 4 a.F.): 27.02.2013 is the last day.
        await _api.RecordAsync(chair, id, rehearing.GetProperty("id").GetInt64(), new { date = "2013-02-27", outcome = "rejected",
            votes = new { entitled = 14, yes = 4, no = 10, abstain = 0, recused = 0 } });
        Assert.Equal(0, app.Scalar<int>("SELECT COUNT(*) FROM workflow_execution_log WHERE payload LIKE @consultation AND payload LIKE '%\"rehearingOverrun\":{%'",
            new { consultation = $"%\"consultationId\":{rehearing.GetProperty("id").GetInt64()},%" }));
    }

    [Fact]
    public async Task A_postponement_or_referral_may_carry_a_tally_checked_like_any_other()
    {
        var (id, paper, chair, _) = await AusschussDecidesAsync("0704");
        var first = PaperApi.ConsultationId(paper, 1);
        var before = Snapshot(id);
        var notQuorate = await chair.PostAsJsonAsync($"/api/papers/{id}/consultations/{first}/result",
            new { date = "2024-05-08", outcome = "postponed", votes = new { entitled = 6, yes = 5, no = 1 } });
        var problem = await notQuorate.AssertProblem(422, "tally_rejected");
        Assert.Equal("quorum.not_reached", problem.GetProperty("violations")[0].GetProperty("code").GetString());
        Assert.True(problem.GetProperty("violations")[0].GetProperty("wordingVerified").GetBoolean());
        Assert.Equal(before, Snapshot(id));

        // "mehrheitlich vertagt": 14 yes, 4 no... here 9 yes, 3 no, 2 abstentions, 1 befangen of 15.
        await _api.RecordAsync(chair, id, first, new
        {
            date = "2024-05-08", outcome = "postponed", plannedDate = "2024-06-05", majority = "simple",
            votes = new { entitled = 14, yes = 9, no = 3, abstain = 2, recused = 1 },
        });
        var history = await (await chair.GetAsync($"/api/papers/{id}/history")).ReadJson();
        var postponed = history.EnumerateArray().Single(h => h.GetProperty("kind").GetString() == "result");
        Assert.Equal("postponed", postponed.GetProperty("outcome").GetString());
        Assert.Equal(9, postponed.GetProperty("votes").GetProperty("yes").GetInt32());
    }

    [Fact]
    public async Task An_Ausschuss_not_quorate_because_of_Befangenheit_hands_the_matter_to_the_Kreistag()
    {
        var (id, paper, chair, landrat) = await AusschussDecidesAsync("0705");
        var first = PaperApi.ConsultationId(paper, 1);
        var recused = new { entitled = 6, yes = 5, no = 1, abstain = 0, recused = 5 };
        var before = Snapshot(id);
        var second = await chair.PostAsJsonAsync($"/api/papers/{id}/consultations/{first}/result",
            new { date = "2024-05-08", outcome = "adopted", secondSession = true, votes = recused });
        var problem = await second.AssertProblem(422, "tally_rejected");
        Assert.Contains("§ 37 Abs. 5 Satz 3 SächsLKrO", problem.GetProperty("detail").GetString());
        Assert.Equal(before, Snapshot(id));

        paper = await _api.RecordAsync(chair, id, first, new { date = "2024-05-08", outcome = "handed_to_kreistag", votes = recused });

        var consultations = paper.GetProperty("consultations");
        Assert.Equal("Kreistag", consultations[0].GetProperty("result").GetProperty("referredToOrganizationName").GetString());
        Assert.Equal(("Kreistag", "beschliessend", "pending"), (consultations[1].GetProperty("organizationName").GetString(),
            consultations[1].GetProperty("role").GetString(), consultations[1].GetProperty("status").GetString()));
        Assert.Equal("in_deliberation", paper.GetProperty("status").GetString());
        paper = await _api.RecordAsync(landrat, id, PaperApi.ConsultationId(paper, 2), new
        {
            date = "2024-06-12", outcome = "adopted", votes = new { entitled = 80, yes = 70, no = 10, abstain = 0, recused = 0 },
        });
        Assert.Equal("adopted", paper.GetProperty("status").GetString());
    }

    private static async Task<IEnumerable<JsonElement>> Tasks(HttpClient client) =>
        (await (await client.GetAsync("/api/tasks")).ReadJson()).GetProperty("items").EnumerateArray()
            .Where(t => t.GetProperty("consultationId").ValueKind == JsonValueKind.Number);
}

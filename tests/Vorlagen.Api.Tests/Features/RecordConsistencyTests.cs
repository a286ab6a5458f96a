using System.Net.Http.Json;
using System.Text.Json;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Features;

/// <summary>
/// The record stays consistent: dates fit the sequence of events, results carry only the fields of
/// their outcome, a Gremium deactivated since drafting does not deliberate, a PUT replaces the whole
/// draft, and a Widerspruch is lodged once. Every refusal writes nothing.
/// </summary>
public sealed class RecordConsistencyTests(VorlagenApp app) : IClassFixture<VorlagenApp>
{
    private static readonly object Ausschuss9To0 = new { entitled = 9, yes = 9, no = 0 };
    private readonly PaperApi _api = new(app);

    private (int Consultations, int Journal, int Version) Snapshot(long paperId) => (
        app.Scalar<int>("SELECT COUNT(*) FROM consultations"), app.Scalar<int>("SELECT COUNT(*) FROM workflow_execution_log"),
        app.Scalar<int>("SELECT version FROM papers WHERE id = @paperId", new { paperId }));

    private static string Tomorrow() => DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd");

    [Fact]
    public async Task A_session_date_in_the_future_or_before_the_previous_session_is_400()
    {
        var (id, paper) = await _api.InDeliberationAsync("2021/7/601");
        var chair = await app.ClientFor("kyf.chair.soziales");
        var landraetin = await app.ClientFor("kyf.landraetin");
        var before = Snapshot(id);

        var future = await chair.PostAsJsonAsync($"/api/papers/{id}/consultations/{PaperApi.ConsultationId(paper, 1)}/result",
            new { date = Tomorrow(), outcome = "recommended", votes = Ausschuss9To0 });
        Assert.Contains("Zukunft", Error(await future.AssertProblem(400, "validation"), "date"));
        Assert.Equal(before, Snapshot(id));

        paper = await _api.RecordAsync(chair, id, PaperApi.ConsultationId(paper, 1), new { date = "2021-03-04", outcome = "recommended", votes = Ausschuss9To0 });
        before = Snapshot(id);
        var backdated = await landraetin.PostAsJsonAsync($"/api/papers/{id}/consultations/{PaperApi.ConsultationId(paper, 2)}/result",
            new { date = "2010-01-01", outcome = "recommended", votes = new { entitled = 7, yes = 6, no = 1 } });
        Assert.Contains("04.03.2021", Error(await backdated.AssertProblem(400, "validation"), "date"));
        Assert.Equal(before, Snapshot(id));

        // The same day as the previous session is fine (committees sometimes meet back to back).
        await _api.RecordAsync(landraetin, id, PaperApi.ConsultationId(paper, 2), new { date = "2021-03-04", outcome = "recommended", votes = new { entitled = 7, yes = 6, no = 1 } });
    }

    [Fact]
    public async Task Action_dates_in_the_future_and_a_Widerspruch_before_the_decision_are_400()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var landraetin = await app.ClientFor("kyf.landraetin");
        var draft = PaperApi.Id(await _api.CreateAsync(clerk, PaperApi.KyffhaeuserPaper(app.BodyId("kyffhaeuserkreis"), "2021/7/602")));
        var before = Snapshot(draft);
        var submit = await clerk.PostAsJsonAsync($"/api/papers/{draft}/actions/submit", new { date = Tomorrow() });
        Assert.Contains("Zukunft", Error(await submit.AssertProblem(400, "validation"), "date"));
        Assert.Equal(before, Snapshot(draft));

        var id = await AdoptedAsync("2021/7/603");
        before = Snapshot(id);
        var early = await landraetin.PostAsJsonAsync($"/api/papers/{id}/actions/object", new { comment = "Nachteilig für den Landkreis.", date = "2021-03-30" });
        Assert.Contains("31.03.2021", Error(await early.AssertProblem(400, "validation"), "date"));
        var signLater = await landraetin.PostAsJsonAsync($"/api/papers/{id}/actions/sign", new { date = Tomorrow() });
        Assert.Contains("Zukunft", Error(await signLater.AssertProblem(400, "validation"), "date"));
        Assert.Equal(before, Snapshot(id));
        Assert.Equal("adopted", (await _api.GetAsync(landraetin, id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Fields_of_another_outcome_are_refused_and_an_unknown_referral_target_is_400()
    {
        var (id, paper) = await _api.InDeliberationAsync("2021/7/604");
        var chair = await app.ClientFor("kyf.chair.soziales");
        var url = $"/api/papers/{id}/consultations/{PaperApi.ConsultationId(paper, 1)}/result";
        var kreistag = app.OrganizationId("kyffhaeuserkreis", "Kreistag");
        var before = Snapshot(id);

        var cases = new (object Body, string Field)[]
        {
            (new { date = "2021-03-04", outcome = "recommended", votes = Ausschuss9To0, resolutionText = "Anderer Wortlaut" }, "resolutionText"),
            (new { date = "2021-03-04", outcome = "recommended", votes = Ausschuss9To0, referredToOrganizationId = kreistag }, "referredToOrganizationId"),
            (new { date = "2021-03-04", outcome = "no_recommendation", plannedDate = "2021-04-01" }, "plannedDate"),
            (new { date = "2021-03-04", outcome = "postponed", plannedDate = "2021-03-01" }, "plannedDate"),
            (new { date = "2021-03-04", outcome = "referred", referredToOrganizationId = 999_999 }, "referredToOrganizationId"),
            (new { date = "2021-03-04", outcome = "referred", referredToOrganizationId = app.OrganizationId("erzgebirgskreis", "Kreistag") }, "referredToOrganizationId"),
        };
        foreach (var (body, field) in cases)
        {
            var problem = await (await chair.PostAsJsonAsync(url, body)).AssertProblem(400, "validation");
            Assert.False(string.IsNullOrEmpty(Error(problem, field)), JsonSerializer.Serialize(body));
        }
        // An unknown id and another body's Gremium get the same answer: ids of other bodies do not show.
        var unknown = await (await chair.PostAsJsonAsync(url, cases[4].Body)).ReadJson();
        var foreign = await (await chair.PostAsJsonAsync(url, cases[5].Body)).ReadJson();
        Assert.Equal(Error(unknown, "referredToOrganizationId"), Error(foreign, "referredToOrganizationId"));
        Assert.Equal(before, Snapshot(id));
    }

    [Fact]
    public async Task A_Gremium_deactivated_after_drafting_stops_submit_until_the_Beratungsfolge_is_fixed()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var admin = await app.ClientFor("admin");
        var bodyId = app.BodyId("kyffhaeuserkreis");
        var created = await admin.PostAsJsonAsync("/api/organizations", new
        {
            bodyId, name = "Ausschuss für Kreisentwicklung (aufgelöst)", shortName = "AfK", kind = "beratender_ausschuss", seats = 9, chairVotes = true,
        });
        var organization = await created.ReadJson();
        Assert.True(created.IsSuccessStatusCode, organization.ToString());
        var organizationId = organization.GetProperty("id").GetInt64();
        var edit = (JsonElement)JsonSerializer.SerializeToElement(_api.KyffhaeuserEdit(bodyId, "2021/7/605"), VorlagenApp.Json);
        var id = PaperApi.Id(await _api.CreateAsync(clerk, WithFirstConsultation(edit, organizationId)));
        var deactivate = new HttpRequestMessage(HttpMethod.Put, $"/api/organizations/{organizationId}")
        {
            Content = JsonContent.Create(new { bodyId, name = "Ausschuss für Kreisentwicklung (aufgelöst)", shortName = "AfK", kind = "beratender_ausschuss", seats = 9, chairVotes = true, active = false }),
        };
        var deactivated = await admin.SendAsync(deactivate);
        Assert.True(deactivated.IsSuccessStatusCode, await deactivated.Content.ReadAsStringAsync());
        var before = Snapshot(id);

        var problem = await (await clerk.PostAsJsonAsync($"/api/papers/{id}/actions/submit", new { })).AssertProblem(409, "inactive_organization");
        Assert.Contains("Ausschuss für Kreisentwicklung (aufgelöst)", problem.GetProperty("detail").GetString());
        Assert.Equal(before, Snapshot(id));

        var fixedDraft = await clerk.PutAsJsonAsync($"/api/papers/{id}", edit);
        Assert.True(fixedDraft.IsSuccessStatusCode, await fixedDraft.Content.ReadAsStringAsync());
        await _api.ActAsync(clerk, id, "submit");
    }

    [Fact]
    public async Task A_PUT_replaces_the_whole_draft_and_refuses_what_it_cannot_leave_empty()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var bodyId = app.BodyId("kyffhaeuserkreis");
        var kreistag = app.OrganizationId("kyffhaeuserkreis", "Kreistag");
        var id = PaperApi.Id(await _api.CreateAsync(clerk, new
        {
            bodyId, reference = "2021/7/606", title = "Satzung", originator = "Amt", proposal = "Beschluss.", reasoning = "Grund.", legalBasis = "§ 26 ThürKO",
            date = "2021-02-01", @public = false, consultations = new[] { new { organizationId = kreistag, role = "beschliessend", plannedDate = "2021-03-31" } },
        }));
        var before = Snapshot(id);

        var partial = await clerk.PutAsJsonAsync($"/api/papers/{id}", new { title = "Satzung (neu)", originator = "Amt", proposal = "Beschluss.", reasoning = "Grund." });
        var problem = await partial.AssertProblem(400, "validation");
        foreach (var field in new[] { "reference", "date", "public", "consultations" }) Assert.False(string.IsNullOrEmpty(Error(problem, field)), field);
        var moved = await clerk.PutAsJsonAsync($"/api/papers/{id}", _api.KyffhaeuserEdit(app.BodyId("erzgebirgskreis"), "2021/7/606"));
        Assert.False(string.IsNullOrEmpty(Error(await moved.AssertProblem(400, "validation"), "bodyId")));
        Assert.Equal(before, Snapshot(id));

        var replaced = await clerk.PutAsJsonAsync($"/api/papers/{id}", _api.KyffhaeuserEdit(bodyId, "2021/7/606"));
        var paper = await replaced.ReadJson();
        Assert.True(replaced.IsSuccessStatusCode, paper.ToString());
        Assert.Equal(JsonValueKind.Null, paper.GetProperty("legalBasis").ValueKind);
        Assert.Equal(3, paper.GetProperty("consultations").GetArrayLength());
    }

    [Fact]
    public async Task A_non_public_paper_has_no_public_session_and_planned_dates_follow_the_Beratungsfolge()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var before = app.Scalar<int>("SELECT COUNT(*) FROM papers");
        var response = await clerk.PostAsJsonAsync("/api/papers", new
        {
            bodyId = app.BodyId("kyffhaeuserkreis"), reference = "2021/7/608", title = "Grundstücksverkauf", originator = "Amt", proposal = "Verkauf.",
            reasoning = "Käufer und Preis.", @public = false,
            consultations = new object[]
            {
                new { organizationId = app.OrganizationId("kyffhaeuserkreis", "Kreisausschuss"), role = "vorberatend", @public = true, plannedDate = "2021-03-17" },
                new { organizationId = app.OrganizationId("kyffhaeuserkreis", "Kreistag"), role = "beschliessend", @public = false, plannedDate = "2021-03-01" },
            },
        });

        var problem = await response.AssertProblem(400, "validation");
        Assert.Contains("nichtöffentlich", Error(problem, "consultations[0].public"));
        Assert.Contains("17.03.2021", Error(problem, "consultations[1].plannedDate"));
        Assert.Equal(before, app.Scalar<int>("SELECT COUNT(*) FROM papers"));
    }

    [Fact]
    public async Task After_the_renewed_decision_a_second_Widerspruch_hands_it_to_the_Rechtsaufsicht()
    {
        var landraetin = await app.ClientFor("kyf.landraetin");
        var id = await AdoptedAsync("2021/7/607");
        var paper = await _api.ActAsync(landraetin, id, "object", new { comment = "Der Beschluss ist rechtswidrig.", date = "2021-04-01" });
        paper = await _api.RecordAsync(landraetin, id, PaperApi.ConsultationId(paper, 4), new
        {
            date = "2021-04-20", outcome = "adopted", votes = new { entitled = 40, yes = 30, no = 10 },
        });

        Assert.Equal("adopted", paper.GetProperty("status").GetString());
        Assert.Equal(["sign", "object"], PaperApi.Actions(paper));
        paper = await _api.ActAsync(landraetin, id, "object", new { comment = "Weiterhin rechtswidrig; Entscheidung der Rechtsaufsicht.", date = "2021-04-21" });
        Assert.Equal("objected_again", paper.GetProperty("status").GetString());
        Assert.Equal("Erneuter Widerspruch (Entscheidung der Rechtsaufsichtsbehörde ausstehend)", paper.GetProperty("statusLabel").GetString());
        Assert.Equal(["sign", "set_aside"], PaperApi.Actions(paper));
        Assert.Equal(4, paper.GetProperty("consultations").GetArrayLength()); // nothing appended: the Rechtsaufsicht decides

        var before = Snapshot(id);
        await (await landraetin.PostAsJsonAsync($"/api/papers/{id}/actions/object", new { comment = "Noch einmal." })).AssertProblem(409, "action_not_allowed");
        await (await landraetin.PostAsJsonAsync($"/api/papers/{id}/actions/set_aside", new { })).AssertProblem(400, "validation");
        Assert.Equal(before, Snapshot(id));
        paper = await _api.ActAsync(landraetin, id, "set_aside", new { comment = "Bescheid des Landesverwaltungsamts vom 10.05.2021", date = "2021-05-12" });
        Assert.Equal("set_aside", paper.GetProperty("status").GetString());
        Assert.Equal("Aufgehoben (Rechtsaufsichtsbehörde)", paper.GetProperty("statusLabel").GetString());
        Assert.Empty(PaperApi.Actions(paper));
    }

    [Fact]
    public async Task A_session_cannot_precede_a_postponement_or_the_Widerspruch()
    {
        var (id, paper) = await _api.InDeliberationAsync("2021/7/609");
        var chair = await app.ClientFor("kyf.chair.soziales");
        var first = PaperApi.ConsultationId(paper, 1);
        await _api.RecordAsync(chair, id, first, new { date = "2021-03-04", outcome = "postponed", plannedDate = "2021-03-25" });
        var before = Snapshot(id);
        var early = await chair.PostAsJsonAsync($"/api/papers/{id}/consultations/{first}/result", new { date = "2021-02-15", outcome = "recommended", votes = Ausschuss9To0 });
        Assert.Contains("04.03.2021", Error(await early.AssertProblem(400, "validation"), "date"));
        Assert.Equal(before, Snapshot(id));

        var landraetin = await app.ClientFor("kyf.landraetin");
        var adopted = await AdoptedAsync("2021/7/610");
        paper = await _api.ActAsync(landraetin, adopted, "object", new { comment = "Nachteilig.", date = "2021-04-07" });
        before = Snapshot(adopted);
        var rehearing = await landraetin.PostAsJsonAsync($"/api/papers/{adopted}/consultations/{PaperApi.ConsultationId(paper, 4)}/result",
            new { date = "2021-04-05", outcome = "adopted", votes = new { entitled = 40, yes = 30, no = 10 } });
        Assert.Contains("07.04.2021", Error(await rehearing.AssertProblem(400, "validation"), "date"));
        Assert.Equal(before, Snapshot(adopted));
    }

    [Fact]
    public async Task Blank_texts_and_tally_settings_of_another_outcome_are_refused_or_dropped()
    {
        var (id, paper) = await _api.InDeliberationAsync("2021/7/611");
        var chair = await app.ClientFor("kyf.chair.soziales");
        var url = $"/api/papers/{id}/consultations/{PaperApi.ConsultationId(paper, 1)}/result";
        var before = Snapshot(id);
        foreach (var (body, field) in new (object, string)[]
        {
            (new { date = "2021-03-04", outcome = "postponed", majority = "two_thirds_present" }, "majority"),
            (new { date = "2021-03-04", outcome = "postponed", secondSession = true }, "secondSession"),
        })
            Assert.False(string.IsNullOrEmpty(Error(await (await chair.PostAsJsonAsync(url, body)).AssertProblem(400, "validation"), field)));
        Assert.Equal(before, Snapshot(id));

        // Blank wording with an outcome that has none is no wording: nothing is stored or journaled.
        await _api.RecordAsync(chair, id, PaperApi.ConsultationId(paper, 1), new { date = "2021-03-04", outcome = "recommended", votes = Ausschuss9To0, resolutionText = "  " });
        Assert.Null(app.Scalar<string?>("SELECT resolution_text FROM consultations WHERE paper_id = @id AND position = 1", new { id }));

        var clerk = await app.ClientFor("kyf.clerk");
        var invisible = await clerk.PostAsJsonAsync("/api/papers", new
        {
            bodyId = app.BodyId("kyffhaeuserkreis"), title = "Straße\u202Eevil", originator = "\u200B", proposal = "Vorschlag.", reasoning = "Grund.",
        });
        var problem = await invisible.AssertProblem(400, "validation");
        Assert.False(string.IsNullOrEmpty(Error(problem, "title")));
        Assert.False(string.IsNullOrEmpty(Error(problem, "originator")));
    }

    [Fact]
    public async Task Referrals_stop_at_the_size_limit_of_the_Beratungsfolge()
    {
        var (id, paper) = await _api.InDeliberationAsync("2021/7/612");
        var landraetin = await app.ClientFor("kyf.landraetin");
        var wirtschaft = app.OrganizationId("kyffhaeuserkreis", "Ausschuss für Wirtschaft, Tourismus und Umwelt");
        var soziales = app.OrganizationId("kyffhaeuserkreis", PaperApi.KyfAusschuss);
        var clerk = await app.ClientFor("kyf.clerk");
        for (var position = 1; paper.GetProperty("consultations").GetArrayLength() < 20; position++)
        {
            var current = paper.GetProperty("consultations").EnumerateArray().Single(c => c.GetProperty("position").GetInt32() == position);
            var target = current.GetProperty("organizationId").GetInt64() == wirtschaft ? soziales : wirtschaft;
            paper = await _api.RecordAsync(clerk, id, current.GetProperty("id").GetInt64(), new { date = "2021-03-04", outcome = "referred", referredToOrganizationId = target });
            Assert.True(position < 25, "the loop must reach the limit");
        }
        var waiting = paper.GetProperty("consultations").EnumerateArray().First(c => c.GetProperty("status").GetString() == "pending");
        var before = Snapshot(id);
        var next = waiting.GetProperty("organizationId").GetInt64() == wirtschaft ? soziales : wirtschaft;

        var response = await clerk.PostAsJsonAsync($"/api/papers/{id}/consultations/{waiting.GetProperty("id").GetInt64()}/result",
            new { date = "2021-03-04", outcome = "referred", referredToOrganizationId = next });

        await response.AssertProblem(409, "beratungsfolge_full");
        Assert.Equal(before, Snapshot(id));
        Assert.Equal(20, app.Scalar<int>("SELECT COUNT(*) FROM consultations WHERE paper_id = @id", new { id }));
    }

    /// <summary>A Kyffhäuser paper adopted by the Kreistag on 31.03.2021, awaiting Ausfertigung.</summary>
    private async Task<long> AdoptedAsync(string reference)
    {
        var (id, paper) = await _api.InDeliberationAsync(reference);
        var chair = await app.ClientFor("kyf.chair.soziales");
        var landraetin = await app.ClientFor("kyf.landraetin");
        paper = await _api.RecordAsync(chair, id, PaperApi.ConsultationId(paper, 1), new { date = "2021-03-04", outcome = "recommended", votes = Ausschuss9To0 });
        paper = await _api.RecordAsync(landraetin, id, PaperApi.ConsultationId(paper, 2), new { date = "2021-03-17", outcome = "recommended", votes = new { entitled = 7, yes = 6, no = 1 } });
        await _api.RecordAsync(landraetin, id, PaperApi.ConsultationId(paper, 3), new { date = "2021-03-31", outcome = "adopted", votes = new { entitled = 33, yes = 27, no = 6 } });
        return id;
    }

    private static string Error(JsonElement problem, string field) =>
        problem.GetProperty("errors").TryGetProperty(field, out var messages) ? messages[0].GetString()! : "";

    private static JsonElement WithFirstConsultation(JsonElement paper, long organizationId)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(paper.GetRawText())!;
        node["consultations"]![0]!["organizationId"] = organizationId;
        return JsonSerializer.SerializeToElement(node);
    }
}

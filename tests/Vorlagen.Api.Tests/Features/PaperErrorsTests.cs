using Dapper;
using System.Net;
using System.Net.Http.Json;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Features;

/// <summary>Every error case of the papers API answers with its ProblemDetails and writes nothing.</summary>
public sealed class PaperErrorsTests(VorlagenApp app) : IClassFixture<VorlagenApp>
{
    private readonly PaperApi _api = new(app);

    private (int Papers, int Consultations, int Journal, int Version) Snapshot(long paperId = 0) => (
        app.Scalar<int>("SELECT COUNT(*) FROM papers"), app.Scalar<int>("SELECT COUNT(*) FROM consultations"),
        app.Scalar<int>("SELECT COUNT(*) FROM workflow_execution_log"),
        app.Scalar<int>("SELECT COALESCE(MAX(version), 0) FROM papers WHERE id = @paperId", new { paperId }));

    [Fact]
    public async Task Invalid_fields_are_400_per_field_and_nothing_is_written()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var before = Snapshot();
        var response = await clerk.PostAsJsonAsync("/api/papers", new { bodyId = app.BodyId("kyffhaeuserkreis"), title = "", proposal = "x" });
        var problem = await response.AssertProblem(400, "validation");
        foreach (var field in new[] { "title", "originator", "reasoning" }) Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), field);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task A_Beratungsfolge_without_a_final_deciding_consultation_is_400()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var before = Snapshot();
        var kreistag = app.OrganizationId("kyffhaeuserkreis", "Kreistag");
        var ausschuss = app.OrganizationId("kyffhaeuserkreis", PaperApi.KyfAusschuss);
        var fremd = app.OrganizationId("erzgebirgskreis", "Kreistag");
        foreach (var consultations in new object[][]
        {
            [new { organizationId = kreistag, role = "beschliessend" }, new { organizationId = ausschuss, role = "vorberatend" }],
            [new { organizationId = ausschuss, role = "vorberatend" }],
            [new { organizationId = ausschuss, role = "vorberatend" }, new { organizationId = fremd, role = "beschliessend" }],
            [new { organizationId = ausschuss, role = "beschliessend" }],
        })
        {
            var paper = new Dictionary<string, object?>
            {
                ["bodyId"] = app.BodyId("kyffhaeuserkreis"), ["title"] = "T", ["originator"] = "O", ["proposal"] = "P", ["reasoning"] = "R",
                ["consultations"] = consultations,
            };
            await (await clerk.PostAsJsonAsync("/api/papers", paper)).AssertProblem(400, "validation");
        }
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task A_taken_reference_is_409_and_nothing_is_written()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        await _api.CreateAsync(clerk, PaperApi.KyffhaeuserPaper(app.BodyId("kyffhaeuserkreis"), "2021/7/201"));
        var before = Snapshot();
        await (await clerk.PostAsJsonAsync("/api/papers", PaperApi.KyffhaeuserPaper(app.BodyId("kyffhaeuserkreis"), "2021/7/201")))
            .AssertProblem(409, "reference_taken");
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task References_are_numbered_by_the_body_scheme_when_not_given()
    {
        var clerk = await app.ClientFor("erz.clerk");
        var paper = new
        {
            bodyId = app.BodyId("erzgebirgskreis"), title = "Haushaltssatzung 2022", date = "2021-10-01", originator = "Kämmerei",
            proposal = "Der Kreistag beschließt die Haushaltssatzung.", reasoning = "Gemäß § 74 SächsGemO.",
        };
        var first = (await _api.CreateAsync(clerk, paper)).GetProperty("reference").GetString();
        var second = (await _api.CreateAsync(clerk, paper)).GetProperty("reference").GetString();
        Assert.Matches("^[0-9]{4}$", first);
        Assert.Equal(int.Parse(first!) + 1, int.Parse(second!));
    }

    [Theory]
    [InlineData(null, 401)]
    [InlineData("kyf.chair.soziales", 403)]
    [InlineData("kyf.landraetin", 403)]
    [InlineData("erz.clerk", 403)]
    public async Task Only_the_bodys_clerk_drafts(string? username, int status)
    {
        var client = username is null ? app.CreateClient() : await app.ClientFor(username);
        var before = Snapshot();
        var response = await client.PostAsJsonAsync("/api/papers", PaperApi.KyffhaeuserPaper(app.BodyId("kyffhaeuserkreis"), "2021/7/299"));
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task An_action_not_allowed_now_is_409_naming_the_allowed_ones()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var id = PaperApi.Id(await _api.CreateAsync(clerk, PaperApi.KyffhaeuserPaper(app.BodyId("kyffhaeuserkreis"), "2021/7/202")));
        var before = Snapshot(id);

        var problem = await (await clerk.PostAsJsonAsync($"/api/papers/{id}/actions/sign", new { })).AssertProblem(409, "action_not_allowed");

        Assert.Equal(["submit", "withdraw"], problem.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(before, Snapshot(id));
        await (await clerk.PostAsJsonAsync($"/api/papers/{id}/actions/explode", new { })).AssertProblem(400, "validation");
    }

    [Fact]
    public async Task An_action_of_another_role_is_403_and_writes_nothing()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var id = PaperApi.Id(await _api.CreateAsync(clerk, PaperApi.KyffhaeuserPaper(app.BodyId("kyffhaeuserkreis"), "2021/7/203")));
        await _api.ActAsync(clerk, id, "submit");
        var before = Snapshot(id);

        await (await clerk.PostAsJsonAsync($"/api/papers/{id}/actions/release", new { })).AssertProblem(403, "forbidden");
        await (await (await app.ClientFor("erz.landrat")).PostAsJsonAsync($"/api/papers/{id}/actions/release", new { })).AssertProblem(404, "not_found");
        Assert.Equal(before, Snapshot(id));
    }

    [Fact]
    public async Task A_result_for_a_later_consultation_is_409_and_writes_nothing()
    {
        var (id, paper) = await _api.InDeliberationAsync("2021/7/204");
        var landraetin = await app.ClientFor("kyf.landraetin");
        var before = Snapshot(id);

        var problem = await (await landraetin.PostAsJsonAsync($"/api/papers/{id}/consultations/{PaperApi.ConsultationId(paper, 3)}/result",
            new { date = "2021-03-31", outcome = "adopted", votes = new { entitled = 33, yes = 27, no = 6 } })).AssertProblem(409, "not_current_consultation");

        Assert.Contains(PaperApi.KyfAusschuss, problem.GetProperty("detail").GetString());
        Assert.Equal(before, Snapshot(id));
    }

    [Fact]
    public async Task A_tally_against_the_rules_is_422_with_rule_and_citation_and_writes_nothing()
    {
        var (id, paper) = await _api.InDeliberationAsync("2021/7/205");
        var chair = await app.ClientFor("kyf.chair.soziales");
        var before = Snapshot(id);

        var problem = await (await chair.PostAsJsonAsync($"/api/papers/{id}/consultations/{PaperApi.ConsultationId(paper, 1)}/result",
            new { date = "2021-03-04", outcome = "recommended", votes = new { entitled = 9, yes = 3, no = 6 } })).AssertProblem(422, "tally_rejected");

        var violation = Assert.Single(problem.GetProperty("violations").EnumerateArray());
        Assert.Equal("outcome.contradicts_tally", violation.GetProperty("code").GetString());
        Assert.Contains("ThürKO", violation.GetProperty("citation").GetString());
        Assert.Equal(before, Snapshot(id));
        Assert.Equal("pending", app.Scalar<string>("SELECT status FROM consultations WHERE id = @c", new { c = PaperApi.ConsultationId(paper, 1) }));
    }

    [Fact]
    public async Task Result_input_errors_are_400()
    {
        var (id, paper) = await _api.InDeliberationAsync("2021/7/206");
        var chair = await app.ClientFor("kyf.chair.soziales");
        var url = $"/api/papers/{id}/consultations/{PaperApi.ConsultationId(paper, 1)}/result";
        var problem = await (await chair.PostAsJsonAsync(url, new { outcome = "gewonnen", votes = new { entitled = 9, yes = -1, no = 0 } })).AssertProblem(400, "validation");
        foreach (var field in new[] { "date", "outcome", "votes.yes" }) Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), field);
        await (await chair.PostAsJsonAsync(url, new { date = "2021-03-04", outcome = "referred" })).AssertProblem(400, "validation");
        await (await chair.PostAsync(url, new StringContent("{\"date\":\"gestern\"}", System.Text.Encoding.UTF8, "application/json"))).AssertProblem(400, "malformed_json");
        await (await chair.PostAsJsonAsync($"/api/papers/{id}/consultations/999999/result", new { date = "2021-03-04", outcome = "noted" })).AssertProblem(404, "not_found");
    }

    [Fact]
    public async Task A_chair_of_another_committee_may_not_record_but_the_clerk_may()
    {
        var (id, paper) = await _api.InDeliberationAsync("2021/7/207");
        var url = $"/api/papers/{id}/consultations/{PaperApi.ConsultationId(paper, 1)}/result";
        var result = new { date = "2021-03-04", outcome = "recommended", votes = new { entitled = 9, yes = 9, no = 0 } };
        await (await (await app.ClientFor("kyf.landraetin")).PostAsJsonAsync(url, result)).AssertProblem(403, "forbidden");
        await (await (await app.ClientFor("kyf.member")).PostAsJsonAsync(url, result)).AssertProblem(403, "forbidden");

        var recorded = await _api.RecordAsync(await app.ClientFor("kyf.clerk"), id, PaperApi.ConsultationId(paper, 1), result);

        var history = await (await (await app.ClientFor("kyf.clerk")).GetAsync($"/api/papers/{id}/history")).ReadJson();
        Assert.Equal("clerk", history.EnumerateArray().Single(h => h.GetProperty("kind").GetString() == "result").GetProperty("actorRole").GetString());
        Assert.Equal("done", recorded.GetProperty("consultations")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Stale_if_match_is_412_on_actions_and_edits()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var created = await _api.CreateAsync(clerk, PaperApi.KyffhaeuserPaper(app.BodyId("kyffhaeuserkreis"), "2021/7/208"));
        var id = PaperApi.Id(created);
        var version = created.GetProperty("version").GetInt32();

        var edit = new HttpRequestMessage(HttpMethod.Put, $"/api/papers/{id}") { Content = JsonContent.Create(_api.KyffhaeuserEdit(app.BodyId("kyffhaeuserkreis"), "2021/7/208")) };
        edit.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        var edited = await clerk.SendAsync(edit);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var before = Snapshot(id);

        var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/papers/{id}/actions/submit") { Content = JsonContent.Create(new { }) };
        stale.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        await (await clerk.SendAsync(stale)).AssertProblem(412, "stale_version");
        Assert.Equal(before, Snapshot(id));
    }

    [Fact]
    public async Task Editing_after_submission_is_409()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var id = PaperApi.Id(await _api.CreateAsync(clerk, PaperApi.KyffhaeuserPaper(app.BodyId("kyffhaeuserkreis"), "2021/7/209")));
        await _api.ActAsync(clerk, id, "submit");
        var before = Snapshot(id);
        var response = await clerk.PutAsJsonAsync($"/api/papers/{id}", _api.KyffhaeuserEdit(app.BodyId("kyffhaeuserkreis"), "2021/7/209"));
        await response.AssertProblem(409, "not_editable");
        Assert.Equal(before, Snapshot(id));
    }

    [Fact]
    public async Task An_idempotent_retry_returns_the_first_response_and_changes_nothing()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var id = PaperApi.Id(await _api.CreateAsync(clerk, PaperApi.KyffhaeuserPaper(app.BodyId("kyffhaeuserkreis"), "2021/7/210")));
        HttpRequestMessage Submit(object body)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/papers/{id}/actions/submit") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", "submit-2021-7-210");
            return request;
        }

        var first = await clerk.SendAsync(Submit(new { comment = "bitte freigeben" }));
        var afterFirst = Snapshot(id);
        var retry = await clerk.SendAsync(Submit(new { comment = "bitte freigeben" }));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.ETag, retry.Headers.ETag);
        Assert.Equal(afterFirst, Snapshot(id));
        await (await clerk.SendAsync(Submit(new { comment = "etwas anderes" }))).AssertProblem(422, "idempotency_key_reused");
    }

    [Fact]
    public async Task Two_people_racing_one_result_one_wins_the_other_gets_a_conflict()
    {
        var (id, paper) = await _api.InDeliberationAsync("2021/7/211");
        var chair = await app.ClientFor("kyf.chair.soziales");
        var clerk = await app.ClientFor("kyf.clerk");
        var url = $"/api/papers/{id}/consultations/{PaperApi.ConsultationId(paper, 1)}/result";

        var responses = await Task.WhenAll(
            chair.PostAsJsonAsync(url, new { date = "2021-03-04", outcome = "recommended", votes = new { entitled = 9, yes = 9, no = 0 } }),
            clerk.PostAsJsonAsync(url, new { date = "2021-03-04", outcome = "not_recommended", votes = new { entitled = 9, yes = 2, no = 7 } }));

        var statuses = responses.Select(r => (int)r.StatusCode).Order().ToList();
        Assert.Equal(200, statuses[0]);
        Assert.True(statuses[1] is 409 or 412, $"second response was {statuses[1]}");
        Assert.Equal(1, app.Scalar<int>("SELECT COUNT(*) FROM consultations WHERE paper_id = @id AND status = 'done'", new { id }));
        Assert.True((await (await clerk.GetAsync($"/api/papers/{id}/journal/verify")).ReadJson()).GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task Hostile_values_are_400_not_500_and_write_nothing()
    {
        var (id, paper) = await _api.InDeliberationAsync("2021/7/212");
        var clerk = await app.ClientFor("kyf.clerk");
        var admin = await app.ClientFor("admin");
        var before = Snapshot(id);
        var url = $"/api/papers/{id}/consultations/{PaperApi.ConsultationId(paper, 1)}/result";

        await (await clerk.PostAsJsonAsync("/api/papers", new
        {
            bodyId = app.BodyId("kyffhaeuserkreis"), title = "x", originator = "x", proposal = "x", reasoning = "x", consultations = new object?[] { null },
        })).AssertProblem(400, "validation");
        await (await clerk.PostAsJsonAsync(url, new { date = "2021-03-04", outcome = "recommended", votes = new { entitled = 9, yes = int.MaxValue, no = 1 } }))
            .AssertProblem(400, "validation");
        await (await clerk.PostAsJsonAsync(url, new { date = "9999-12-31", outcome = "recommended", votes = new { entitled = 9, yes = 9, no = 0 } }))
            .AssertProblem(400, "validation");
        await (await clerk.GetAsync("/api/papers?page=2147483647&pageSize=200")).AssertProblem(400, "validation");
        await (await admin.PostAsJsonAsync("/api/users", new
        {
            bodyId = app.BodyId("kyffhaeuserkreis"), username = "nulltest", displayName = "N", password = "abcdefghijklmn", roles = new object?[] { null },
        })).AssertProblem(400, "validation");
        Assert.Equal(before, Snapshot(id));
        Assert.Equal(0, app.Scalar<int>("SELECT COUNT(*) FROM users WHERE username = 'nulltest'"));
    }

    [Fact]
    public async Task Ausfertigung_before_the_decision_is_400()
    {
        var (id, paper) = await _api.InDeliberationAsync("2021/7/213");
        var landraetin = await app.ClientFor("kyf.landraetin");
        paper = await _api.RecordAsync(await app.ClientFor("kyf.chair.soziales"), id, PaperApi.ConsultationId(paper, 1),
            new { date = "2021-03-04", outcome = "recommended", votes = new { entitled = 9, yes = 9, no = 0 } });
        paper = await _api.RecordAsync(landraetin, id, PaperApi.ConsultationId(paper, 2), new { date = "2021-03-17", outcome = "recommended", votes = new { entitled = 7, yes = 6, no = 1 } });
        await _api.RecordAsync(landraetin, id, PaperApi.ConsultationId(paper, 3), new { date = "2021-03-31", outcome = "adopted", votes = new { entitled = 33, yes = 27, no = 6 } });

        var problem = await (await landraetin.PostAsJsonAsync($"/api/papers/{id}/actions/sign", new { date = "2021-03-30" })).AssertProblem(400, "validation");

        Assert.True(problem.GetProperty("errors").TryGetProperty("date", out _));
        Assert.Equal("adopted", app.Scalar<string>("SELECT status FROM papers WHERE id = @id", new { id }));
    }

    [Fact]
    public async Task Concurrent_retries_with_one_idempotency_key_create_one_paper()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var before = app.Scalar<int>("SELECT COUNT(*) FROM papers");
        var paper = new
        {
            bodyId = app.BodyId("kyffhaeuserkreis"), title = "Gleichzeitig gesendet", originator = "Amt", proposal = "P", reasoning = "R",
        };
        HttpRequestMessage Create()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/papers") { Content = JsonContent.Create(paper) };
            request.Headers.Add("Idempotency-Key", "race-create-1");
            return request;
        }

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => clerk.SendAsync(Create())));

        Assert.Equal(before + 1, app.Scalar<int>("SELECT COUNT(*) FROM papers"));
        Assert.All(responses, r => Assert.True((int)r.StatusCode is 201 or 409, $"unexpected {(int)r.StatusCode}"));
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.Created);
        var replay = await clerk.SendAsync(Create());
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(before + 1, app.Scalar<int>("SELECT COUNT(*) FROM papers"));
    }

    [Fact]
    public async Task A_reservation_left_by_a_dead_request_does_not_block_the_retry()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var before = app.Scalar<int>("SELECT COUNT(*) FROM papers");
        using (var db = app.OpenDatabase())
            db.Execute("INSERT INTO idempotent_requests (idempotency_key, caller, method, path, request_hash, status_code, response_body, response_headers, created_at) " +
                "SELECT 'dead-1', CAST(id AS TEXT), 'POST', '/api/papers', 'earlier', 0, '', '{}', '2099-01-01T00:00:00Z' FROM users WHERE username = 'kyf.clerk'");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/papers")
        {
            Content = JsonContent.Create(new { bodyId = app.BodyId("kyffhaeuserkreis"), title = "Nach Absturz wiederholt", originator = "Amt", proposal = "P", reasoning = "R" }),
        };
        request.Headers.Add("Idempotency-Key", "dead-1");

        var response = await clerk.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.False(response.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(before + 1, app.Scalar<int>("SELECT COUNT(*) FROM papers"));
        Assert.Equal(201, app.Scalar<int>("SELECT status_code FROM idempotent_requests WHERE idempotency_key = 'dead-1'"));
    }
}

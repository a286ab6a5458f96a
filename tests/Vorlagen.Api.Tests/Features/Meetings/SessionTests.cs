using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Features.Meetings;

/// <summary>The Sitzungsmodus over HTTP (issue #14): opening, attendance, Befangenheit, and results checked against the attendance.</summary>
public sealed class SessionTests(VorlagenApp app) : IClassFixture<VorlagenApp>
{
    private readonly PaperApi _papers = new(app);
    private readonly HttpClient _clerk = app.ClientFor("kyf.clerk").GetAwaiter().GetResult();
    private long Kreistag => app.OrganizationId("kyffhaeuserkreis", "Kreistag");
    private long Ausschuss => app.OrganizationId("kyffhaeuserkreis", PaperApi.KyfAusschuss);
    private int Count(string table) => app.Scalar<int>($"SELECT COUNT(*) FROM {table}");

    private async Task<JsonElement> Send(HttpClient client, HttpMethod method, string url, object? body, int status = 200, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        var response = await client.SendAsync(request);
        Assert.True(status == (int)response.StatusCode, $"{method} {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJson();
    }

    private async Task<long> MeetingWith(long organizationId, string date, params object[] items)
    {
        var meeting = await Send(_clerk, HttpMethod.Post, "/api/meetings", new { organizationId, date, startTime = "17:00", room = "Sitzungssaal" }, 201);
        var id = meeting.GetProperty("id").GetInt64();
        foreach (var item in items) await Send(_clerk, HttpMethod.Post, $"/api/meetings/{id}/agenda-items", item);
        return id;
    }

    private static List<JsonElement> Members(JsonElement attendance) => [.. attendance.GetProperty("members").EnumerateArray()];
    private static JsonElement Item(JsonElement attendance, long id) => attendance.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetInt64() == id);

    [Fact]
    public async Task Kyffhaeuser_kreistag_31_03_2021_attendance_gives_33_entitled_and_the_result_must_agree_with_it()
    {
        var (paperId, paper) = await _papers.InDeliberationAsync("2021/7/914");
        await _papers.RecordAsync(_clerk, paperId, PaperApi.ConsultationId(paper, 1), new { date = "2021-03-04", outcome = "recommended", votes = new { entitled = 9, yes = 9, no = 0 } });
        paper = await _papers.RecordAsync(_clerk, paperId, PaperApi.ConsultationId(paper, 2), new { date = "2021-03-17", outcome = "recommended", votes = new { entitled = 7, yes = 6, no = 1 } });
        var consultationId = PaperApi.ConsultationId(paper, 3);
        var id = await MeetingWith(Kreistag, "2021-03-31", new { templateKey = "eroeffnung" }, new { consultationId }, new { templateKey = "informationen" },
            new { templateKey = "wahl" });
        var before = await Send(_clerk, HttpMethod.Get, $"/api/meetings/{id}/attendance", null);
        var items = before.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();
        var (decision, information, wahl) = (items[1], items[2], items[3]);
        var members = Members(before);
        Assert.Equal((47, 47, JsonValueKind.Null), (members.Count, before.GetProperty("entitledMembers").GetInt32(), before.GetProperty("session").ValueKind));
        var landraetin = members.Single(m => m.GetProperty("statutory").GetBoolean());
        Assert.True(landraetin.GetProperty("votingRight").GetBoolean()); // ThürKO profile: the Landrat's seat counts in the Kreistag

        // Before the session is opened nothing is recorded.
        await (await _clerk.PutAsJsonAsync($"/api/meetings/{id}/attendance", new { members = new[] { new { personId = 1, status = "present" } } }))
            .AssertProblem(409, "session_not_open");
        var member = await app.ClientFor("kyf.member");
        await (await member.PostAsJsonAsync($"/api/meetings/{id}/session", new { chairPersonId = 1, secretaryName = "x" })).AssertProblem(404, "not_found");
        var landraetinId = landraetin.GetProperty("personId").GetInt64();
        var opened = await Send(_clerk, HttpMethod.Post, $"/api/meetings/{id}/session", new { chairPersonId = landraetinId, secretaryName = "Frau Schriftführerin" });
        Assert.Equal(("draft", "Frau Schriftführerin", 1), (opened.GetProperty("session").GetProperty("minutesState").GetString(),
            opened.GetProperty("session").GetProperty("secretaryName").GetString(), opened.GetProperty("version").GetInt32()));
        Assert.Equal(landraetinId, app.Scalar<long>("SELECT chair_person_id FROM meeting_sessions WHERE meeting_id = @id", new { id }));

        // 33 present from the start (the Landrätin and 32 Kreisräte), one arrives at the information item, 13 excused or absent.
        var others = members.Where(m => m.GetProperty("personId").GetInt64() != landraetinId).Select(m => m.GetProperty("personId").GetInt64()).ToList();
        var entries = new List<object> { new { personId = landraetinId, status = "present" } };
        entries.AddRange(others.Take(32).Select(p => new { personId = p, status = "present" }));
        entries.Add(new { personId = others[32], status = "present", arrivesAtItemId = information });
        entries.AddRange(others.Skip(33).Select((p, i) => i % 2 == 0 ? (object)new { personId = p, status = "excused", absenceReason = "Krankheit" } : new { personId = p, status = "absent" }));
        var attendance = await Send(_clerk, HttpMethod.Put, $"/api/meetings/{id}/attendance", new { members = entries }, ifMatch: "\"1\"");
        Assert.Equal(2, attendance.GetProperty("version").GetInt32());
        Assert.Equal(47, app.Scalar<int>("SELECT COUNT(*) FROM meeting_attendance WHERE meeting_id = @id", new { id }));
        var atDecision = Item(attendance, decision);
        Assert.Equal((33, 0), (atDecision.GetProperty("entitledPresent").GetInt32(), atDecision.GetProperty("recused").GetInt32()));
        var quorum = atDecision.GetProperty("quorum");
        Assert.Equal((24, 33, true, "regular"), (quorum.GetProperty("required").GetInt32(), quorum.GetProperty("present").GetInt32(),
            quorum.GetProperty("reached").GetBoolean(), quorum.GetProperty("basis").GetString()));
        Assert.Equal(("§ 36 Abs. 1 ThürKO i.V.m. § 112 ThürKO", false), (quorum.GetProperty("citation").GetString(), quorum.GetProperty("wordingVerified").GetBoolean()));
        Assert.Equal(34, Item(attendance, information).GetProperty("entitledPresent").GetInt32());

        // Befangenheit at the information item: one fewer entitled there, the decision item unchanged.
        var befangen = others[0];
        attendance = await Send(_clerk, HttpMethod.Put, $"/api/meetings/{id}/agenda-items/{information}/recusals/{befangen}", new { note = "§ 38 ThürKO" });
        Assert.Equal((33, 1), (Item(attendance, information).GetProperty("entitledPresent").GetInt32(), Item(attendance, information).GetProperty("recused").GetInt32()));
        Assert.Equal(33, Item(attendance, decision).GetProperty("entitledPresent").GetInt32());
        Assert.Equal(1, app.Scalar<int>("SELECT COUNT(*) FROM agenda_item_recusals WHERE agenda_item_id = @information", new { information }));

        // A tally that contradicts the attendance is refused with both numbers, nothing written.
        var journal = Count("workflow_execution_log");
        var refused = await (await _clerk.PostAsJsonAsync($"/api/papers/{paperId}/consultations/{consultationId}/result",
            new { date = "2021-03-31", outcome = "adopted", votes = new { entitled = 35, yes = 27, no = 6, abstain = 0, recused = 0 } })).AssertProblem(422, "tally_rejected");
        var violation = refused.GetProperty("violations").EnumerateArray().Single();
        Assert.Equal("entitled_contradicts_attendance", violation.GetProperty("code").GetString());
        Assert.Contains("33", violation.GetProperty("message").GetString());
        Assert.Contains("35", violation.GetProperty("message").GetString());
        Assert.Equal(("pending", journal), (app.Scalar<string>("SELECT status FROM consultations WHERE id = @consultationId", new { consultationId }), Count("workflow_execution_log")));

        // 27/6/0/0 of seed 004 agrees with 33 present and entitled: recorded through the one RecordResult path.
        var decided = await _papers.RecordAsync(_clerk, paperId, consultationId, new { date = "2021-03-31", outcome = "adopted", votes = new { entitled = 33, yes = 27, no = 6, abstain = 0, recused = 0 } });
        Assert.Equal(("adopted", 33), (app.Scalar<string>("SELECT outcome FROM consultations WHERE id = @consultationId", new { consultationId }),
            app.Scalar<int>("SELECT votes_entitled FROM consultations WHERE id = @consultationId", new { consultationId })));
        Assert.Contains("\"entitledPresent\":33", app.Scalar<string>("SELECT payload FROM workflow_execution_log WHERE payload LIKE '%entitledPresent%' ORDER BY timestamp DESC"));
        Assert.NotEqual("in_deliberation", decided.GetProperty("status").GetString());

        // Lifting the Befangenheit restores the count.
        attendance = await Send(_clerk, HttpMethod.Delete, $"/api/meetings/{id}/agenda-items/{information}/recusals/{befangen}", null);
        Assert.Equal(34, Item(attendance, information).GetProperty("entitledPresent").GetInt32());

        // An election item: § 39 Abs. 2 ThürKO, more than half of the 34 present and entitled (18) — unverified wording.
        await (await _clerk.PostAsJsonAsync($"/api/meetings/{id}/agenda-items/{decision}/election", new { office = "x", candidatePersonIds = new[] { others[1] } }))
            .AssertProblem(422, "item_is_consultation");
        var election = await Send(_clerk, HttpMethod.Post, $"/api/meetings/{id}/agenda-items/{wahl}/election",
            new { office = "Wahl eines Mitglieds des Jugendhilfeausschusses", candidatePersonIds = new[] { others[1], others[2] } });
        Assert.Equal(("open", 2), (election.GetProperty("status").GetString(), election.GetProperty("candidates").GetArrayLength()));
        var rounds = $"/api/meetings/{id}/agenda-items/{wahl}/election/rounds";
        var tooMany = await (await _clerk.PostAsJsonAsync(rounds, new { validBallots = 30, invalidBallots = 5, votes = new[] { new { personId = others[1], votes = 20 }, new { personId = others[2], votes = 10 } } }))
            .AssertProblem(422, "tally_rejected");
        Assert.Contains("34", tooMany.GetProperty("detail").GetString());
        Assert.Equal(0, app.Scalar<int>("SELECT COUNT(*) FROM election_rounds WHERE election_id = @e", new { e = election.GetProperty("id").GetInt64() }));
        var first = await Send(_clerk, HttpMethod.Post, rounds, new { validBallots = 34, invalidBallots = 0, votes = new[] { new { personId = others[1], votes = 17 }, new { personId = others[2], votes = 17 } } });
        Assert.Equal(("not_elected", "failed"), (first.GetProperty("rounds")[0].GetProperty("outcome").GetString(), first.GetProperty("status").GetString()));
        Assert.Equal(("§ 39 Abs. 2 ThürKO", 34), (first.GetProperty("rounds")[0].GetProperty("citation").GetString(), first.GetProperty("rounds")[0].GetProperty("entitledPresent").GetInt32()));
        await (await _clerk.PostAsJsonAsync(rounds, new { validBallots = 34, invalidBallots = 0, votes = new[] { new { personId = others[1], votes = 18 } } })).AssertProblem(409, "election_closed");
    }

    [Fact]
    public async Task Bad_attendance_input_gets_problems_and_nothing_is_written()
    {
        var id = await MeetingWith(Ausschuss, "2021-03-04", new { templateKey = "eroeffnung" });
        var other = await MeetingWith(Ausschuss, "2021-03-05", new { templateKey = "informationen" });
        var view = await Send(_clerk, HttpMethod.Get, $"/api/meetings/{id}/attendance", null);
        var members = Members(view).Select(m => m.GetProperty("personId").GetInt64()).ToList();
        var chair = members[0];
        await (await _clerk.PostAsJsonAsync($"/api/meetings/{id}/session", new { chairPersonId = chair })).AssertProblem(400, "validation");
        await (await _clerk.PostAsJsonAsync($"/api/meetings/{id}/session", new { chairPersonId = 999999, secretaryName = "S" })).AssertProblem(422, "chair_not_member");
        Assert.Equal(0, app.Scalar<int>("SELECT COUNT(*) FROM meeting_sessions WHERE meeting_id = @id", new { id }));
        // Opening twice with the same Idempotency-Key (a retry after a lost connection) opens once and answers the same.
        async Task<HttpResponseMessage> Open()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/meetings/{id}/session") { Content = JsonContent.Create(new { chairPersonId = chair, secretaryName = "S" }) };
            request.Headers.Add("Idempotency-Key", $"open-{id}");
            return await _clerk.SendAsync(request);
        }
        var (first, retry) = (await Open(), await Open());
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, retry.StatusCode));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(1, app.Scalar<int>("SELECT COUNT(*) FROM meeting_changes WHERE meeting_id = @id AND action = 'session_opened'", new { id }));
        await (await _clerk.PostAsJsonAsync($"/api/meetings/{id}/session", new { chairPersonId = chair, secretaryName = "S" })).AssertProblem(409, "session_already_open");

        var otherItem = (await Send(_clerk, HttpMethod.Get, $"/api/meetings/{other}/attendance", null)).GetProperty("items")[0].GetProperty("id").GetInt64();
        var url = $"/api/meetings/{id}/attendance";
        var before = (Count("meeting_attendance"), app.Scalar<int>("SELECT version FROM meeting_sessions WHERE meeting_id = @id", new { id }));
        await (await _clerk.PutAsJsonAsync(url, new { members = new[] { new { personId = chair, status = "da" } } })).AssertProblem(400, "validation");
        await (await _clerk.PutAsJsonAsync(url, new { members = new object[] { new { personId = chair, status = "present", absenceReason = "Urlaub" } } })).AssertProblem(400, "validation");
        await (await _clerk.PutAsJsonAsync(url, new { members = new object[] { new { personId = chair, status = "present" }, new { personId = chair, status = "absent" } } })).AssertProblem(400, "validation");
        await (await _clerk.PutAsJsonAsync(url, new { members = new object[] { new { personId = chair, status = "present" }, new { personId = 999999, status = "present" } } })).AssertProblem(422, "not_a_member");
        await (await _clerk.PutAsJsonAsync(url, new { members = new object[] { new { personId = chair, status = "present", arrivesAtItemId = otherItem } } })).AssertProblem(422, "item_not_in_meeting");
        await (await _clerk.PutAsJsonAsync(url, new { members = new object[] { new { personId = members[1], status = "present", deputyForPersonId = chair }, new { personId = chair, status = "present" } } }))
            .AssertProblem(422, "deputy_for_present");
        await Send(_clerk, HttpMethod.Put, url, new { members = new[] { new { personId = chair, status = "present" } } }, 412, "\"7\"");
        await Send(_clerk, HttpMethod.Put, $"/api/meetings/{id}/agenda-items/{otherItem}/recusals/{chair}", new { }, 404);
        var member = await app.ClientFor("kyf.member");
        await (await member.PutAsJsonAsync(url, new { members = new[] { new { personId = chair, status = "present" } } })).AssertProblem(404, "not_found"); // unpublished: not even seen
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().PutAsJsonAsync(url, new { members = new[] { new { personId = chair, status = "present" } } })).StatusCode);
        Assert.Equal(before, (Count("meeting_attendance"), app.Scalar<int>("SELECT version FROM meeting_sessions WHERE meeting_id = @id", new { id })));
        Assert.Equal(0, Count("agenda_item_recusals WHERE person_id = " + chair));
    }

    [Fact]
    public async Task Anonymous_callers_see_neither_non_public_items_nor_absence_reasons_nor_unpublished_sessions()
    {
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var date = today.AddDays(12).ToString("yyyy-MM-dd");
        var id = await MeetingWith(Ausschuss, date, new { templateKey = "eroeffnung" }, new { templateKey = "anfragen_n" });
        var secret = await MeetingWith(Ausschuss, today.AddDays(13).ToString("yyyy-MM-dd"), new { templateKey = "eroeffnung" });
        await Send(_clerk, HttpMethod.Post, $"/api/meetings/{id}/invitations", new { channel = "post" });
        app.Clock.Advance(TimeSpan.FromDays(14)); // the session day has come; the clerk signs in again
        var clerk = await app.ClientFor("kyf.clerk");
        var view = await Send(clerk, HttpMethod.Get, $"/api/meetings/{id}/attendance", null);
        var members = Members(view).Select(m => m.GetProperty("personId").GetInt64()).ToList();
        var nonPublic = view.GetProperty("items").EnumerateArray().Single(i => !i.GetProperty("public").GetBoolean()).GetProperty("id").GetInt64();
        await Send(clerk, HttpMethod.Post, $"/api/meetings/{id}/session", new { chairPersonId = members[0], secretaryName = "S" });
        await Send(clerk, HttpMethod.Put, $"/api/meetings/{id}/attendance", new { members = new object[]
            { new { personId = members[0], status = "present" }, new { personId = members[1], status = "excused", absenceReason = "Kur in Bad Frankenhausen" } } });
        await Send(clerk, HttpMethod.Put, $"/api/meetings/{id}/agenda-items/{nonPublic}/recusals/{members[0]}", new { });

        var anonymous = app.CreateClient();
        var response = await anonymous.GetAsync($"/api/meetings/{id}/attendance");
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var seen = JsonDocument.Parse(text).RootElement;
        Assert.All(seen.GetProperty("items").EnumerateArray(), i => Assert.True(i.GetProperty("public").GetBoolean()));
        Assert.DoesNotContain(nonPublic.ToString(), seen.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64().ToString()));
        Assert.DoesNotContain("Bad Frankenhausen", text);
        Assert.DoesNotContain("Anfragen", text);
        Assert.Contains("Bad Frankenhausen", (await (await clerk.GetAsync($"/api/meetings/{id}/attendance")).Content.ReadAsStringAsync()));
        await (await anonymous.GetAsync($"/api/meetings/{secret}/attendance")).AssertProblem(404, "not_found");
        await (await anonymous.GetAsync($"/api/meetings/{id}/agenda-items/{nonPublic}/election")).AssertProblem(404, "not_found");
        await (await anonymous.PutAsJsonAsync($"/api/meetings/{id}/agenda-items/{nonPublic}/recusals/{members[1]}", new { })).Content.ReadAsStringAsync();
        Assert.Equal(1, Count($"agenda_item_recusals WHERE agenda_item_id = {nonPublic}"));
    }

    [Fact]
    public async Task A_roll_call_produces_the_tally_the_result_must_match_and_a_statement_is_recorded()
    {
        var (paperId, paper) = await _papers.InDeliberationAsync("2021/7/915");
        var consultationId = PaperApi.ConsultationId(paper, 1);
        var id = await MeetingWith(Ausschuss, "2021-03-04", new { consultationId });
        var view = await Send(_clerk, HttpMethod.Get, $"/api/meetings/{id}/attendance", null);
        var item = view.GetProperty("items")[0].GetProperty("id").GetInt64();
        var voters = Members(view).Where(m => m.GetProperty("votingRight").GetBoolean()).Select(m => m.GetProperty("personId").GetInt64()).Take(9).ToList();
        await Send(_clerk, HttpMethod.Post, $"/api/meetings/{id}/session", new { chairPersonId = voters[0], secretaryName = "S" });
        await Send(_clerk, HttpMethod.Put, $"/api/meetings/{id}/attendance", new { members = voters.Select(p => new { personId = p, status = "present" }) });

        var outsider = Members(view).Select(m => m.GetProperty("personId").GetInt64()).First(p => !voters.Contains(p));
        await (await _clerk.PutAsJsonAsync($"/api/meetings/{id}/agenda-items/{item}/roll-call", new { votes = new[] { new { personId = outsider, choice = "yes" } } }))
            .AssertProblem(422, "not_entitled_at_item");
        await (await _clerk.PutAsJsonAsync($"/api/meetings/{id}/agenda-items/{item}/roll-call", new { votes = new[] { new { personId = voters[0], choice = "vielleicht" } } }))
            .AssertProblem(400, "validation");
        Assert.Equal(0, Count($"agenda_item_roll_calls WHERE agenda_item_id = {item}"));
        var roll = await Send(_clerk, HttpMethod.Put, $"/api/meetings/{id}/agenda-items/{item}/roll-call",
            new { votes = voters.Select((p, i) => new { personId = p, choice = i < 7 ? "yes" : i == 7 ? "no" : "abstain" }) });
        Assert.Equal((9, 7, 1, 1), (roll.GetProperty("entitledPresent").GetInt32(), roll.GetProperty("yes").GetInt32(), roll.GetProperty("no").GetInt32(), roll.GetProperty("abstain").GetInt32()));
        Assert.Equal(9, Count($"agenda_item_roll_calls WHERE agenda_item_id = {item}"));

        var refused = await (await _clerk.PostAsJsonAsync($"/api/papers/{paperId}/consultations/{consultationId}/result",
            new { date = "2021-03-04", outcome = "recommended", votes = new { entitled = 9, yes = 8, no = 1, abstain = 0 } })).AssertProblem(422, "tally_rejected");
        Assert.Equal("tally_contradicts_roll_call", refused.GetProperty("violations")[0].GetProperty("code").GetString());
        Assert.Equal("pending", app.Scalar<string>("SELECT status FROM consultations WHERE id = @consultationId", new { consultationId }));
        await _papers.RecordAsync(_clerk, paperId, consultationId, new { date = "2021-03-04", outcome = "recommended", votes = new { entitled = 9, yes = 7, no = 1, abstain = 1 } });
        Assert.Equal(7, app.Scalar<int>("SELECT votes_yes FROM consultations WHERE id = @consultationId", new { consultationId }));

        await (await _clerk.PostAsJsonAsync($"/api/meetings/{id}/agenda-items/{item}/statements", new { personId = voters[7], kind = "rede", text = "x" })).AssertProblem(400, "validation");
        var statement = await Send(_clerk, HttpMethod.Post, $"/api/meetings/{id}/agenda-items/{item}/statements",
            new { personId = voters[7], kind = "vote", text = "Ich habe mit Nein gestimmt, weil die Finanzierung offen ist." }, 201);
        Assert.Equal("vote", app.Scalar<string>("SELECT kind FROM agenda_item_statements WHERE id = @s", new { s = statement.GetProperty("id").GetInt64() }));
        Assert.Contains("#", app.Scalar<string>("SELECT recorded_by FROM agenda_item_statements WHERE id = @s", new { s = statement.GetProperty("id").GetInt64() }));
    }
}

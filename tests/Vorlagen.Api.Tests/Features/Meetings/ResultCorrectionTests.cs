using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Features.Meetings;

/// <summary>
/// Correcting a recorded result before the Niederschrift is signed (issue #14), Erzgebirgskreis Kreistag: a tally-only correction,
/// an outcome correction that moves the paper (beschlossen → abgelehnt and back), the old record kept, the journal verified,
/// refusals (bad input, wrong caller, later steps, signed Niederschrift) with nothing written.
/// </summary>
public sealed class ResultCorrectionTests(VorlagenApp app) : IClassFixture<VorlagenApp>
{
    private readonly PaperApi _papers = new(app);
    private long Body => app.BodyId("erzgebirgskreis");
    private long Kreistag => app.OrganizationId("erzgebirgskreis", "Kreistag");
    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime);
    private void Execute(string sql, object args)
    {
        using var db = app.OpenDatabase();
        db.Execute(sql, args);
    }

    private int Count(string table) => app.Scalar<int>($"SELECT COUNT(*) FROM {table}");

    private static async Task<JsonElement> Send(HttpClient client, HttpMethod method, string url, object? body, int status = 200, string? ifMatch = null,
        string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        var response = await client.SendAsync(request);
        Assert.True(status == (int)response.StatusCode, $"{method} {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJson();
    }

    private async Task<(long Paper, long Consultation)> OnAgendaAsync(HttpClient clerk, HttpClient landrat, long meetingId, string reference)
    {
        var paper = await _papers.CreateAsync(clerk, new
        {
            bodyId = Body, reference, title = "Radweg Annaberg " + reference, originator = "Dezernat 2",
            proposal = "Der Kreistag beschließt den Bau des Radwegs.", reasoning = "Begründung", @public = true,
            consultations = new object[] { new { organizationId = Kreistag, role = "beschliessend", @public = true } },
        });
        var id = PaperApi.Id(paper);
        await _papers.ActAsync(clerk, id, "submit");
        paper = await _papers.ActAsync(landrat, id, "release");
        var consultation = PaperApi.ConsultationId(paper, 1);
        await Send(clerk, HttpMethod.Post, $"/api/meetings/{meetingId}/agenda-items", new { consultationId = consultation });
        return (id, consultation);
    }

    private string Consultation(long id, string column) => app.Scalar<string>($"SELECT CAST({column} AS TEXT) FROM consultations WHERE id = @id", new { id });
    private string Status(long paper) => app.Scalar<string>("SELECT status FROM papers WHERE id = @paper", new { paper });
    private int Journal(long paper, string eventName) => app.Scalar<int>(
        "SELECT COUNT(*) FROM workflow_execution_log l JOIN papers p ON p.workflow_instance_id = l.instance_id WHERE p.id = @paper AND l.event_name = @eventName",
        new { paper, eventName });

    private async Task<JsonElement> VerifyAsync(HttpClient clerk, long paper) => await Send(clerk, HttpMethod.Get, $"/api/papers/{paper}/journal/verify", null);

    [Fact]
    public async Task The_office_corrects_a_result_until_the_niederschrift_is_signed_and_the_paper_follows_the_corrected_outcome()
    {
        var clerk = await app.ClientFor("erz.clerk");
        var landrat = await app.ClientFor("erz.landrat");
        var day = Today.AddDays(2);
        var meeting = (await Send(clerk, HttpMethod.Post, "/api/meetings", new { organizationId = Kreistag, date = day.ToString("yyyy-MM-dd"), startTime = "16:00",
            room = "Großer Saal" }, 201)).GetProperty("id").GetInt64();
        await Send(clerk, HttpMethod.Post, $"/api/meetings/{meeting}/agenda-items", new { templateKey = "eroeffnung" });
        var (paper, consultation) = await OnAgendaAsync(clerk, landrat, meeting, "KOR-1");
        var (signedPaper, signedConsultation) = await OnAgendaAsync(clerk, landrat, meeting, "KOR-2");
        await Send(clerk, HttpMethod.Post, $"/api/meetings/{meeting}/invitations", new { channel = "ris" });
        app.Clock.Advance(TimeSpan.FromDays(3));
        (clerk, landrat) = (await app.ClientFor("erz.clerk"), await app.ClientFor("erz.landrat"));
        await Send(clerk, HttpMethod.Post, $"/api/meetings/{meeting}/status", new { status = "held" });

        // The session: everybody present but two (excused), so the tally is checked against the attendance.
        var attendance = await Send(clerk, HttpMethod.Get, $"/api/meetings/{meeting}/attendance", null);
        var members = attendance.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("personId").GetInt64()).ToList();
        await Send(clerk, HttpMethod.Post, $"/api/meetings/{meeting}/session", new { chairPersonId = members[0], secretaryName = "Sabine Schreiber" });
        attendance = await Send(clerk, HttpMethod.Put, $"/api/meetings/{meeting}/attendance", new
        {
            members = members.Select((p, i) => i < members.Count - 2 ? (object)new { personId = p, status = "present" } : new { personId = p, status = "excused", absenceReason = "Krankheit" }),
        });
        var entitled = attendance.GetProperty("items").EnumerateArray().First(i => i.TryGetProperty("consultationId", out var c) && c.ValueKind == JsonValueKind.Number
            && c.GetInt64() == consultation).GetProperty("entitledPresent").GetInt32();
        var date = day.ToString("yyyy-MM-dd");
        var yes = entitled - 10;
        await _papers.RecordAsync(landrat, paper, consultation, new { date, outcome = "adopted", votes = new { entitled, yes, no = 6, abstain = 4 } });
        await _papers.RecordAsync(landrat, signedPaper, signedConsultation, new { date, outcome = "adopted", votes = new { entitled, yes, no = 6, abstain = 4 } });
        Assert.Equal("adopted", Status(paper));
        var url = $"/api/papers/{paper}/consultations/{consultation}/result-corrections";

        // Refused: bad input, wrong callers, a tally against the attendance, no change — nothing written.
        var before = (Count("workflow_execution_log"), Consultation(consultation, "votes_yes"), app.Scalar<int>("SELECT version FROM papers WHERE id = @paper", new { paper }));
        await (await clerk.PostAsJsonAsync(url, new { outcome = "adopted", votes = new { entitled, yes = yes - 1, no = 7, abstain = 4 } })).AssertProblem(400, "validation");
        await (await clerk.PostAsJsonAsync(url, new { outcome = "referred", reason = "x", votes = new { entitled, yes, no = 6, abstain = 4 } })).AssertProblem(400, "validation");
        await (await clerk.PostAsJsonAsync(url, new { outcome = "adopted", reason = "Zählfehler", votes = new { entitled, yes, no = 6, abstain = 4 } })).AssertProblem(400, "validation");
        var contradiction = await (await clerk.PostAsJsonAsync(url, new { outcome = "adopted", reason = "Zählfehler", votes = new { entitled = entitled + 1, yes, no = 7, abstain = 4 } }))
            .AssertProblem(422, "tally_rejected");
        Assert.Equal("entitled_contradicts_attendance", contradiction.GetProperty("violations")[0].GetProperty("code").GetString());
        await (await landrat.PostAsJsonAsync(url, new { outcome = "adopted", reason = "Zählfehler", votes = new { entitled, yes = yes - 1, no = 7, abstain = 4 } })).AssertProblem(403, "forbidden");
        await (await (await app.ClientFor("erz.member")).PostAsJsonAsync(url, new { outcome = "adopted", reason = "Zählfehler", votes = new { entitled, yes = yes - 1, no = 7, abstain = 4 } }))
            .AssertProblem(403, "forbidden");
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().PostAsJsonAsync(url, new { outcome = "adopted", reason = "x" })).StatusCode);
        await Send(clerk, HttpMethod.Post, url, new { outcome = "adopted", reason = "Zählfehler", votes = new { entitled, yes = yes - 1, no = 7, abstain = 4 } }, 412, ifMatch: "\"99\"");
        Assert.Equal(before, (Count("workflow_execution_log"), Consultation(consultation, "votes_yes"), app.Scalar<int>("SELECT version FROM papers WHERE id = @paper", new { paper })));

        // A tally-only correction (sent twice with one Idempotency-Key): the row changes, the old record stays, one correction record, the state stays.
        var key = Guid.NewGuid().ToString();
        for (var attempt = 0; attempt < 2; attempt++)
            await Send(clerk, HttpMethod.Post, url, new { outcome = "adopted", reason = "Eine Nein-Stimme wurde als Ja gezählt.", votes = new { entitled, yes = yes - 1, no = 7, abstain = 4 } },
                idempotencyKey: key);
        Assert.Equal(((yes - 1).ToString(), "7", "adopted"), (Consultation(consultation, "votes_yes"), Consultation(consultation, "votes_no"), Status(paper)));
        Assert.Equal((1, 1), (Journal(paper, "ResultRecorded"), Journal(paper, "ResultCorrected")));
        Assert.Contains("sign", PaperApi.Actions(await _papers.GetAsync(landrat, paper)));
        var verified = await VerifyAsync(clerk, paper);
        Assert.True(verified.GetProperty("valid").GetBoolean(), verified.ToString());
        Assert.Empty(verified.GetProperty("findings").EnumerateArray());

        // The outcome corrected: beschlossen → abgelehnt re-runs the workflow from this consultation; the Landrat has nothing to sign.
        var rejected = await Send(clerk, HttpMethod.Post, url, new { outcome = "rejected", reason = "Das Ergebnis wurde falsch verkündet.", votes = new { entitled, yes = 20, no = entitled - 24, abstain = 4 } });
        Assert.Equal(("rejected", "rejected"), (rejected.GetProperty("status").GetString(), Consultation(consultation, "outcome")));
        Assert.DoesNotContain("sign", PaperApi.Actions(await _papers.GetAsync(landrat, paper)));
        Assert.Equal((1, 2, 1), (Journal(paper, "ResultRecorded"), Journal(paper, "ResultCorrected"), Journal(paper, "Rerun")));
        Assert.True((await VerifyAsync(clerk, paper)).GetProperty("valid").GetBoolean());
        var history = await Send(clerk, HttpMethod.Get, $"/api/papers/{paper}/history", null);
        var results = history.EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "result").ToList();
        Assert.Equal(["record_result", "correct_result", "correct_result"], results.Select(e => e.GetProperty("action").GetString()));
        Assert.Equal(("rejected", "Das Ergebnis wurde falsch verkündet."), (results[^1].GetProperty("outcome").GetString(), results[^1].GetProperty("comment").GetString()));
        Assert.Equal("rejected", history.EnumerateArray().Last(e => e.GetProperty("kind").GetString() == "transition").GetProperty("toStatus").GetString());

        // And back: abgelehnt → beschlossen waits for the Ausfertigung again.
        var adopted = await Send(clerk, HttpMethod.Post, url, new { outcome = "adopted", reason = "Rückkehr zum verkündeten Ergebnis.", votes = new { entitled, yes = yes - 1, no = 7, abstain = 4 } });
        Assert.Equal("adopted", adopted.GetProperty("status").GetString());
        Assert.Contains("sign", PaperApi.Actions(await _papers.GetAsync(landrat, paper)));
        Assert.True((await VerifyAsync(clerk, paper)).GetProperty("valid").GetBoolean());

        // Tampering with the corrected row is still found: the latest record is what the row must say.
        Execute("UPDATE consultations SET votes_yes = votes_yes + 1 WHERE id = @consultation", new { consultation });
        var tampered = await VerifyAsync(clerk, paper);
        var finding = tampered.GetProperty("findings").EnumerateArray().Single();
        Assert.Equal(("row_differs", (yes - 1).ToString(), yes.ToString()), (finding.GetProperty("code").GetString(), finding.GetProperty("journalValue").GetString(),
            finding.GetProperty("rowValue").GetString()));
        Execute("UPDATE consultations SET votes_yes = votes_yes - 1 WHERE id = @consultation", new { consultation });

        // Signed by the Landrat: the paper moved on, its result is no longer corrected here.
        await _papers.ActAsync(landrat, signedPaper, "sign", new { date });
        var signedUrl = $"/api/papers/{signedPaper}/consultations/{signedConsultation}/result-corrections";
        var journal = Count("workflow_execution_log");
        await (await clerk.PostAsJsonAsync(signedUrl, new { outcome = "rejected", reason = "x", votes = new { entitled, yes = 20, no = entitled - 24, abstain = 4 } }))
            .AssertProblem(409, "paper_moved_on");

        // Once the Niederschrift is signed, no correction: 409 with nothing written.
        var signature = $"/api/meetings/{meeting}/minutes/signatures";
        await Send(clerk, HttpMethod.Post, signature, new { signatures = new object[] { new { role = "chair", signedOn = date }, new { role = "member", personId = members[1], signedOn = date },
            new { role = "member", personId = members[2], signedOn = date }, new { role = "secretary", signedOn = date } } });
        Assert.Equal("signed", app.Scalar<string>("SELECT minutes_state FROM meeting_sessions WHERE meeting_id = @meeting", new { meeting }));
        var refused = await (await clerk.PostAsJsonAsync(url, new { outcome = "rejected", reason = "zu spät", votes = new { entitled, yes = 20, no = entitled - 24, abstain = 4 } }))
            .AssertProblem(409, "minutes_signed");
        Assert.Contains("Niederschrift", refused.GetProperty("detail").GetString());
        Assert.Equal((journal, "adopted", "adopted"), (Count("workflow_execution_log"), Status(paper), Consultation(consultation, "outcome")));
    }

    [Fact]
    public async Task A_preparatory_tally_is_corrected_after_the_kreistag_decided_without_moving_the_paper()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var (paperId, paper) = await _papers.InDeliberationAsync("KOR-VORB");
        var first = PaperApi.ConsultationId(paper, 1);
        await _papers.RecordAsync(clerk, paperId, first, new { date = "2021-03-04", outcome = "recommended", votes = new { entitled = 9, yes = 8, no = 1 } });
        paper = await _papers.RecordAsync(clerk, paperId, PaperApi.ConsultationId(paper, 2), new { date = "2021-03-17", outcome = "recommended", votes = new { entitled = 7, yes = 6, no = 1 } });
        paper = await _papers.RecordAsync(clerk, paperId, PaperApi.ConsultationId(paper, 3), new { date = "2021-03-31", outcome = "adopted", votes = new { entitled = 33, yes = 27, no = 6 } });
        var status = Status(paperId);
        var (corrections, recorded) = (Journal(paperId, "ResultCorrected"), Journal(paperId, "ResultRecorded"));
        Assert.Equal(3, recorded);

        var corrected = await Send(clerk, HttpMethod.Post, $"/api/papers/{paperId}/consultations/{first}/result-corrections",
            new { outcome = "recommended", votes = new { entitled = 9, yes = 9, no = 0 }, reason = "Zählfehler: einstimmig empfohlen." });
        Assert.Equal(status, corrected.GetProperty("status").GetString());
        Assert.Equal(("9", "0"), (Consultation(first, "votes_yes"), Consultation(first, "votes_no")));
        Assert.Equal(corrections + 1, Journal(paperId, "ResultCorrected"));
        Assert.Equal(recorded, Journal(paperId, "ResultRecorded")); // the old records stay
        Assert.True((await VerifyAsync(clerk, paperId)).GetProperty("valid").GetBoolean());
    }
}

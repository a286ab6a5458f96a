using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Features.Meetings;

/// <summary>
/// The Niederschrift over HTTP (Erzgebirgskreis, Sachsen § 36 SächsLKrO): read from the session record, signed on paper and recorded,
/// approved at the next session, published; a non-public decision announced (§ 33 Abs. 1 Satz 3); the Beschlussbuch. The session record
/// (meeting_sessions, meeting_attendance) is written directly: the Sitzungsmodus API that records it belongs to another branch.
/// </summary>
public sealed class MinutesTests(VorlagenApp app) : IClassFixture<VorlagenApp>
{
    private const string Marker = "Feldlerche";
    private readonly PaperApi _papers = new(app);
    private long Body => app.BodyId("erzgebirgskreis");
    private long Kreistag => app.OrganizationId("erzgebirgskreis", "Kreistag");
    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime);
    private int Count(string table) => app.Scalar<int>($"SELECT COUNT(*) FROM {table}");

    private static async Task<JsonElement> Send(HttpClient client, string url, object body, int status = 200, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        var response = await client.SendAsync(request);
        Assert.True(status == (int)response.StatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJson();
    }

    private async Task<long> MeetingAsync(HttpClient clerk, DateOnly date, params string[] templates)
    {
        var meeting = await Send(clerk, "/api/meetings", new { organizationId = Kreistag, date = date.ToString("yyyy-MM-dd"), startTime = "16:00", endTime = "19:30",
            room = "Großer Saal", address = "Paulus-Jenisius-Straße 24, 09456 Annaberg-Buchholz" }, 201);
        var id = meeting.GetProperty("id").GetInt64();
        foreach (var key in templates) await Send(clerk, $"/api/meetings/{id}/agenda-items", new { templateKey = key });
        return id;
    }

    /// <summary>A released paper on the agenda of <paramref name="meetingId"/>, in the public or the non-public part.</summary>
    private async Task<(long Paper, long Consultation)> OnAgendaAsync(HttpClient clerk, HttpClient landrat, long meetingId, bool isPublic, string reference)
    {
        var paper = await _papers.CreateAsync(clerk, new
        {
            bodyId = Body, reference, title = isPublic ? "Radweg Annaberg" : "Grundstücksangelegenheit", originator = "Dezernat 2",
            proposal = "Der Kreistag beschließt den Bau des Radwegs.", reasoning = "Begründung", @public = true,
            consultations = new object[] { new { organizationId = Kreistag, role = "beschliessend", @public = isPublic } },
        });
        var id = PaperApi.Id(paper);
        await _papers.ActAsync(clerk, id, "submit");
        paper = await _papers.ActAsync(landrat, id, "release");
        var consultation = PaperApi.ConsultationId(paper, 1);
        await Send(clerk, $"/api/meetings/{meetingId}/agenda-items", new { consultationId = consultation });
        return (id, consultation);
    }

    private async Task DecideAsync(HttpClient landrat, long id, long consultation, DateOnly date, bool isPublic)
    {
        object result = isPublic
            ? new { date = date.ToString("yyyy-MM-dd"), outcome = "adopted", votes = new { entitled = 60, yes = 50, no = 6, abstain = 4 } }
            : new { date = date.ToString("yyyy-MM-dd"), outcome = "adopted_amended", resolutionText = $"Verkauf des Flurstücks {Marker} an die Gemeinde.",
                votes = new { entitled = 60, yes = 41, no = 19 } };
        await _papers.RecordAsync(landrat, id, consultation, result);
    }

    private (long Landrat, List<long> Members) People()
    {
        using var db = app.OpenDatabase();
        var landrat = db.ExecuteScalar<long>("SELECT MIN(person_id) FROM memberships WHERE organization_id = @Kreistag AND statutory = 1", new { Kreistag });
        var members = db.Query<long>("SELECT DISTINCT person_id FROM memberships WHERE organization_id = @Kreistag AND statutory = 0 AND role = 'mitglied' ORDER BY person_id",
            new { Kreistag }).Take(4).ToList();
        return (landrat, members);
    }

    private void RecordSession(long meetingId, long chair, IReadOnlyList<long> members)
    {
        using var db = app.OpenDatabase();
        db.Execute("INSERT INTO meeting_sessions (meeting_id, opened_at, opened_by, chair_person_id, secretary_name) VALUES (@meetingId, '2026-01-01T10:00:00Z', 'test', @chair, 'Sabine Schreiber')",
            new { meetingId, chair });
        foreach (var (person, i) in members.Select((p, i) => (p, i)))
            db.Execute("INSERT INTO meeting_attendance (meeting_id, person_id, status, absence_reason, recorded_at, recorded_by) VALUES (@meetingId, @person, @status, @reason, '2026-01-01T10:00:00Z', 'test')",
                new { meetingId, person, status = i < 3 ? "present" : "excused", reason = i < 3 ? null : "Krankheit" });
    }

    [Fact]
    public async Task A_niederschrift_is_signed_approved_at_the_next_session_published_and_a_non_public_decision_announced()
    {
        var clerk = await app.ClientFor("erz.clerk");
        var landrat = await app.ClientFor("erz.landrat");
        var anonymous = app.CreateClient();
        var day = Today.AddDays(2);
        var meeting = await MeetingAsync(clerk, day, "eroeffnung");
        var (publicPaper, publicDecision) = await OnAgendaAsync(clerk, landrat, meeting, true, "MIN-1");
        var (secretPaper, secretDecision) = await OnAgendaAsync(clerk, landrat, meeting, false, "MIN-2");
        await Send(clerk, $"/api/meetings/{meeting}/invitations", new { channel = "ris" });
        app.Clock.Advance(TimeSpan.FromDays(3));
        (clerk, landrat) = (await app.ClientFor("erz.clerk"), await app.ClientFor("erz.landrat")); // tokens live 8 hours
        await Send(clerk, $"/api/meetings/{meeting}/status", new { status = "held" });
        await DecideAsync(landrat, publicPaper, publicDecision, day, true);
        await DecideAsync(landrat, secretPaper, secretDecision, day, false);
        var (chair, members) = People();
        RecordSession(meeting, chair, members);

        // The office reads the draft with everything § 36 Abs. 1 asks for; the public does not learn it exists.
        var minutes = await (await clerk.GetAsync($"/api/meetings/{meeting}/minutes")).ReadJson();
        Assert.Equal(("draft", false, 3), (minutes.GetProperty("state").GetString(), minutes.GetProperty("restricted").GetBoolean(), minutes.GetProperty("presentCount").GetInt32()));
        Assert.Equal("Krankheit", minutes.GetProperty("absent")[0].GetProperty("reason").GetString());
        Assert.Equal("Sabine Schreiber", minutes.GetProperty("secretaryName").GetString());
        var items = minutes.GetProperty("items").EnumerateArray().ToList();
        var secretItem = items.Single(i => i.GetProperty("consultationId").ValueKind == JsonValueKind.Number && i.GetProperty("consultationId").GetInt64() == secretDecision);
        Assert.Equal("N 1", secretItem.GetProperty("number").GetString());
        Assert.Contains(Marker, secretItem.GetProperty("result").GetProperty("wording").GetString());
        var publicItem = items.Single(i => i.GetProperty("consultationId").ValueKind == JsonValueKind.Number && i.GetProperty("consultationId").GetInt64() == publicDecision);
        Assert.Equal(50, publicItem.GetProperty("result").GetProperty("votes").GetProperty("yes").GetInt32());
        Assert.Equal("Der Kreistag beschließt den Bau des Radwegs.", publicItem.GetProperty("result").GetProperty("wording").GetString());
        Assert.Equal((2, "§ 36 Abs. 2 Satz 1 SächsLKrO"), (minutes.GetProperty("signatureRule").GetProperty("members").GetInt32(),
            minutes.GetProperty("signatureRule").GetProperty("citation").GetString()));
        await (await anonymous.GetAsync($"/api/meetings/{meeting}/minutes")).AssertProblem(404, "not_found");
        await (await anonymous.GetAsync($"/api/meetings/{meeting}/minutes.pdf")).AssertProblem(404, "not_found");
        var book = await (await anonymous.GetAsync($"/api/decisions?bodyId={Body}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("MIN-1", book);
        Assert.DoesNotContain("MIN-2", book);

        // Bad signatures: refused with nothing written.
        var before = (Count("minutes_signatures"), Count("meeting_changes"), app.Scalar<string>("SELECT minutes_state FROM meeting_sessions WHERE meeting_id = @meeting", new { meeting }));
        var url = $"/api/meetings/{meeting}/minutes/signatures";
        var signedOn = Today.ToString("yyyy-MM-dd");
        await (await clerk.PostAsJsonAsync(url, new { signatures = new object[] { new { role = "mayor", signedOn } } })).AssertProblem(400, "validation");
        await (await clerk.PostAsJsonAsync(url, new { signatures = new object[] { new { role = "member", signedOn } } })).AssertProblem(400, "validation");
        var absentee = await (await clerk.PostAsJsonAsync(url, new { signatures = new object[] { new { role = "chair", signedOn }, new { role = "member", personId = members[3], signedOn } } }))
            .AssertProblem(422, "signer_not_present");
        Assert.Contains("§ 36 Abs. 2", absentee.GetProperty("detail").GetString());
        await (await clerk.PostAsJsonAsync(url, new { signatures = new object[] { new { role = "chair", signedOn = day.AddDays(-1).ToString("yyyy-MM-dd") } } }))
            .AssertProblem(422, "signed_on_out_of_range");
        await (await (await app.ClientFor("erz.member")).PostAsJsonAsync(url, new { signatures = new object[] { new { role = "chair", signedOn } } })).AssertProblem(403, "forbidden");
        await (await clerk.PostAsJsonAsync($"/api/meetings/{meeting}/minutes/publication", new { })).AssertProblem(409, "minutes_state_not_allowed");
        Assert.Equal(before, (Count("minutes_signatures"), Count("meeting_changes"), app.Scalar<string>("SELECT minutes_state FROM meeting_sessions WHERE meeting_id = @meeting", new { meeting })));

        // Chair and one Kreisrat sign first, the second Kreisrat and the Schriftführerin later: then it is signed and numbered.
        var version = minutes.GetProperty("version").GetInt32();
        await Send(clerk, url, new { signatures = new object[] { new { role = "chair", signedOn } } }, 412, ifMatch: $"\"{version + 5}\"");
        minutes = await Send(clerk, url, new { signatures = new object[] { new { role = "chair", signedOn }, new { role = "member", personId = members[0], signedOn } } }, ifMatch: $"\"{version}\"");
        Assert.Equal("draft", minutes.GetProperty("state").GetString());
        await (await clerk.PostAsJsonAsync(url, new { signatures = new object[] { new { role = "member", personId = members[0], signedOn } } })).AssertProblem(422, "signer_twice");
        // Sent twice with one Idempotency-Key (a lost connection): the retry replays the first answer and records nothing more.
        var last = new { signatures = new object[] { new { role = "member", personId = members[1], signedOn }, new { role = "secretary", signedOn } } };
        var key = Guid.NewGuid().ToString();
        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(last) };
            request.Headers.Add("Idempotency-Key", key);
            var response = await clerk.SendAsync(request);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            minutes = await response.ReadJson();
        }
        Assert.Equal("signed", minutes.GetProperty("state").GetString());
        Assert.Equal(4, minutes.GetProperty("signatures").GetArrayLength());
        Assert.Equal("Sabine Schreiber", minutes.GetProperty("signatures")[3].GetProperty("name").GetString());
        Assert.All(minutes.GetProperty("signatures").EnumerateArray(), s => Assert.Contains("#", s.GetProperty("recordedBy").GetString()));
        Assert.Equal(4, app.Scalar<int>("SELECT COUNT(*) FROM minutes_signatures WHERE meeting_id = @meeting", new { meeting }));
        var numbers = app.OpenDatabase().Query<string>("SELECT number FROM decision_numbers WHERE consultation_id IN (@publicDecision, @secretDecision) ORDER BY serial_no",
            new { publicDecision, secretDecision }).ToList();
        var shortName = app.Scalar<string>("SELECT short_name FROM organizations WHERE id = @Kreistag", new { Kreistag });
        Assert.Equal(new[] { $"{shortName}/{day.Year}/001", $"{shortName}/{day.Year}/002" }, numbers);
        Assert.Contains(app.OpenDatabase().Query<string>("SELECT action FROM meeting_changes WHERE meeting_id = @meeting", new { meeting }), a => a == "minutes_signed");

        // Approval at the next session: it needs the TOP "Bestätigung der Niederschrift" and must have been held.
        var next = await MeetingAsync(clerk, Today.AddDays(1), "eroeffnung");
        var third = await MeetingAsync(clerk, Today.AddDays(2), "niederschrift");
        app.Clock.Advance(TimeSpan.FromDays(3));
        (clerk, landrat) = (await app.ClientFor("erz.clerk"), await app.ClientFor("erz.landrat")); // tokens live 8 hours
        await Send(clerk, $"/api/meetings/{next}/status", new { status = "held" });
        // Meine Aufgaben: due at the next session, which comes before the month is over (§ 36 Abs. 2 Satz 2).
        var task = (await (await clerk.GetAsync("/api/meetings/minutes-tasks")).ReadJson()).EnumerateArray().Single(t => t.GetProperty("meetingId").GetInt64() == meeting);
        Assert.Equal((day.AddDays(2).ToString("yyyy-MM-dd"), "signed", "§ 36 Abs. 2 Satz 2 SächsLKrO"),
            (task.GetProperty("due").GetString(), task.GetProperty("state").GetString(), task.GetProperty("citation").GetString()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/meetings/minutes-tasks")).StatusCode);
        Assert.Empty((await (await (await app.ClientFor("erz.member")).GetAsync("/api/meetings/minutes-tasks")).ReadJson()).EnumerateArray());
        await (await clerk.PostAsJsonAsync($"/api/meetings/{meeting}/minutes/approval", new { approvingMeetingId = next })).AssertProblem(422, "no_approval_item");
        await (await clerk.PostAsJsonAsync($"/api/meetings/{meeting}/minutes/approval", new { approvingMeetingId = meeting })).AssertProblem(422, "approving_meeting_invalid");
        await (await clerk.PostAsJsonAsync($"/api/meetings/{meeting}/minutes/approval", new { approvingMeetingId = next, objections = new object[] { new { raisedBy = "", text = "x", outcome = "maybe" } } }))
            .AssertProblem(400, "validation");
        Assert.Equal(0, Count("minutes_approvals"));
        await Send(clerk, $"/api/meetings/{third}/status", new { status = "held" });
        minutes = await Send(clerk, $"/api/meetings/{meeting}/minutes/approval", new
        {
            approvingMeetingId = third,
            objections = new object[] { new { raisedBy = "Kreisrat Beispiel", text = "Mein Redebeitrag zu TOP Ö 2 fehlt.", outcome = "accepted", resolution = "Ergänzt." } },
        });
        Assert.Equal("approved", minutes.GetProperty("state").GetString());
        Assert.Equal("stattgegeben", minutes.GetProperty("objections")[0].GetProperty("outcomeLabel").GetString());
        Assert.Equal(1, Count("minutes_objections"));
        Assert.DoesNotContain((await (await clerk.GetAsync("/api/meetings/minutes-tasks")).ReadJson()).EnumerateArray(), t => t.GetProperty("meetingId").GetInt64() == meeting);

        // Publication: the public part reaches everyone; the non-public part stays one line.
        minutes = await Send(clerk, $"/api/meetings/{meeting}/minutes/publication", new { });
        Assert.Equal("published", minutes.GetProperty("state").GetString());
        var publicResponse = await anonymous.GetAsync($"/api/meetings/{meeting}/minutes");
        var publicText = await publicResponse.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, publicResponse.StatusCode);
        Assert.Contains("Der Kreistag beschließt den Bau des Radwegs.", publicText);
        Assert.DoesNotContain(Marker, publicText);
        Assert.DoesNotContain("Grundstücksangelegenheit", publicText);
        Assert.DoesNotContain("Redebeitrag", publicText);
        Assert.Contains("nichtöffentlicher Teil", publicText);
        var pdfResponse = await anonymous.GetAsync($"/api/meetings/{meeting}/minutes.pdf");
        Assert.Equal("application/pdf", pdfResponse.Content.Headers.ContentType?.MediaType);
        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(await pdfResponse.Content.ReadAsByteArrayAsync()))
        {
            var pdfText = string.Join(" ", pdf.GetPages().SelectMany(page => page.GetWords()).Select(w => w.Text));
            Assert.Contains("Radwegs", pdfText);
            Assert.Contains("Sabine Schreiber", pdfText);
            Assert.DoesNotContain(Marker, pdfText);
            Assert.DoesNotContain("Grundstücksangelegenheit", pdfText);
        }
        book = await (await anonymous.GetAsync($"/api/decisions?bodyId={Body}&year={day.Year}")).Content.ReadAsStringAsync();
        Assert.Contains("MIN-1", book);
        Assert.DoesNotContain("MIN-2", book);

        // Bekanntgabe: before it the public sees neither the wording nor the decision; afterwards paper, search and Beschlussbuch show it.
        Assert.Equal("decided", (await _papers.GetAsync(anonymous, secretPaper)).GetProperty("status").GetString());
        Assert.DoesNotContain(Marker, await (await anonymous.GetAsync($"/api/papers/{secretPaper}")).Content.ReadAsStringAsync());
        Assert.Equal(0, (await (await anonymous.GetAsync($"/api/papers?q={Marker}")).ReadJson()).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/oparl/v1.1/consultation/{secretDecision}")).StatusCode);
        Assert.DoesNotContain(Marker, await (await anonymous.GetAsync($"/oparl/v1.1/paper/{secretPaper}")).Content.ReadAsStringAsync());
        var announceUrl = $"/api/meetings/{meeting}/minutes/announcements";
        await (await clerk.PostAsJsonAsync(announceUrl, new { consultationId = publicDecision, announcedOn = Today.ToString("yyyy-MM-dd") })).AssertProblem(422, "decision_already_public");
        await (await clerk.PostAsJsonAsync(announceUrl, new { consultationId = secretDecision, announcedOn = Today.AddDays(1).ToString("yyyy-MM-dd") })).AssertProblem(422, "announced_on_out_of_range");
        await (await clerk.PostAsJsonAsync(announceUrl, new { consultationId = secretDecision })).AssertProblem(400, "validation");
        Assert.Null(app.Scalar<string?>("SELECT announced_on FROM consultations WHERE id = @secretDecision", new { secretDecision }));
        await Send(clerk, announceUrl, new { consultationId = secretDecision, announcedOn = Today.AddDays(-1).ToString("yyyy-MM-dd"), announcingMeetingId = third });
        Assert.Equal(Today.AddDays(-1).ToString("yyyy-MM-dd"), app.Scalar<string>("SELECT announced_on FROM consultations WHERE id = @secretDecision", new { secretDecision }));
        await (await clerk.PostAsJsonAsync(announceUrl, new { consultationId = secretDecision, announcedOn = Today.ToString("yyyy-MM-dd") })).AssertProblem(409, "decision_already_announced");
        // OParl too: the consultation becomes an object with its wording, and the paper's modified moves on.
        var oparl = await anonymous.GetAsync($"/oparl/v1.1/consultation/{secretDecision}");
        Assert.Equal(HttpStatusCode.OK, oparl.StatusCode);
        Assert.Contains(Marker, await oparl.Content.ReadAsStringAsync());
        var seen = await _papers.GetAsync(anonymous, secretPaper);
        Assert.Equal("adopted", seen.GetProperty("status").GetString());
        Assert.Contains(Marker, seen.GetProperty("consultations")[0].GetProperty("result").GetProperty("resolutionText").GetString());
        Assert.Equal(1, (await (await anonymous.GetAsync($"/api/papers?q={Marker}")).ReadJson()).GetProperty("total").GetInt32());
        book = await (await anonymous.GetAsync($"/api/decisions?bodyId={Body}&year={day.Year}")).Content.ReadAsStringAsync();
        Assert.Contains("MIN-2", book);
        Assert.Contains(Marker, book);
        var history = await (await clerk.GetAsync($"/api/meetings/{meeting}/history")).Content.ReadAsStringAsync();
        Assert.Contains("bekanntgegeben", history);
    }

    [Fact]
    public async Task Minutes_of_a_meeting_without_a_session_record_cannot_be_signed_and_bad_filters_are_refused()
    {
        var clerk = await app.ClientFor("erz.clerk");
        var meeting = await MeetingAsync(clerk, Today.AddDays(-40));
        await (await clerk.PostAsJsonAsync($"/api/meetings/{meeting}/minutes/signatures", new { signatures = new object[] { new { role = "chair", signedOn = Today.ToString("yyyy-MM-dd") } } }))
            .AssertProblem(409, "meeting_not_held");
        await Send(clerk, $"/api/meetings/{meeting}/status", new { status = "held" });
        await (await clerk.PostAsJsonAsync($"/api/meetings/{meeting}/minutes/signatures", new { signatures = new object[] { new { role = "chair", signedOn = Today.ToString("yyyy-MM-dd") } } }))
            .AssertProblem(409, "session_not_recorded");
        var minutes = await (await clerk.GetAsync($"/api/meetings/{meeting}/minutes")).ReadJson();
        Assert.Equal(("draft", false), (minutes.GetProperty("state").GetString(), minutes.GetProperty("sessionRecorded").GetBoolean()));
        Assert.Equal(Today.AddDays(-40).AddMonths(1), DateOnly.Parse(minutes.GetProperty("noticeDeadline").GetProperty("due").GetString()!));
        await (await clerk.GetAsync("/api/decisions?year=12")).AssertProblem(400, "validation");
        await (await app.CreateClient().GetAsync("/api/meetings/987654/minutes")).AssertProblem(404, "not_found");
    }
}

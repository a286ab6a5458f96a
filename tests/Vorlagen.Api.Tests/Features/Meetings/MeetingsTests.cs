using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Features.Meetings;

/// <summary>Sitzungen and Tagesordnung over HTTP: status codes, bodies and what the database holds.</summary>
public sealed class MeetingsTests(VorlagenApp app) : IClassFixture<VorlagenApp>
{
    private readonly PaperApi _papers = new(app);
    private readonly HttpClient _clerk = app.ClientFor("kyf.clerk").GetAwaiter().GetResult();
    private long Ausschuss => app.OrganizationId("kyffhaeuserkreis", PaperApi.KyfAusschuss);
    private long Kreistag => app.OrganizationId("kyffhaeuserkreis", "Kreistag");
    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime);
    private int Count(string table) => app.Scalar<int>($"SELECT COUNT(*) FROM {table}");

    private async Task<JsonElement> CreateMeeting(long organizationId, DateOnly date, string? number = null)
    {
        var response = await _clerk.PostAsJsonAsync("/api/meetings", new { organizationId, number, date = date.ToString("yyyy-MM-dd"), startTime = "17:00", room = "Sitzungssaal", address = "Markt 8, 99706 Sondershausen" });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadJson();
    }

    private async Task<JsonElement> Post(HttpClient client, string url, object body, int status = 200)
    {
        var response = await client.PostAsJsonAsync(url, body);
        Assert.True(status == (int)response.StatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJson();
    }

    private static long Id(JsonElement e) => e.GetProperty("id").GetInt64();
    private static List<JsonElement> Items(JsonElement meeting) => [.. meeting.GetProperty("agendaItems").EnumerateArray()];
    private static List<string?> Numbers(JsonElement meeting) => [.. Items(meeting).Select(i => i.GetProperty("number").GetString())];

    [Fact]
    public async Task The_office_plans_a_session_builds_the_agenda_and_the_paper_shows_the_planned_date()
    {
        var date = Today.AddDays(21);
        var meeting = await CreateMeeting(Ausschuss, date, "ASFG/001/T1");
        Assert.Equal(("planned", "geplant"), (meeting.GetProperty("status").GetString(), meeting.GetProperty("statusLabel").GetString()));
        var id = Id(meeting);
        Assert.Contains("kyf", app.Scalar<string>("SELECT created_by FROM meetings WHERE id = @id", new { id }), StringComparison.OrdinalIgnoreCase);

        var (paperId, paper) = await _papers.InDeliberationAsync("2021/7/101");
        var consultationId = PaperApi.ConsultationId(paper, 1);
        meeting = await Post(_clerk, $"/api/meetings/{id}/agenda-items", new { consultationId });
        var item = Items(meeting).Single();
        Assert.Equal(("Ö 1", paperId, consultationId), (item.GetProperty("number").GetString(), item.GetProperty("paperId").GetInt64(), item.GetProperty("consultationId").GetInt64()));
        Assert.Equal(date.ToString("yyyy-MM-dd"), app.Scalar<string>("SELECT planned_date FROM consultations WHERE id = @consultationId", new { consultationId }));
        var beratung = (await _papers.GetAsync(_clerk, paperId)).GetProperty("consultations").EnumerateArray().First();
        Assert.Equal(date.ToString("yyyy-MM-dd"), beratung.GetProperty("plannedDate").GetString());
        Assert.Equal(id, beratung.GetProperty("meetingId").GetInt64());

        meeting = await Post(_clerk, $"/api/meetings/{id}/agenda-items", new { templateKey = "eroeffnung" });
        meeting = await Post(_clerk, $"/api/meetings/{id}/agenda-items", new { templateKey = "informationen" });
        meeting = await Post(_clerk, $"/api/meetings/{id}/agenda-items", new { templateKey = "anfragen_n" });
        Assert.Equal(["Ö 1", "Ö 2", "Ö 3", "N 1"], Numbers(meeting));

        var ids = Items(meeting).Select(i => i.GetProperty("id").GetInt64()).ToList();
        var order = new { items = new object[] { new { id = ids[1], sub = false }, new { id = ids[0], sub = false }, new { id = ids[2], sub = true }, new { id = ids[3], sub = false } } };
        var reordered = await (await _clerk.PutAsJsonAsync($"/api/meetings/{id}/agenda-order", order)).ReadJson();
        Assert.Equal(["Ö 1", "Ö 2", "Ö 2.1", "N 1"], Numbers(reordered));
        Assert.Equal(["Eröffnung und Feststellung der ordnungsgemäßen Einladung und der Beschlussfähigkeit", "Integrationskonzept Kyffhäuserkreis 2020",
            "Informationen des Landrats", "Anfragen"], Items(reordered).Select(i => i.GetProperty("title").GetString()));

        // A sub-item cannot open a part; nothing changes.
        var bad = new { items = new object[] { new { id = ids[1], sub = true }, new { id = ids[0], sub = false }, new { id = ids[2], sub = false }, new { id = ids[3], sub = false } } };
        await (await _clerk.PutAsJsonAsync($"/api/meetings/{id}/agenda-order", bad)).AssertProblem(422, "sub_item_without_parent");
        Assert.Equal(1, app.Scalar<int>("SELECT is_sub FROM agenda_items WHERE id = @i", new { i = ids[2] }));

        var history = await (await _clerk.GetAsync($"/api/meetings/{id}/history")).ReadJson();
        Assert.Equal(6, history.GetArrayLength());
        Assert.All(history.EnumerateArray(), h => Assert.Contains("#", h.GetProperty("changedBy").GetString()));
        Assert.Equal(7, app.Scalar<int>("SELECT version FROM meetings WHERE id = @id", new { id }));
    }

    [Fact]
    public async Task Only_released_papers_whose_next_consultation_is_in_this_gremium_go_on_the_agenda()
    {
        var kreistag = Id(await CreateMeeting(Kreistag, Today.AddDays(30)));
        var ausschuss = Id(await CreateMeeting(Ausschuss, Today.AddDays(14)));
        var (_, paper) = await _papers.InDeliberationAsync("2021/7/102");
        var before = (Count("agenda_items"), Count("meeting_changes"));

        await (await _clerk.PostAsJsonAsync($"/api/meetings/{kreistag}/agenda-items", new { consultationId = PaperApi.ConsultationId(paper, 1) })).AssertProblem(422, "wrong_gremium");
        await (await _clerk.PostAsJsonAsync($"/api/meetings/{kreistag}/agenda-items", new { consultationId = PaperApi.ConsultationId(paper, 3) })).AssertProblem(422, "consultation_not_due");
        var draft = await _papers.CreateAsync(_clerk, PaperApi.KyffhaeuserPaper(app.BodyId("kyffhaeuserkreis"), "2021/7/103"));
        await (await _clerk.PostAsJsonAsync($"/api/meetings/{ausschuss}/agenda-items", new { consultationId = PaperApi.ConsultationId(draft, 1) })).AssertProblem(422, "paper_not_released");
        await (await _clerk.PostAsJsonAsync($"/api/meetings/{ausschuss}/agenda-items", new { consultationId = 1, templateKey = "eroeffnung" })).AssertProblem(400, "validation");
        await (await _clerk.PostAsJsonAsync($"/api/meetings/{ausschuss}/agenda-items", new { templateKey = "kaffee" })).AssertProblem(400, "unknown_template_item");
        await (await _clerk.PostAsJsonAsync($"/api/meetings/{ausschuss}/agenda-items", new { consultationId = 987654 })).AssertProblem(404, "not_found");
        Assert.Equal(before, (Count("agenda_items"), Count("meeting_changes")));
        Assert.Null(app.Scalar<string?>("SELECT planned_date FROM consultations WHERE id = @c", new { c = PaperApi.ConsultationId(paper, 1) }));

        await Post(_clerk, $"/api/meetings/{ausschuss}/agenda-items", new { consultationId = PaperApi.ConsultationId(paper, 1) });
        var other = Id(await CreateMeeting(Ausschuss, Today.AddDays(15)));
        await (await _clerk.PostAsJsonAsync($"/api/meetings/{other}/agenda-items", new { consultationId = PaperApi.ConsultationId(paper, 1) })).AssertProblem(409, "already_on_agenda");
    }

    [Fact]
    public async Task Bad_input_and_unauthorised_callers_get_problems_and_nothing_is_written()
    {
        var before = (Count("meetings"), Count("meeting_changes"));
        await (await _clerk.PostAsJsonAsync("/api/meetings", new { organizationId = Ausschuss })).AssertProblem(400, "validation");
        await (await _clerk.PostAsJsonAsync("/api/meetings", new { organizationId = Ausschuss, date = "2026-05-05", startTime = "25:00" })).AssertProblem(400, "validation");
        await (await _clerk.PostAsJsonAsync("/api/meetings", new { organizationId = Ausschuss, date = "2026-05-05", startTime = "18:00", endTime = "17:00" })).AssertProblem(400, "validation");
        await (await _clerk.PostAsJsonAsync("/api/meetings", new { organizationId = 999999, date = "2026-05-05" })).AssertProblem(404, "not_found");
        var fraktion = app.Scalar<long>("SELECT o.id FROM organizations o JOIN bodies b ON b.id = o.body_id WHERE b.body_key = 'kyffhaeuserkreis' AND o.kind = 'fraktion' ORDER BY o.id");
        await (await _clerk.PostAsJsonAsync("/api/meetings", new { organizationId = fraktion, date = "2026-05-05" })).AssertProblem(422, "not_a_gremium");
        var member = await app.ClientFor("kyf.member");
        await (await member.PostAsJsonAsync("/api/meetings", new { organizationId = Ausschuss, date = "2026-05-05" })).AssertProblem(403, "forbidden");
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().PostAsJsonAsync("/api/meetings", new { organizationId = Ausschuss, date = "2026-05-05" })).StatusCode);
        var erzClerk = await app.ClientFor("erz.clerk");
        await (await erzClerk.PostAsJsonAsync("/api/meetings", new { organizationId = Ausschuss, date = "2026-05-05" })).AssertProblem(404, "not_found");
        Assert.Equal(before, (Count("meetings"), Count("meeting_changes")));

        var id = Id(await CreateMeeting(Ausschuss, Today.AddDays(40), "ASFG/T/dup"));
        await (await _clerk.PostAsJsonAsync("/api/meetings", new { organizationId = Ausschuss, number = "ASFG/T/dup", date = "2026-05-05" })).AssertProblem(409, "meeting_number_taken");
        await (await _clerk.PostAsJsonAsync($"/api/meetings/{id}/status", new { status = "held" })).AssertProblem(422, "meeting_in_future");
        await (await _clerk.PostAsJsonAsync($"/api/meetings/{id}/status", new { status = "closed" })).AssertProblem(409, "meeting_status_not_allowed");
        await (await _clerk.PostAsJsonAsync($"/api/meetings/{id}/status", new { status = "postponed" })).AssertProblem(400, "validation");
        await (await erzClerk.GetAsync($"/api/meetings/{id}")).AssertProblem(404, "not_found");
        Assert.Equal("planned", app.Scalar<string>("SELECT status FROM meetings WHERE id = @id", new { id }));
    }

    [Fact]
    public async Task Vertagen_moves_the_consultation_to_another_session_and_postponing_a_session_moves_its_dates()
    {
        var first = Id(await CreateMeeting(Ausschuss, Today.AddDays(10)));
        var second = Id(await CreateMeeting(Ausschuss, Today.AddDays(24)));
        var (_, paper) = await _papers.InDeliberationAsync("2021/7/104");
        var consultationId = PaperApi.ConsultationId(paper, 1);
        var item = Items(await Post(_clerk, $"/api/meetings/{first}/agenda-items", new { consultationId })).Single().GetProperty("id").GetInt64();
        var kreistag = Id(await CreateMeeting(Kreistag, Today.AddDays(30)));
        await (await _clerk.PostAsJsonAsync($"/api/meetings/{first}/agenda-items/{item}/postpone", new { targetMeetingId = kreistag })).AssertProblem(422, "wrong_gremium");

        var left = await Post(_clerk, $"/api/meetings/{first}/agenda-items/{item}/postpone", new { targetMeetingId = second });
        Assert.Empty(Items(left));
        var target = await (await _clerk.GetAsync($"/api/meetings/{second}")).ReadJson();
        Assert.Equal(consultationId, Items(target).Single().GetProperty("consultationId").GetInt64());
        Assert.Equal(Today.AddDays(24).ToString("yyyy-MM-dd"), app.Scalar<string>("SELECT planned_date FROM consultations WHERE id = @consultationId", new { consultationId }));

        var moved = await Post(_clerk, $"/api/meetings/{second}/status", new { status = "postponed", newDate = Today.AddDays(28).ToString("yyyy-MM-dd"), reason = "Raum belegt" });
        Assert.Equal(("postponed", Today.AddDays(24).ToString("yyyy-MM-dd")), (moved.GetProperty("status").GetString(), moved.GetProperty("postponedFrom").GetString()));
        Assert.Equal(Today.AddDays(28).ToString("yyyy-MM-dd"), app.Scalar<string>("SELECT planned_date FROM consultations WHERE id = @consultationId", new { consultationId }));

        var cancelled = await Post(_clerk, $"/api/meetings/{second}/status", new { status = "cancelled", reason = "Keine Beratungsgegenstände" });
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        Assert.Null(app.Scalar<string?>("SELECT planned_date FROM consultations WHERE id = @consultationId", new { consultationId }));
        Assert.Contains("#", app.Scalar<string>("SELECT changed_by FROM meeting_changes WHERE meeting_id = @second AND action = 'status_cancelled'", new { second }));
    }

    [Fact]
    public async Task The_seed_004_kreistag_session_is_entered_as_a_historical_session()
    {
        var id = Id(await CreateMeeting(Kreistag, new DateOnly(2021, 3, 31), "KT/009/2021"));
        Assert.Equal("held", (await Post(_clerk, $"/api/meetings/{id}/status", new { status = "held" })).GetProperty("status").GetString());
        Assert.Equal("closed", (await Post(_clerk, $"/api/meetings/{id}/status", new { status = "closed" })).GetProperty("status").GetString());
        var list = await (await _clerk.GetAsync($"/api/meetings?organizationId={Kreistag}&from=2021-03-01&to=2021-03-31")).ReadJson();
        Assert.Equal("KT/009/2021", list.GetProperty("items").EnumerateArray().Single().GetProperty("number").GetString());
        await (await _clerk.PostAsJsonAsync($"/api/meetings/{id}/agenda-items", new { templateKey = "eroeffnung" })).AssertProblem(409, "agenda_closed");
    }

    [Fact]
    public async Task Sachsen_leaves_the_ladungsfrist_to_the_geschaeftsordnung_which_the_body_sets()
    {
        var erz = app.BodyId("erzgebirgskreis");
        var erzClerk = await app.ClientFor("erz.clerk");
        var kreistag = app.OrganizationId("erzgebirgskreis", "Kreistag");
        var created = await erzClerk.PostAsJsonAsync("/api/meetings", new { organizationId = kreistag, date = Today.AddDays(30).ToString("yyyy-MM-dd") });
        var meeting = await created.ReadJson();
        var notice = meeting.GetProperty("notice");
        Assert.Equal((JsonValueKind.Null, "undetermined", true), (notice.GetProperty("fullDays").ValueKind, notice.GetProperty("verdict").GetString(), notice.GetProperty("wordingVerified").GetBoolean()));
        Assert.Equal("§ 32 Abs. 3 Satz 1 und 2 SächsLKrO", notice.GetProperty("citation").GetString());

        await (await erzClerk.PutAsJsonAsync($"/api/meetings/notice-settings/{erz}", new { fullDays = 7, citation = "§ 4 Abs. 2 GeschO" })).AssertProblem(403, "forbidden");
        var admin = await app.ClientFor("admin");
        await (await admin.PutAsJsonAsync($"/api/meetings/notice-settings/{erz}", new { fullDays = -1, citation = "" })).AssertProblem(400, "validation");
        Assert.Equal(0, Count("meeting_notice_settings"));
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/meetings/notice-settings/{erz}", new { fullDays = 7, citation = "§ 4 Abs. 2 GeschO Kreistag" })).StatusCode);

        notice = (await (await erzClerk.GetAsync($"/api/meetings/{Id(meeting)}")).ReadJson()).GetProperty("notice");
        Assert.Equal((7, true, "§ 4 Abs. 2 GeschO Kreistag"), (notice.GetProperty("fullDays").GetInt32(), notice.GetProperty("setByBody").GetBoolean(), notice.GetProperty("bodyCitation").GetString()));
        Assert.Equal(Today.AddDays(22).ToString("yyyy-MM-dd"), notice.GetProperty("latestReceipt").GetString());
        Assert.Contains("#", app.Scalar<string>("SELECT updated_by FROM meeting_notice_settings WHERE body_id = @erz", new { erz }));
    }
}

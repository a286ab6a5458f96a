using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Features.Meetings;

/// <summary>
/// The agenda deadline of an Antrag (rule data: Sachsen the übernächste Sitzung, § 32 Abs. 5 SächsLKrO; Thüringen the next, unverified):
/// flagged on Meine Aufgaben and on the meeting whose agenda must take it, until it is placed.
/// </summary>
public sealed class AgendaDeadlineTests(VorlagenApp app) : IClassFixture<VorlagenApp>
{
    private readonly PaperApi _papers = new(app);
    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime);

    private async Task<(long Id, long ConsultationId)> Antrag(string body, string clerkName, string releaser, string reference, DateOnly received)
    {
        var clerk = await app.ClientFor(clerkName);
        var created = await _papers.CreateAsync(clerk, new
        {
            bodyId = app.BodyId(body), reference, paperType = "antrag", title = "Antrag " + reference, date = received.ToString("yyyy-MM-dd"),
            originator = "Fraktion Beispiel", proposal = "Der Kreistag beschließt.", reasoning = "Begründung.", @public = true,
            consultations = new[] { new { organizationId = app.OrganizationId(body, "Kreistag"), role = "beschliessend" } },
        });
        var id = PaperApi.Id(created);
        await _papers.ActAsync(clerk, id, "submit");
        var paper = await _papers.ActAsync(await app.ClientFor(releaser), id, "release");
        return (id, PaperApi.ConsultationId(paper, 1));
    }

    private static async Task<long> Meeting(HttpClient clerk, long organizationId, DateOnly date)
    {
        var response = await clerk.PostAsJsonAsync("/api/meetings", new { organizationId, date = date.ToString("yyyy-MM-dd"), startTime = "17:00", room = "Saal" });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJson()).GetProperty("id").GetInt64();
    }

    private static async Task<List<JsonElement>> AgendaTasks(HttpClient client, long paperId) =>
        [.. (await (await client.GetAsync("/api/tasks")).ReadJson()).GetProperty("items").EnumerateArray()
            .Where(t => t.GetProperty("kind").GetString() == "agenda" && t.GetProperty("paperId").GetInt64() == paperId)];

    private static async Task<List<JsonElement>> Deadlines(HttpClient client, long meetingId)
    {
        var meeting = await (await client.GetAsync($"/api/meetings/{meetingId}")).ReadJson();
        return meeting.TryGetProperty("agendaDeadlines", out var list) ? [.. list.EnumerateArray()] : [];
    }

    [Fact]
    public async Task A_Saxon_Antrag_must_be_on_the_agenda_of_the_uebernaechste_Kreistag_session_and_is_flagged_until_placed()
    {
        var clerk = await app.ClientFor("erz.clerk");
        var kreistag = app.OrganizationId("erzgebirgskreis", "Kreistag");
        var (paperId, consultationId) = await Antrag("erzgebirgskreis", "erz.clerk", "erz.landrat", "AN-ERZ/1", Today.AddDays(-1));
        Assert.Empty(await AgendaTasks(clerk, paperId)); // no session planned yet: nothing to count

        var first = await Meeting(clerk, kreistag, Today.AddDays(10));
        Assert.Empty(await AgendaTasks(clerk, paperId)); // one session: the übernächste does not exist yet
        var second = await Meeting(clerk, kreistag, Today.AddDays(30));

        var task = Assert.Single(await AgendaTasks(clerk, paperId));
        Assert.Equal((Today.AddDays(30).ToString("yyyy-MM-dd"), second, "§ 32 Abs. 5 SächsLKrO"),
            (task.GetProperty("due").GetString(), task.GetProperty("meetingId").GetInt64(), task.GetProperty("dueCitation").GetString()));
        Assert.Contains("übernächste Sitzung", task.GetProperty("label").GetString());
        Assert.Empty(await Deadlines(clerk, first));
        var flagged = Assert.Single(await Deadlines(clerk, second));
        Assert.Equal((paperId, consultationId, "due", true, 2),
            (flagged.GetProperty("paperId").GetInt64(), flagged.GetProperty("consultationId").GetInt64(), flagged.GetProperty("state").GetString(),
             flagged.GetProperty("wordingVerified").GetBoolean(), flagged.GetProperty("sessions").GetInt32()));
        // Members and the public never see the office's list.
        Assert.DoesNotContain("agendaDeadlines", await (await app.CreateClient().GetAsync($"/api/meetings/{second}")).Content.ReadAsStringAsync());
        var page = WebUtility.HtmlDecode(await (await clerk.GetAsync($"/sitzungen/{second}/planung")).Content.ReadAsStringAsync());
        Assert.Contains("Anträge mit Frist für diese Tagesordnung", page);
        Assert.Contains("AN-ERZ/1", page);

        // Placed on the first session: in time, nothing flagged any more.
        var placed = await clerk.PostAsJsonAsync($"/api/meetings/{first}/agenda-items", new { consultationId });
        Assert.Equal(HttpStatusCode.OK, placed.StatusCode);
        Assert.Equal(first, app.Scalar<long>("SELECT meeting_id FROM agenda_items WHERE consultation_id = @consultationId", new { consultationId }));
        Assert.Empty(await AgendaTasks(clerk, paperId));
        Assert.Empty(await Deadlines(clerk, second));
    }

    [Fact]
    public async Task A_Thuringian_Antrag_is_due_at_the_next_session_and_a_missed_deadline_moves_to_the_next_planned_session()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var kreistag = app.OrganizationId("kyffhaeuserkreis", "Kreistag");
        var received = Today.AddDays(200);  // after every session of the other tests of this class
        var (paperId, _) = await Antrag("kyffhaeuserkreis", "kyf.clerk", "kyf.landraetin", "AN-KYF/1", received);
        var next = await Meeting(clerk, kreistag, received.AddDays(5));
        var later = await Meeting(clerk, kreistag, received.AddDays(40));
        var due = Assert.Single(await Deadlines(clerk, next));
        Assert.Equal(("due", false), (due.GetProperty("state").GetString(), due.GetProperty("wordingVerified").GetBoolean()));
        Assert.Contains("§ 35 Abs. 4 ThürKO", due.GetProperty("citation").GetString());
        Assert.Empty(await Deadlines(clerk, later));

        app.Clock.Advance(TimeSpan.FromDays(206)); // the next session has passed without the Antrag
        try
        {
            clerk = await app.ClientFor("kyf.clerk"); // a fresh sign-in: the first one has expired
            var missed = Assert.Single(await Deadlines(clerk, later));
            Assert.Equal(("missed", next), (missed.GetProperty("state").GetString(), missed.GetProperty("dueMeetingId").GetInt64()));
            var task = Assert.Single(await AgendaTasks(clerk, paperId));
            Assert.Equal(later, task.GetProperty("meetingId").GetInt64());
            Assert.Contains("versäumt", task.GetProperty("label").GetString());
        }
        finally { app.Clock.Advance(TimeSpan.FromDays(-206)); }
    }
}

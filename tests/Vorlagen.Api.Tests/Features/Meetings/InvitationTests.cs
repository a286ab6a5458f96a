using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Features.Meetings;

/// <summary>The app with a real SMTP sink as its mail server.</summary>
public sealed class MailApp : VorlagenApp
{
    public SmtpSink Smtp { get; } = new();

    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Vorlagen:Mail:Host", "127.0.0.1");
        builder.UseSetting("Vorlagen:Mail:Port", Smtp.Port.ToString());
        builder.UseSetting("Vorlagen:Mail:Security", "none");
        builder.UseSetting("Vorlagen:Mail:From", "kreistagsbuero@kyffhaeuser.example");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Smtp.Dispose();
    }
}

/// <summary>Einladung, Ladungsfrist (Thüringen: four full days) and Nachtrag over HTTP, with one mail per e-mail invitee at a real SMTP sink.</summary>
public sealed class InvitationTests(MailApp app) : IClassFixture<MailApp>
{
    private readonly PaperApi _papers = new(app);
    private readonly HttpClient _clerk = app.ClientFor("kyf.clerk").GetAwaiter().GetResult();
    private long Ausschuss => app.OrganizationId("kyffhaeuserkreis", PaperApi.KyfAusschuss);
    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime);
    private int Count(string sql, object? args = null) => app.Scalar<int>(sql, args);

    private async Task<long> Meeting(DateOnly date, params string[] templates)
    {
        var response = await _clerk.PostAsJsonAsync("/api/meetings", new { organizationId = Ausschuss, date = date.ToString("yyyy-MM-dd"), startTime = "16:00", room = "Raum 112" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.ReadJson()).GetProperty("id").GetInt64();
        foreach (var key in templates) Assert.Equal(HttpStatusCode.OK, (await _clerk.PostAsJsonAsync($"/api/meetings/{id}/agenda-items", new { templateKey = key })).StatusCode);
        return id;
    }

    private async Task<JsonElement> Invite(long id, object body, int status = 200)
    {
        var response = await _clerk.PostAsJsonAsync($"/api/meetings/{id}/invitations", body);
        Assert.True(status == (int)response.StatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJson();
    }

    /// <summary>The members of the Ausschuss on the date; the first three get office e-mail addresses (arranged in the database).</summary>
    private IReadOnlyList<string> GiveEmails(DateOnly date)
    {
        using var connection = app.OpenDatabase();
        var persons = connection.Query<long>(
            "SELECT DISTINCT p.id FROM memberships m JOIN persons p ON p.id = m.person_id JOIN legislative_terms t ON t.id = m.legislative_term_id " +
            "WHERE m.organization_id = @Ausschuss AND m.start_date <= @Date AND COALESCE(m.end_date, t.end_date) >= @Date ORDER BY p.id",
            new { Ausschuss, Date = date.ToString("yyyy-MM-dd") }).ToList();
        Assert.True(persons.Count > 3);
        foreach (var person in persons) connection.Execute("UPDATE persons SET email = NULL WHERE id = @person", new { person });
        var addresses = persons.Take(3).Select(p => $"person{p}@kyffhaeuser.example").ToList();
        for (var i = 0; i < 3; i++) connection.Execute("UPDATE persons SET email = @email WHERE id = @id", new { email = addresses[i], id = persons[i] });
        return addresses;
    }

    [Fact]
    public async Task The_invitation_records_every_invitee_sends_one_mail_per_email_invitee_and_publishes_the_session()
    {
        var date = Today.AddDays(12);
        var id = await Meeting(date, "eroeffnung", "anfragen");
        var addresses = GiveEmails(date);
        var members = Count("SELECT COUNT(DISTINCT m.person_id) FROM memberships m JOIN legislative_terms t ON t.id = m.legislative_term_id " +
            "WHERE m.organization_id = @Ausschuss AND m.start_date <= @d AND COALESCE(m.end_date, t.end_date) >= @d", new { Ausschuss, d = date.ToString("yyyy-MM-dd") });
        var before = app.Smtp.Messages.Count;
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/api/meetings/{id}")).StatusCode);

        var meeting = await Invite(id, new { });
        Assert.Equal(("invited", true), (meeting.GetProperty("status").GetString(), meeting.GetProperty("published").GetBoolean()));
        var invitations = meeting.GetProperty("invitations").EnumerateArray().ToList();
        Assert.Equal(members, invitations.Count);
        Assert.Equal(3, invitations.Count(i => i.GetProperty("channel").GetString() == "email" && i.GetProperty("delivery").GetString() == "sent"));
        Assert.All(invitations, i => Assert.Equal("in_time", i.GetProperty("verdict").GetString()));
        Assert.All(invitations.Where(i => i.GetProperty("channel").GetString() == "post"),
            i => Assert.Equal(Today.AddDays(3).ToString("yyyy-MM-dd"), i.GetProperty("receivedOn").GetString()));
        var notice = meeting.GetProperty("notice");
        Assert.Equal(("in_time", 4, false), (notice.GetProperty("verdict").GetString(), notice.GetProperty("fullDays").GetInt32(), notice.GetProperty("wordingVerified").GetBoolean()));
        Assert.Contains("§ 35 Abs. 2 ThürKO", notice.GetProperty("citation").GetString());

        Assert.Equal(3, app.Smtp.Messages.Count - before);
        var mails = app.Smtp.Messages.Skip(before).ToList();
        Assert.Equal(addresses.Order(), mails.SelectMany(m => m.To.Mailboxes).Select(a => a.Address).Order());
        Assert.All(mails, m => Assert.Contains("Ö 1", m.TextBody));
        Assert.All(mails, m => Assert.StartsWith("Einladung: " + PaperApi.KyfAusschuss, m.Subject));
        Assert.Equal(members, Count("SELECT COUNT(*) FROM invitations WHERE meeting_id = @id AND in_time = 1", new { id }));
        Assert.Equal(1, Count("SELECT COUNT(*) FROM meeting_changes WHERE meeting_id = @id AND action = 'invited' AND changed_by LIKE '%#%'", new { id }));
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync($"/api/meetings/{id}")).StatusCode);

        // Nachtrag: a TOP added after the invitation is marked and sent with its own deadline check.
        await Invite(id, new { supplement = true }, 422);
        var added = await (await _clerk.PostAsJsonAsync($"/api/meetings/{id}/agenda-items", new { templateKey = "informationen" })).ReadJson();
        Assert.True(added.GetProperty("agendaItems").EnumerateArray().Single(i => i.GetProperty("templateKey").GetString() == "informationen").GetProperty("supplement").GetBoolean());
        await Invite(id, new { }, 409);
        var supplemented = await Invite(id, new { supplement = true });
        Assert.Equal("in_time", supplemented.GetProperty("notice").GetProperty("supplementVerdict").GetString());
        Assert.Equal(6, app.Smtp.Messages.Count - before);
        Assert.Contains(app.Smtp.Messages.Skip(before + 3), m => m.Subject?.StartsWith("Nachtrag zur Einladung") == true && m.TextBody?.Contains("Informationen des Landrats") == true);
        Assert.Equal(members, Count("SELECT COUNT(*) FROM invitations WHERE meeting_id = @id AND supplement = 1", new { id }));
    }

    [Fact]
    public async Task The_verdict_changes_across_the_four_day_boundary_and_late_invitations_need_the_urgency_path()
    {
        var inTime = await Meeting(Today.AddDays(5), "eroeffnung");  // received today: four full days between
        var late = await Meeting(Today.AddDays(4), "eroeffnung");    // three full days
        var before = (Count("SELECT COUNT(*) FROM invitations"), app.Smtp.Messages.Count);

        var response = await _clerk.PostAsJsonAsync($"/api/meetings/{late}/invitations", new { channel = "ris" });
        var problem = await response.AssertProblem(422, "invitation_late");
        Assert.Contains($"spätestens wäre der {Today.AddDays(-1):dd.MM.yyyy}", problem.GetProperty("detail").GetString());
        await (await _clerk.PostAsJsonAsync($"/api/meetings/{late}/invitations", new { channel = "ris", urgent = true })).AssertProblem(400, "validation");
        await (await _clerk.PostAsJsonAsync($"/api/meetings/{late}/invitations", new { channel = "fax" })).AssertProblem(400, "validation");
        Assert.Equal(before, (Count("SELECT COUNT(*) FROM invitations"), app.Smtp.Messages.Count));
        Assert.Equal("planned", app.Scalar<string>("SELECT status FROM meetings WHERE id = @late", new { late }));

        var ok = await Invite(inTime, new { channel = "ris" });
        Assert.Equal("in_time", ok.GetProperty("notice").GetProperty("verdict").GetString());

        var urgent = await Invite(late, new { channel = "ris", urgent = true, urgencyReason = "Fördermittelfrist endet vor der nächsten regulären Sitzung." });
        Assert.Equal("urgent", urgent.GetProperty("notice").GetProperty("verdict").GetString());
        Assert.Equal("Fördermittelfrist endet vor der nächsten regulären Sitzung.", urgent.GetProperty("urgencyReason").GetString());

        var tomorrow = await Meeting(Today.AddDays(1), "eroeffnung");
        await (await _clerk.PostAsJsonAsync($"/api/meetings/{tomorrow}/invitations", new { channel = "ris", urgent = true, urgencyReason = "Unaufschiebbar." }))
            .AssertProblem(422, "invitation_too_late");
    }

    [Fact]
    public async Task No_non_public_title_reaches_anonymous_callers()
    {
        const string Marker = "GEHEIM-MARKER-7Q2 Grundstücksangelegenheit";
        var clerk = _clerk;
        var landraetin = await app.ClientFor("kyf.landraetin");
        var secret = PaperApi.Id(await _papers.CreateAsync(clerk, new
        {
            bodyId = app.BodyId("kyffhaeuserkreis"), reference = "2021/7/N01", paperType = "Beschlussvorlage", title = Marker, date = "2021-02-15",
            originator = "Die Landrätin", proposal = "Verkauf.", reasoning = "Vertraulich.", @public = false,
            financialImpact = new { hasImpact = false, treasuryCoordination = "nicht erforderlich" },
        }));
        await _papers.ActAsync(clerk, secret, "submit");
        var paper = await _papers.ActAsync(landraetin, secret, "release");
        var (_, open) = await _papers.InDeliberationAsync("2021/7/P01");
        // Not yet published: the public neither sees the meeting nor gets its id from the Beratungsfolge.
        var id = await Meeting(Today.AddDays(20), "eroeffnung");
        await _clerk.PostAsJsonAsync($"/api/meetings/{id}/agenda-items", new { consultationId = PaperApi.ConsultationId(open, 1) });
        var full = await (await _clerk.PostAsJsonAsync($"/api/meetings/{id}/agenda-items", new { consultationId = PaperApi.ConsultationId(paper, 1) })).ReadJson();
        Assert.Contains(full.GetProperty("agendaItems").EnumerateArray(), i => i.GetProperty("number").GetString() == "N 1" && i.GetProperty("title").GetString() == Marker);
        var anonymous = app.CreateClient();
        Assert.False((await _papers.GetAsync(anonymous, PaperApi.Id(open))).GetProperty("consultations").EnumerateArray().First().TryGetProperty("meetingId", out _));
        Assert.DoesNotContain($"meeting-{id}@", await (await anonymous.GetAsync($"/api/meetings/calendar.ics?organizationId={Ausschuss}")).Content.ReadAsStringAsync());
        await Invite(id, new { channel = "post" });

        var urls = new[]
        {
            $"/api/meetings/{id}", $"/api/meetings?bodyId={app.BodyId("kyffhaeuserkreis")}", $"/api/meetings?organizationId={Ausschuss}",
            $"/api/meetings/calendar.ics?bodyId={app.BodyId("kyffhaeuserkreis")}", $"/api/meetings/calendar.ics?organizationId={Ausschuss}",
            $"/sitzungen/{id}", "/sitzungen", $"/vorlagen/{PaperApi.Id(open)}",
        };
        foreach (var url in urls)
        {
            var response = await anonymous.GetAsync(url);
            var text = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).Replace("\r\n ", "");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {text}");
            Assert.DoesNotContain("GEHEIM-MARKER", text);
            Assert.DoesNotContain("2021/7/N01", text);
        }
        var shown = await (await anonymous.GetAsync($"/api/meetings/{id}")).ReadJson();
        var reduced = shown.GetProperty("agendaItems").EnumerateArray().Single(i => !i.GetProperty("public").GetBoolean());
        Assert.Equal(("nichtöffentlicher Teil", JsonValueKind.Null, JsonValueKind.Null, JsonValueKind.Null),
            (reduced.GetProperty("title").GetString(), reduced.GetProperty("number").ValueKind, reduced.GetProperty("paperId").ValueKind, reduced.GetProperty("consultationId").ValueKind));
        Assert.False(shown.TryGetProperty("invitations", out _));
        // Unfolded (RFC 5545 folds lines at 75 octets).
        var ics = (await (await anonymous.GetAsync($"/api/meetings/calendar.ics?organizationId={Ausschuss}")).Content.ReadAsStringAsync()).Replace("\r\n ", "");
        Assert.Contains($"UID:meeting-{id}@vorlagen", ics);
        Assert.Contains("Integrationskonzept Kyffhäuserkreis 2020", ics);
        Assert.Contains("nichtöffentlicher Teil", ics);
        var page = WebUtility.HtmlDecode(await (await anonymous.GetAsync($"/sitzungen/{id}")).Content.ReadAsStringAsync());
        Assert.Contains("Integrationskonzept Kyffhäuserkreis 2020", page);
        Assert.Contains("nichtöffentlicher Teil", page);
        Assert.DoesNotContain("Für das Kreistagsbüro", page);
        Assert.Equal(id, (await _papers.GetAsync(anonymous, PaperApi.Id(open))).GetProperty("consultations").EnumerateArray().First().GetProperty("meetingId").GetInt64());

        // A member of the Ausschuss sees the non-public part.
        var chair = await app.ClientFor("kyf.chair.soziales");
        Assert.Contains(Marker, await (await chair.GetAsync($"/api/meetings/{id}")).Content.ReadAsStringAsync());
        var stranger = await app.ClientFor("kyf.chair.wirtschaft");
        Assert.DoesNotContain("GEHEIM-MARKER", await (await stranger.GetAsync($"/api/meetings/{id}")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_office_pages_show_the_planning_and_the_printable_einladung()
    {
        var id = await Meeting(Today.AddDays(9), "eroeffnung", "schliessung");
        var browser = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await (await browser.GetAsync("/anmelden")).Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var signIn = await browser.PostAsync("/anmelden", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Username"] = "kyf.clerk", ["Password"] = "demo", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var planning = await browser.GetAsync($"/sitzungen/{id}/planung");
        Assert.Equal(HttpStatusCode.OK, planning.StatusCode);
        var html = WebUtility.HtmlDecode(await planning.Content.ReadAsStringAsync());
        Assert.Contains("Einladung versenden", html);
        Assert.Contains("§ 35 Abs. 2 ThürKO", html);
        var print = WebUtility.HtmlDecode(await (await browser.GetAsync($"/sitzungen/{id}/einladung")).Content.ReadAsStringAsync());
        Assert.Contains("Öffentlicher Teil", print);
        Assert.Contains("Schließung der Sitzung", print);
        // Meine Aufgaben: the office sees the last day to send the Einladung by the slowest channel (post: received on the third day; four full days, Thüringen).
        var tasks = WebUtility.HtmlDecode(await (await browser.GetAsync("/")).Content.ReadAsStringAsync());
        Assert.Contains("Nächste Sitzungen", tasks);
        Assert.Contains($"Einladung versenden bis: <strong>{Today.AddDays(9 - 5 - 3):dd.MM.yyyy}</strong>", tasks);
        Assert.Equal(HttpStatusCode.Redirect, (await app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
            .GetAsync($"/sitzungen/{id}/planung")).StatusCode);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Features.Meetings;

/// <summary>A member's personal, revocable iCalendar feed of the sessions of their Gremien (token in the URL, only its hash stored).</summary>
public sealed class PersonalCalendarTests(VorlagenApp app) : IClassFixture<VorlagenApp>
{
    private readonly PaperApi _papers = new(app);
    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime);

    private static async Task<long> Meeting(HttpClient clerk, long organizationId, DateOnly date, bool isPublic, bool invite, params object[] items)
    {
        var response = await clerk.PostAsJsonAsync("/api/meetings", new { organizationId, date = date.ToString("yyyy-MM-dd"), startTime = "16:00", room = "Raum 1", @public = isPublic });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var id = (await response.ReadJson()).GetProperty("id").GetInt64();
        foreach (var item in items) Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsJsonAsync($"/api/meetings/{id}/agenda-items", item)).StatusCode);
        if (invite) Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsJsonAsync($"/api/meetings/{id}/invitations", new { channel = "post" })).StatusCode);
        return id;
    }

    private static async Task<string> Ics(HttpResponseMessage response) => (await response.Content.ReadAsStringAsync()).Replace("\r\n ", "");

    [Fact]
    public async Task A_member_gets_a_feed_of_the_sessions_of_their_Gremien_without_non_public_titles_and_can_revoke_it()
    {
        const string Marker = "GEHEIM-KALENDER-4711";
        var clerk = await app.ClientFor("kyf.clerk");
        var member = await app.ClientFor("kyf.chair.soziales");
        var anonymous = app.CreateClient();
        var soziales = app.OrganizationId("kyffhaeuserkreis", PaperApi.KyfAusschuss);
        var wirtschaft = app.Scalar<long>("SELECT o.id FROM organizations o JOIN bodies b ON b.id = o.body_id WHERE b.body_key = 'kyffhaeuserkreis' AND o.name LIKE 'Ausschuss für Wirtschaft%'");
        var secret = PaperApi.Id(await _papers.CreateAsync(clerk, new
        {
            bodyId = app.BodyId("kyffhaeuserkreis"), reference = "2021/7/K01", paperType = "Beschlussvorlage", title = Marker, date = "2021-02-15",
            originator = "Die Landrätin", proposal = "Verkauf.", reasoning = "Vertraulich.", @public = false,
            financialImpact = new { hasImpact = false, treasuryCoordination = "nicht erforderlich" },
        }));
        await _papers.ActAsync(clerk, secret, "submit");
        var paper = await _papers.ActAsync(await app.ClientFor("kyf.landraetin"), secret, "release");
        var open = await Meeting(clerk, soziales, Today.AddDays(12), true, true, new { templateKey = "eroeffnung" }, new { consultationId = PaperApi.ConsultationId(paper, 1) });
        var closed = await Meeting(clerk, soziales, Today.AddDays(19), false, true, new { templateKey = "eroeffnung" });
        var unpublished = await Meeting(clerk, soziales, Today.AddDays(26), true, false, new { templateKey = "eroeffnung" });
        var other = await Meeting(clerk, wirtschaft, Today.AddDays(12), true, true, new { templateKey = "eroeffnung" });

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/meetings/my-calendar", null)).StatusCode);
        Assert.False((await (await member.GetAsync("/api/meetings/my-calendar")).ReadJson()).GetProperty("active").GetBoolean());
        var created = await member.PostAsync("/api/meetings/my-calendar", null);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var url = (await created.ReadJson()).GetProperty("url").GetString()!;
        var token = Regex.Match(url, "^/api/meetings/calendar/([A-Za-z0-9_-]+)\\.ics$").Groups[1].Value;
        Assert.True(token.Length > 20, url);
        // Only the SHA-256 of the token is stored.
        Assert.Equal(1, app.Scalar<int>("SELECT COUNT(*) FROM calendar_feeds WHERE token_hash = @hash AND revoked_at IS NULL",
            new { hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))) }));
        Assert.Equal(0, app.Scalar<int>("SELECT COUNT(*) FROM calendar_feeds WHERE token_hash = @token", new { token }));

        var feed = await anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType?.MediaType);
        var ics = await Ics(feed);
        Assert.Contains($"UID:meeting-{open}@vorlagen", ics);
        Assert.Contains($"UID:meeting-{closed}@vorlagen", ics);       // the member may see the non-public session of their Gremium
        Assert.DoesNotContain($"UID:meeting-{unpublished}@vorlagen", ics);
        Assert.DoesNotContain($"UID:meeting-{other}@vorlagen", ics);  // not their Gremium
        Assert.Contains("nichtöffentlicher Teil", ics);
        Assert.DoesNotContain(Marker, ics);
        Assert.DoesNotContain("2021/7/K01", ics);
        Assert.DoesNotContain($"UID:meeting-{closed}@vorlagen", await Ics(await anonymous.GetAsync($"/api/meetings/calendar.ics?organizationId={soziales}")));

        // A new address revokes the old one; revoking ends the feed; a wrong token is a 404 like any missing page.
        var renewed = (await (await member.PostAsync("/api/meetings/my-calendar", null)).ReadJson()).GetProperty("url").GetString()!;
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(renewed)).StatusCode);
        var revoked = await member.DeleteAsync("/api/meetings/my-calendar");
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.False((await revoked.ReadJson()).GetProperty("active").GetBoolean());
        await (await anonymous.GetAsync(renewed)).AssertProblem(404, "not_found");
        await (await member.DeleteAsync("/api/meetings/my-calendar")).AssertProblem(404, "not_found");
        await (await anonymous.GetAsync("/api/meetings/calendar/nichtvorhanden-aber-lang-genug-123.ics")).AssertProblem(404, "not_found");
        Assert.Equal(0, app.Scalar<int>("SELECT COUNT(*) FROM calendar_feeds WHERE revoked_at IS NULL"));
        Assert.Equal(2, app.Scalar<int>("SELECT COUNT(*) FROM calendar_feeds WHERE revoked_by LIKE '%#%'"));
    }

    [Fact]
    public async Task Meine_Aufgaben_creates_and_revokes_the_feed()
    {
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        static string Token(string html) => Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var form = await (await browser.GetAsync("/anmelden")).Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync("/anmelden", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Username"] = "kyf.member", ["Password"] = "demo", ["__RequestVerificationToken"] = Token(form),
        }))).StatusCode);
        var start = WebUtility.HtmlDecode(await (await browser.GetAsync("/")).Content.ReadAsStringAsync());
        Assert.Contains("Persönlicher Sitzungskalender", start);
        var created = WebUtility.HtmlDecode(await (await browser.PostAsync("/?handler=Calendar",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Token(start) }))).Content.ReadAsStringAsync());
        var url = Regex.Match(created, "data-testid=\"kalender-adresse\">([^<]+)<").Groups[1].Value;
        Assert.Contains("/api/meetings/calendar/", url);
        var path = new Uri(url).PathAndQuery;
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync("/?handler=RevokeCalendar",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Token(created) }))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync(path)).StatusCode);
    }
}

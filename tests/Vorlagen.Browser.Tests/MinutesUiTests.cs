using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Vorlagen.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Vorlagen.Browser.Tests;

/// <summary>
/// The Niederschrift of a Kyffhäuser session (Thüringen: chair and Schriftführer/in sign, § 42 ThürKO, wording unverified): printed,
/// its signatures recorded, approved at the following session, the public decisions published and found in the Beschlussbuch.
/// The session record (attendance) is written directly: the Sitzungsmodus UI that records it belongs to another branch.
/// </summary>
public sealed class MinutesUiTests(BrowserApp app) : BrowserTest(app), IClassFixture<BrowserApp>
{
    private const string Marker = "NIEDERSCHRIFT-GEHEIM Pachtvertrag";

    private async Task<long> MeetingAsync(HttpClient clerk, long organizationId, DateOnly date, params string[] templates)
    {
        var response = await clerk.PostAsJsonAsync("/api/meetings", new { organizationId, date = date.ToString("yyyy-MM-dd"), startTime = "17:00", endTime = "19:00", room = "Sitzungssaal" });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>(BrowserApp.Json)).GetProperty("id").GetInt64();
        foreach (var key in templates) Assert.True((await clerk.PostAsJsonAsync($"/api/meetings/{id}/agenda-items", new { templateKey = key })).IsSuccessStatusCode);
        return id;
    }

    [Fact]
    public Task Print_sign_approve_publish_and_find_in_the_beschlussbuch() => Scenario(nameof(Print_sign_approve_publish_and_find_in_the_beschlussbuch), async () =>
    {
        var setup = new PaperSetup(App);
        var clerkApi = await App.ApiAs("kyf.clerk");
        var ausschuss = App.Scalar<long>("SELECT id FROM organizations WHERE name = @n", new { n = PaperSetup.KyfAusschuss });
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime);
        var day = today.AddDays(-10);
        var meeting = await MeetingAsync(clerkApi, ausschuss, day, "eroeffnung");
        var open = await setup.InDeliberationAsync(setup.Paper("2021/7/N01"));
        var secret = await setup.InDeliberationAsync(setup.Paper("2021/7/N02", title: Marker, isPublic: false));
        foreach (var paper in new[] { open, secret })
        {
            var consultation = App.Scalar<long>("SELECT id FROM consultations WHERE paper_id = @paper AND position = 1", new { paper });
            Assert.True((await clerkApi.PostAsJsonAsync($"/api/meetings/{meeting}/agenda-items", new { consultationId = consultation })).IsSuccessStatusCode);
        }
        Assert.True((await clerkApi.PostAsJsonAsync($"/api/meetings/{meeting}/status", new { status = "held" })).IsSuccessStatusCode);
        var result = new { date = day.ToString("yyyy-MM-dd"), outcome = "recommended", votes = new { entitled = 9, yes = 8, no = 1 } };
        await setup.RecordAsync("kyf.chair.soziales", open, 1, result);
        await setup.RecordAsync("kyf.chair.soziales", secret, 1, result);
        // The invitation went out before the session (published), and the Sitzungsmodus recorded chair, Schriftführerin and attendance.
        App.Scalar<int?>("UPDATE meetings SET published_at = '2021-01-01T00:00:00Z' WHERE id = @meeting", new { meeting });
        var chair = App.Scalar<long>("SELECT MIN(person_id) FROM memberships WHERE organization_id = @ausschuss AND role = 'vorsitz'", new { ausschuss });
        App.Scalar<int?>("INSERT INTO meeting_sessions (meeting_id, opened_at, opened_by, chair_person_id, secretary_name) VALUES (@meeting, '2021-01-01T00:00:00Z', 'test', @chair, 'Petra Protokoll')",
            new { meeting, chair });
        App.Scalar<int?>("INSERT INTO meeting_attendance (meeting_id, person_id, status, recorded_at, recorded_by) VALUES (@meeting, @chair, 'present', '2021-01-01T00:00:00Z', 'test')",
            new { meeting, chair });
        var absent = App.Scalar<long>("SELECT MIN(person_id) FROM memberships WHERE organization_id = @ausschuss AND role = 'mitglied'", new { ausschuss });
        App.Scalar<int?>("INSERT INTO meeting_attendance (meeting_id, person_id, status, absence_reason, recorded_at, recorded_by) VALUES (@meeting, @absent, 'excused', 'Dienstreise', '2021-01-01T00:00:00Z', 'test')",
            new { meeting, absent });

        // Printed: the Niederschrift with chair, absent member with reason, results and the signature lines of the rule.
        var clerk = await OpenAsync("kyf.clerk");
        await clerk.GotoAsync($"/sitzungen/{meeting}");
        await clerk.GetByRole(AriaRole.Link, new() { Name = "Niederschrift", Exact = true }).ClickAsync();
        await clerk.WaitForURLAsync($"**/sitzungen/{meeting}/niederschrift");
        var document = clerk.GetByRole(AriaRole.Article, new() { Name = "Niederschrift" });
        await Expect(document).ToContainTextAsync("Dienstreise");
        await Expect(document).ToContainTextAsync("Nichtöffentlicher Teil");
        await Expect(document).ToContainTextAsync(Marker);
        await Expect(document).ToContainTextAsync("Ja: 8 Nein: 1");
        await Expect(document).ToContainTextAsync("Schriftführer/in");
        await Expect(document).ToContainTextAsync("§ 42 ThürKO");
        await clerk.AssertAccessibleAsync("Niederschrift (Druckansicht)");
        await SaveScreenshotAsync(clerk, "niederschrift", print: true);

        // The signed original is recorded: the Vorsitz, then the Schriftführerin.
        await clerk.GetByRole(AriaRole.Link, new() { Name = "Unterschriften, Bestätigung, Veröffentlichung" }).ClickAsync();
        await Expect(clerk.GetByTestId("minutes-state")).ToHaveTextAsync("Entwurf");
        await clerk.GetByLabel("Wer hat unterschrieben?").SelectOptionAsync(new SelectOptionValue { Value = "chair" });
        await clerk.Button("Unterschrift erfassen").ClickAsync();
        await Expect(clerk.MainRegion()).ToContainTextAsync("Die Unterschrift wurde erfasst.");
        await clerk.GetByLabel("Wer hat unterschrieben?").SelectOptionAsync(new SelectOptionValue { Value = "secretary" });
        await clerk.Button("Unterschrift erfassen").ClickAsync();
        await Expect(clerk.GetByTestId("minutes-state")).ToHaveTextAsync("unterzeichnet");
        await Expect(clerk.GetByTestId("signatures")).ToContainTextAsync("Petra Protokoll");
        await clerk.AssertAccessibleAsync("Niederschrift: Verfahren");

        // Approved at the following session under its TOP "Bestätigung der Niederschrift", then published.
        var following = await MeetingAsync(clerkApi, ausschuss, today.AddDays(-1), "niederschrift");
        Assert.True((await clerkApi.PostAsJsonAsync($"/api/meetings/{following}/status", new { status = "held" })).IsSuccessStatusCode);
        await clerk.ReloadAsync();
        await clerk.GetByLabel("Sitzung mit dem TOP „Bestätigung der Niederschrift“").SelectOptionAsync(new SelectOptionValue { Value = following.ToString() });
        await clerk.GetByLabel("Erhoben von").FillAsync("Kreisrätin Muster");
        await clerk.GetByLabel("Einwendung", new() { Exact = true }).FillAsync("Die Uhrzeit des Endes ist falsch.");
        await clerk.GetByLabel("Entscheidung des Gremiums").SelectOptionAsync(new SelectOptionValue { Value = "accepted" });
        await clerk.Button("Bestätigung erfassen").ClickAsync();
        await Expect(clerk.GetByTestId("minutes-state")).ToHaveTextAsync("bestätigt");
        await Expect(clerk.MainRegion()).ToContainTextAsync("Einwendung von Kreisrätin Muster");
        await clerk.Button("Beschlüsse veröffentlichen").ClickAsync();
        await Expect(clerk.GetByTestId("minutes-state")).ToHaveTextAsync("veröffentlicht");

        // The public reads the public part and finds the decision in the Beschlussbuch; nothing of the non-public part.
        var visitor = await OpenAsync(null);
        await visitor.GotoAsync($"/sitzungen/{meeting}/niederschrift");
        await Expect(visitor.GetByRole(AriaRole.Article, new() { Name = "Niederschrift" })).ToContainTextAsync("Integrationskonzept Kyffhäuserkreis 2020");
        Assert.DoesNotContain("NIEDERSCHRIFT-GEHEIM", await visitor.ContentAsync());
        Assert.DoesNotContain("Uhrzeit des Endes", await visitor.ContentAsync());
        await visitor.GotoAsync("/beschluesse");
        await visitor.GetByLabel("Jahr").SelectOptionAsync(new SelectOptionValue { Value = day.Year.ToString() });
        await visitor.Button("Anzeigen").ClickAsync();
        var book = visitor.GetByTestId("beschluesse");
        await Expect(book).ToContainTextAsync("2021/7/N01");
        Assert.DoesNotContain("NIEDERSCHRIFT-GEHEIM", await visitor.ContentAsync());
        Assert.DoesNotContain("2021/7/N02", await visitor.ContentAsync());
        await visitor.AssertAccessibleAsync("Beschlussbuch");
    });
}

using Microsoft.Playwright;
using Vorlagen.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Vorlagen.Browser.Tests;

/// <summary>The Kreistagsbüro plans a Sitzung, builds the agenda, invites; the public reads the meeting page without non-public titles.</summary>
public sealed class MeetingUiTests(BrowserApp app) : BrowserTest(app), IClassFixture<BrowserApp>
{
    private const string Marker = "GEHEIM-BROWSER-MARKER Grundstück";

    [Fact]
    public Task Plan_agenda_invite_and_read_the_public_page() => Scenario(nameof(Plan_agenda_invite_and_read_the_public_page), async () =>
    {
        var setup = new PaperSetup(App);
        await setup.InDeliberationAsync(setup.Paper("2021/7/B01"));
        await setup.InDeliberationAsync(setup.Paper("2021/7/B02", title: Marker, isPublic: false));
        var date = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10).ToString("yyyy-MM-dd");

        var clerk = await OpenAsync("kyf.clerk");
        await clerk.GotoAsync("/sitzungen/neu");
        await clerk.AssertAccessibleAsync("Sitzung planen");
        await clerk.GetByLabel("Gremium").SelectOptionAsync(new SelectOptionValue { Label = PaperSetup.KyfAusschuss });
        await clerk.GetByLabel("Datum").FillAsync(date);
        await clerk.GetByLabel("Beginn (HH:mm)").FillAsync("17:00");
        await clerk.GetByLabel("Raum").FillAsync("Sitzungssaal");
        await clerk.Button("Sitzung planen").ClickAsync();
        await clerk.ArrivedAtAsync(url => url.EndsWith("/planung"));
        var id = long.Parse(new Uri(clerk.Url).Segments[2].TrimEnd('/'));

        var due = clerk.GetByLabel("Vorlage aufnehmen (freigegeben, als Nächstes in diesem Gremium zu beraten)");
        await due.SelectOptionAsync(new SelectOptionValue { Label = "2021/7/B01 – Integrationskonzept Kyffhäuserkreis 2020 (öffentlich)" });
        await clerk.Locator("form", new() { Has = due }).GetByRole(AriaRole.Button, new() { Name = "Aufnehmen" }).ClickAsync();
        await Expect(clerk.MainRegion()).ToContainTextAsync("Die Vorlage steht auf der Tagesordnung.");
        await due.SelectOptionAsync(new SelectOptionValue { Label = $"2021/7/B02 – {Marker} (nichtöffentlich)" });
        await clerk.Locator("form", new() { Has = due }).GetByRole(AriaRole.Button, new() { Name = "Aufnehmen" }).ClickAsync();
        var template = clerk.GetByLabel("Punkt aus der Vorlage der Tagesordnung");
        await template.SelectOptionAsync(new SelectOptionValue { Value = "eroeffnung" });
        await clerk.Locator("form", new() { Has = template }).GetByRole(AriaRole.Button, new() { Name = "Aufnehmen" }).ClickAsync();
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Ö 2 nach oben" }).ClickAsync();
        var agenda = clerk.GetByRole(AriaRole.Table).First;
        await Expect(agenda.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync("Ö 1");
        await Expect(agenda.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync("Eröffnung");
        await Expect(agenda).ToContainTextAsync("N 1");
        await clerk.AssertAccessibleAsync("Sitzungsplanung");

        await clerk.GetByLabel("Versandweg").SelectOptionAsync(new SelectOptionValue { Value = "ris" });
        await clerk.Button("Einladung versenden").ClickAsync();
        await Expect(clerk.MainRegion()).ToContainTextAsync("Die Einladung wurde versandt");
        await Expect(clerk.Locator("[data-verdict]")).ToHaveTextAsync("fristgerecht");

        var visitor = await OpenAsync(null);
        await visitor.GotoAsync("/sitzungen");
        await visitor.GetByRole(AriaRole.Link, new() { Name = DateOnly.Parse(date).ToString("dd.MM.yyyy") }).First.ClickAsync();
        await visitor.ArrivedAtAsync(url => url.EndsWith($"/sitzungen/{id}"));
        await Expect(visitor.MainRegion()).ToContainTextAsync("Integrationskonzept Kyffhäuserkreis 2020");
        await Expect(visitor.MainRegion()).ToContainTextAsync("nichtöffentlicher Teil");
        Assert.DoesNotContain("GEHEIM-BROWSER-MARKER", await visitor.ContentAsync());
        await visitor.AssertAccessibleAsync("Öffentliche Sitzung");
    });
}

using Microsoft.Playwright;
using Vorlagen.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;
using static Vorlagen.Browser.Tests.Support.ResultSteps;

namespace Vorlagen.Browser.Tests;

/// <summary>
/// axe-core on the pages of chairs, the Landrat and the administration (a class of its own so it
/// runs beside <see cref="AccessibilityTests"/>): no serious or critical violation anywhere.
/// </summary>
public sealed class AccessibilityOfTasksTests(BrowserApp app) : BrowserTest(app), IClassFixture<BrowserApp>
{
    private readonly PaperSetup _papers = new(app);

    [Fact]
    public Task Result_and_sign_off_forms() => Scenario(nameof(Result_and_sign_off_forms), async () =>
    {
        var id = await _papers.InDeliberationAsync(_papers.Paper("2021/7/103"));
        var chair = await OpenAsync("kyf.chair.soziales");
        await chair.GotoAsync("/");
        await chair.AssertAccessibleAsync("Meine Aufgaben (Vorsitz)");
        await chair.GetByRole(AriaRole.Link, new() { Name = "Ergebnis erfassen für 2021/7/103" }).ClickAsync();
        await chair.AssertAccessibleAsync("Ergebnis erfassen");
        await FillAsync(chair, "2021-03-04", "empfohlen", new Tally(3, 3, 0, 0, 0));
        await Expect(chair.Locator("#tally-feedback")).ToContainTextAsync("Nicht zulässig");
        await chair.AssertAccessibleAsync("Ergebnis erfassen mit Live-Prüfung");
        await chair.Button("Ergebnis speichern").ClickAsync();
        await Expect(chair.Locator(".error-summary")).ToBeVisibleAsync();
        await chair.AssertAccessibleAsync("Ergebnis erfassen mit Fehlern");

        await _papers.RecordAsync("kyf.chair.soziales", id, 1, new { date = "2021-03-04", outcome = "recommended", votes = new { entitled = 9, yes = 9, no = 0 } });
        await _papers.RecordAsync("kyf.landraetin", id, 2, new { date = "2021-03-17", outcome = "recommended", votes = new { entitled = 7, yes = 6, no = 1 } });
        await _papers.RecordAsync("kyf.landraetin", id, 3, new { date = "2021-03-31", outcome = "adopted", votes = new { entitled = 33, yes = 27, no = 6 } });
        var landraetin = await OpenAsync("kyf.landraetin");
        await landraetin.GotoAsync($"/vorlagen/{id}");
        await landraetin.AssertAccessibleAsync("Ausfertigung und Widerspruch");
        await landraetin.Button("Widerspruch einlegen").ClickAsync();
        await Expect(landraetin.Locator(".error-summary")).ToContainTextAsync("Ein Widerspruch braucht eine Begründung");
        await Expect(landraetin.GetByLabel("Begründung des Widerspruchs")).ToHaveAttributeAsync("aria-invalid", "true");
        await landraetin.AssertAccessibleAsync("Widerspruch ohne Begründung");
    });

    [Fact]
    public Task Administration_pages() => Scenario(nameof(Administration_pages), async () =>
    {
        var admin = await OpenAsync("admin");
        var kreistag = App.Scalar<long>("SELECT o.id FROM organizations o JOIN bodies b ON b.id = o.body_id WHERE b.body_key = 'kyffhaeuserkreis' AND o.name = 'Kreistag'");
        var member = App.Scalar<long>("SELECT id FROM users WHERE username = 'kyf.member'");
        foreach (var (url, what) in new[]
                 {
                     ("/verwaltung/gremien", "Gremien"), ("/verwaltung/gremien/neu", "Neues Gremium"), ($"/verwaltung/gremien/{kreistag}", "Gremium bearbeiten"),
                     ("/verwaltung/benutzer", "Benutzer"), ($"/verwaltung/benutzer/neu?bodyId={_papers.KyfBody}", "Neuer Benutzer"),
                     ($"/verwaltung/benutzer/{member}", "Benutzer bearbeiten"), ("/verwaltung/journal", "Journalprüfung"),
                 })
        {
            await admin.GotoAsync(url);
            await admin.AssertAccessibleAsync(what);
        }
        await admin.GotoAsync($"/verwaltung/benutzer/neu?bodyId={_papers.KyfBody}");
        await admin.Button("Speichern").ClickAsync();
        await Expect(admin.Locator(".error-summary")).ToContainTextAsync("Bitte wählen Sie mindestens eine Rolle.");
        await admin.AssertAccessibleAsync("Neuer Benutzer mit Fehlern");
    });
}

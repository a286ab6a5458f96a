using Microsoft.Playwright;
using Vorlagen.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Vorlagen.Browser.Tests;

/// <summary>
/// axe-core on every page, as the user who sees it and in the states that matter (empty, filled,
/// with error summary): no serious or critical violation of WCAG 2.1 AA rules anywhere.
/// </summary>
public sealed class AccessibilityTests(BrowserApp app) : BrowserTest(app), IClassFixture<BrowserApp>
{
    private readonly PaperSetup _papers = new(app);

    [Fact]
    public Task Public_pages_and_sign_in() => Scenario(nameof(Public_pages_and_sign_in), async () =>
    {
        var id = await _papers.InDeliberationAsync(_papers.Paper("2021/7/101"));
        await _papers.RecordAsync("kyf.chair.soziales", id, 1, new { date = "2021-03-04", outcome = "recommended", votes = new { entitled = 9, yes = 9, no = 0 } });
        var visitor = await OpenAsync(null);
        foreach (var (url, what) in new[]
                 {
                     ("/", "Startseite"), ("/vorlagen", "Vorlagenliste"), ("/vorlagen?q=Integration&status=in_deliberation", "Suche"),
                     ($"/vorlagen/{id}", "Vorlage"), ($"/vorlagen/{id}/druck", "Druckansicht"), ($"/vorlagen/{id}/journal", "Journal"),
                     ("/anmelden", "Anmeldung"), ("/vorlagen/999999", "Fehlerseite 404"),
                 })
        {
            await visitor.GotoAsync(url);
            await visitor.AssertAccessibleAsync(what);
        }
        await visitor.GetByRole(AriaRole.Link, new() { Name = "Anmelden" }).First.ClickAsync();
        await visitor.GetByLabel("Benutzername").FillAsync("kyf.clerk");
        await visitor.GetByLabel("Passwort").FillAsync("falsch");
        await visitor.Button("Anmelden").ClickAsync();
        await Expect(visitor.Locator(".error-summary")).ToContainTextAsync("Benutzername oder Passwort ist falsch.");
        await Expect(visitor.GetByLabel("Passwort")).ToHaveAttributeAsync("aria-invalid", "true");
        await visitor.AssertAccessibleAsync("Anmeldung mit Fehler");
    });

    [Fact]
    public Task Drafting_pages_of_the_clerk() => Scenario(nameof(Drafting_pages_of_the_clerk), async () =>
    {
        var draft = await _papers.DraftAsync(_papers.Paper("2021/7/102"));
        var clerk = await OpenAsync("kyf.clerk");
        foreach (var (url, what) in new[]
                 {
                     ("/", "Meine Aufgaben"), ("/vorlagen/neu", "Neue Vorlage"), ($"/vorlagen/{draft}", "Entwurf"),
                     ($"/vorlagen/{draft}/bearbeiten", "Entwurf bearbeiten"), ($"/vorlagen/{draft}/journal", "Journal (Sitzungsdienst)"), ("/abmelden", "Abmelden"),
                 })
        {
            await clerk.GotoAsync(url);
            await clerk.AssertAccessibleAsync(what);
        }

        // Saving an empty form: an error summary linked to the fields, messages at the fields.
        await clerk.GotoAsync("/vorlagen/neu");
        await clerk.Button("Entwurf speichern").ClickAsync();
        var summary = clerk.Locator(".error-summary");
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary).ToContainTextAsync("Bitte geben Sie den Gegenstand (Betreff) der Vorlage an.");
        await Expect(clerk.GetByLabel("Gegenstand der Vorlage (Betreff)")).ToHaveAttributeAsync("aria-invalid", "true");
        await summary.GetByRole(AriaRole.Link, new() { Name = "Bitte geben Sie den Einreicher an." }).ClickAsync();
        await Expect(clerk.GetByLabel("Einreicher", new() { Exact = true })).ToBeFocusedAsync();
        await clerk.AssertAccessibleAsync("Neue Vorlage mit Fehlern");
    });
}

using Microsoft.Playwright;
using Vorlagen.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Vorlagen.Browser.Tests;

/// <summary>
/// What the second UI review asked for: the renewed deliberation after a Widerspruch is named as such, a hidden
/// decision prints as "Ergebnis nichtöffentlich", the edit page says why a draft came back, and logging out is confirmed.
/// </summary>
public sealed class FollowUpTests(BrowserApp app) : BrowserTest(app), IClassFixture<BrowserApp>
{
    private readonly PaperSetup _papers = new(app);

    [Fact]
    public Task The_renewed_deliberation_after_a_Widerspruch_is_named() => Scenario(nameof(The_renewed_deliberation_after_a_Widerspruch_is_named), async () =>
    {
        var id = await _papers.InDeliberationAsync(_papers.Paper("2021/7/401", "Kreisstraßenprogramm"));
        await _papers.RecordAsync("kyf.chair.soziales", id, 1, new { date = "2021-03-04", outcome = "recommended", votes = new { entitled = 9, yes = 9, no = 0 } });
        await _papers.RecordAsync("kyf.landraetin", id, 2, new { date = "2021-03-17", outcome = "recommended", votes = new { entitled = 7, yes = 6, no = 1 } });
        await _papers.RecordAsync("kyf.landraetin", id, 3, new { date = "2021-03-31", outcome = "adopted", votes = new { entitled = 33, yes = 27, no = 6 } });

        var landraetin = await OpenAsync("kyf.landraetin");
        await landraetin.GotoAsync($"/vorlagen/{id}");
        await Expect(landraetin.Locator("#aktionen")).ToContainTextAsync("Beschluss des Gremiums Kreistag vom 31.03.2021.");
        Assert.Equal(0, await landraetin.GetByText("Erneute Beratung nach Widerspruch").CountAsync());
        await _papers.ActAsync("kyf.landraetin", id, "object", new { comment = "Der Beschluss verletzt das Haushaltsrecht.", date = "2021-04-07" });

        // The re-hearing: named in the Beratungsfolge and in the heading of the result form.
        await landraetin.GotoAsync($"/vorlagen/{id}");
        var steps = landraetin.Locator(".timeline .step");
        await Expect(steps).ToHaveCountAsync(4);
        await Expect(steps.Nth(2)).Not.ToContainTextAsync("Erneute Beratung nach Widerspruch");
        await Expect(steps.Nth(3)).ToContainTextAsync("Erneute Beratung nach Widerspruch");
        await landraetin.MainRegion().GetByRole(AriaRole.Link, new() { Name = "Ergebnis erfassen" }).ClickAsync();
        await Expect(landraetin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ergebnis erfassen – Erneute Beratung nach Widerspruch");
        // The form warns of the period for the new session; a later date is accepted and journaled, not blocked.
        var warning = landraetin.Locator("#rehearing-deadline");
        await Expect(warning).ToContainTextAsync("Frist für die erneute Sitzung");
        await Expect(warning).ToContainTextAsync("nach der ersten Sitzung am 31.03.2021");
        await Expect(warning).ToContainTextAsync("im Journal als Fristüberschreitung vermerkt");

        // After the renewed decision a second Widerspruch is possible (§ 48 Abs. 2 Satz 5 SächsLKrO); it hands over to the Rechtsaufsicht.
        await _papers.RecordAsync("kyf.landraetin", id, 4, new { date = "2021-04-14", outcome = "adopted", votes = new { entitled = 33, yes = 25, no = 8 } });
        await landraetin.GotoAsync($"/vorlagen/{id}");
        await Expect(landraetin.Button("Ausfertigen")).ToHaveCountAsync(1);
        await Expect(landraetin.Button("Widerspruch einlegen")).ToHaveCountAsync(1);
        await Expect(landraetin.Locator("#aktionen")).ToContainTextAsync("Beschluss des Gremiums Kreistag vom 14.04.2021.");
        await Expect(landraetin.GetByLabel("Datum des Widerspruchs")).ToHaveCountAsync(1);
        await landraetin.AssertAccessibleAsync("Vorlage nach erneutem Beschluss");
        await landraetin.GetByLabel("Begründung des Widerspruchs").FillAsync("Weiterhin rechtswidrig.");
        await landraetin.GetByLabel("Datum des Widerspruchs").FillAsync("2021-04-16");
        await landraetin.Button("Widerspruch einlegen").ClickAsync();
        await Expect(landraetin.MainRegion()).ToContainTextAsync("Erneuter Widerspruch (Entscheidung der Rechtsaufsichtsbehörde ausstehend)");
        await Expect(landraetin.Button("Aufhebung durch die Rechtsaufsicht eintragen")).ToHaveCountAsync(1);
        await Expect(landraetin.Button("Widerspruch einlegen")).ToHaveCountAsync(0);
        await landraetin.AssertAccessibleAsync("Vorlage beim erneuten Widerspruch");

        // The print says it too, in the row of the second Kreistag decision.
        await landraetin.GotoAsync($"/vorlagen/{id}/druck");
        var rows = landraetin.Locator(".doc-table").First.Locator("tbody tr");
        await Expect(rows.Nth(2)).Not.ToContainTextAsync("Erneute Beratung nach Widerspruch");
        await Expect(rows.Nth(3)).ToContainTextAsync("Erneute Beratung nach Widerspruch");
    });

    [Fact]
    public Task A_decision_the_reader_may_not_see_prints_as_not_public() => Scenario(nameof(A_decision_the_reader_may_not_see_prints_as_not_public), async () =>
    {
        var id = await _papers.DraftAsync(new
        {
            bodyId = _papers.KyfBody, reference = "2021/7/402", title = "Grundstücksangelegenheit Bahnhofstraße", date = "2021-02-15",
            originator = "Die Landrätin, Frau Hochwind-Schneider", proposal = "Der Kreisausschuss beschließt den Verkauf.",
            reasoning = "Das Grundstück wird nicht mehr benötigt.", @public = true,
            consultations = new object[] { new { organizationId = Organization("Kreisausschuss"), role = "beschliessend", @public = false } },
        });
        await _papers.ActAsync("kyf.clerk", id, "submit");
        await _papers.ActAsync("kyf.landraetin", id, "release");
        await _papers.RecordAsync("kyf.landraetin", id, 1, new { date = "2021-03-17", outcome = "adopted", votes = new { entitled = 7, yes = 6, no = 1 } });

        var visitor = await OpenAsync(null);
        await visitor.GotoAsync($"/vorlagen/{id}/druck");
        // Kyffhäuserkreis (seed 004): the tally stands in the Beratungen table; for this reader only "nichtöffentlich".
        var vote = visitor.Locator(".doc-section").Filter(new() { Has = visitor.GetByRole(AriaRole.Heading, new() { Name = "Beratungen:" }) });
        await Expect(vote.Locator("tbody tr").First).ToContainTextAsync("nichtöffentlich");
        await Expect(vote).Not.ToContainTextAsync("Ja: 6");
        await Expect(visitor.Locator(".doc-signoff")).ToContainTextAsync("Ergebnis nichtöffentlich");
        await Expect(visitor.Locator(".doc-signoff")).Not.ToContainTextAsync("Ausgefertigt am");
        await Expect(visitor.Locator(".doc-signoff")).Not.ToContainTextAsync("Unterschrift");
        await visitor.AssertAccessibleAsync("Druckansicht mit nichtöffentlichem Ergebnis");

        // Who may see the decision gets the vote table and the signature block as before.
        var landraetin = await OpenAsync("kyf.landraetin");
        await landraetin.GotoAsync($"/vorlagen/{id}/druck");
        await Expect(landraetin.Locator(".doc-table")).ToContainTextAsync("Ja: 6 Nein: 1 Enth: 0 Bef: 0");
        await Expect(landraetin.Locator(".doc-signoff")).ToContainTextAsync("Ausgefertigt am");
    });

    [Fact]
    public Task The_edit_page_says_why_the_draft_came_back_and_logging_out_is_confirmed() => Scenario(nameof(The_edit_page_says_why_the_draft_came_back_and_logging_out_is_confirmed), async () =>
    {
        var id = await _papers.DraftAsync(_papers.Paper("2021/7/403", "Schulbusverkehr"));
        var clerk = await OpenAsync("kyf.clerk", javaScript: false);
        await clerk.GotoAsync($"/vorlagen/{id}/bearbeiten");
        await Expect(clerk.Locator(".return-note")).ToHaveCountAsync(0);

        await _papers.ActAsync("kyf.clerk", id, "submit");
        await _papers.ActAsync("kyf.landraetin", id, "return", new { comment = "Bitte die Kosten für 2022 ergänzen." });
        await clerk.GotoAsync($"/vorlagen/{id}/bearbeiten");
        await Expect(clerk.Locator(".return-note")).ToContainTextAsync("Zurückgegeben von Landrätin Hochwind-Schneider am ");
        await Expect(clerk.Locator(".return-note")).ToContainTextAsync(": Bitte die Kosten für 2022 ergänzen.");

        // Once submitted again, an older return is no longer "the last step".
        await _papers.ActAsync("kyf.clerk", id, "submit");
        await _papers.ActAsync("kyf.landraetin", id, "return");
        await clerk.GotoAsync($"/vorlagen/{id}/bearbeiten");
        await Expect(clerk.Locator(".return-note")).Not.ToContainTextAsync("Kosten");

        // Logging out (without JavaScript, too) ends on the start page with a confirmation, shown once.
        // A session of its own: the cached sign-in of kyf.clerk must stay valid for other tests.
        var leaving = await OpenAsync(null, javaScript: false);
        await Ui.SignInAsync(leaving, "kyf.clerk");
        await leaving.GotoAsync("/");
        await leaving.GetByRole(AriaRole.Button, new() { Name = "Abmelden" }).ClickAsync();
        await Expect(leaving.GetByRole(AriaRole.Status)).ToHaveTextAsync("Sie wurden abgemeldet.");
        await Expect(leaving.GetByRole(AriaRole.Button, new() { Name = "Abmelden" })).ToHaveCountAsync(0);
        await leaving.ReloadAsync();
        await Expect(leaving.GetByRole(AriaRole.Status)).ToHaveCountAsync(0);
    });

    private long Organization(string name) => App.Scalar<long>(
        "SELECT o.id FROM organizations o JOIN bodies b ON b.id = o.body_id WHERE b.body_key = 'kyffhaeuserkreis' AND o.name = @name", new { name });

    [Fact]
    public Task All_field_errors_show_at_once_and_a_saved_result_is_no_permission_problem() => Scenario(nameof(All_field_errors_show_at_once_and_a_saved_result_is_no_permission_problem), async () =>
    {
        // An amount that cannot be read does not hide the missing texts: one round of corrections.
        var clerk = await OpenAsync("kyf.clerk", javaScript: false);
        await clerk.GotoAsync("/vorlagen/neu");
        await clerk.GetByLabel("2. Gesamtkosten der Maßnahme").FillAsync("abc");
        await clerk.Button("Entwurf speichern").ClickAsync();
        var summary = clerk.Locator(".error-summary");
        await Expect(summary).ToContainTextAsync("„abc“ ist kein Betrag. Bitte schreiben Sie ihn wie 12.500,00");
        await Expect(summary).ToContainTextAsync("Bitte geben Sie den Gegenstand (Betreff) der Vorlage an.");
        await Expect(summary).ToContainTextAsync("Bitte geben Sie den Einreicher an.");

        // Coming back to a result that was already saved explains that, instead of "Keine Berechtigung".
        var id = await _papers.InDeliberationAsync(_papers.Paper("2021/7/490", "Schülerbeförderung"));
        await _papers.RecordAsync("kyf.chair.soziales", id, 1, new { date = "2021-03-04", outcome = "recommended", votes = new { entitled = 9, yes = 9, no = 0 } });
        var consultation = App.Scalar<long>("SELECT id FROM consultations WHERE paper_id = @id AND position = 1", new { id });
        var chair = await OpenAsync("kyf.chair.soziales");
        var response = await chair.GotoAsync($"/vorlagen/{id}/beratungen/{consultation}/ergebnis");
        Assert.Equal(409, response!.Status);
        await Expect(chair.MainRegion()).ToContainTextAsync("bereits erfasst (empfohlen, Sitzung am 04.03.2021)");
        await Expect(chair.MainRegion()).Not.ToContainTextAsync("Keine Berechtigung");
    });
}

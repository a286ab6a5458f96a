using Microsoft.Playwright;
using Vorlagen.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Vorlagen.Browser.Tests;

/// <summary>The drafting form without JavaScript: Beratungsfolge rows, German number input, field errors, lost updates.</summary>
public sealed class DraftingTests(BrowserApp app) : BrowserTest(app), IClassFixture<BrowserApp>
{
    private readonly PaperSetup _papers = new(app);

    [Fact]
    public Task The_Beratungsfolge_editor_works_without_JavaScript() => Scenario(nameof(The_Beratungsfolge_editor_works_without_JavaScript), async () =>
    {
        var clerk = await OpenAsync("kyf.clerk", javaScript: false);
        await clerk.GotoAsync("/vorlagen/neu");
        await clerk.GetByLabel("Vorlagen-Nr.").FillAsync("2021/7/301");
        await clerk.GetByLabel("Einreicher", new() { Exact = true }).FillAsync("Amt für Soziales");
        await clerk.GetByLabel("Gegenstand der Vorlage (Betreff)").FillAsync("Radweg an der Kreisstraße K 12");
        await clerk.GetByLabel("Beschlussvorschlag").FillAsync("Der Kreistag beschließt den Bau des Radwegs.");
        await clerk.GetByLabel("Begründung / Sachverhalt").FillAsync("Der Radweg schließt eine Lücke im Radwegenetz.");
        await clerk.GetByLabel("2. Gesamtkosten der Maßnahme").FillAsync("zwölf");

        // Remove the Kreisausschuss, add the Wirtschaftsausschuss, order by number, move it up, add a row.
        await clerk.Button("Entfernen (Zeile 2)").ClickAsync();
        await Expect(clerk.GetByLabel("Gremium in Zeile 2")).ToHaveValueAsync(Organization("Kreistag"));
        await clerk.GetByLabel("Gremium in Zeile 3").SelectOptionAsync(Organization("Ausschuss für Wirtschaft, Tourismus und Umwelt"));
        await clerk.GetByLabel("Nummer der Zeile 3").FillAsync("1");
        await clerk.Button("Nach Nummern ordnen").ClickAsync();
        await Expect(clerk.GetByLabel("Gremium in Zeile 2")).ToHaveValueAsync(Organization("Ausschuss für Wirtschaft, Tourismus und Umwelt"));
        await clerk.Button("Zeile 2 nach oben").ClickAsync();
        await Expect(clerk.GetByLabel("Gremium in Zeile 1")).ToHaveValueAsync(Organization("Ausschuss für Wirtschaft, Tourismus und Umwelt"));
        var rows = await clerk.Locator("select[id$='OrganizationId']").CountAsync();
        await clerk.Button("Zeile hinzufügen").ClickAsync();
        await Expect(clerk.Locator("select[id$='OrganizationId']")).ToHaveCountAsync(rows + 1);
        await Expect(clerk.GetByLabel("Gegenstand der Vorlage (Betreff)")).ToHaveValueAsync("Radweg an der Kreisstraße K 12");
        await clerk.GetByLabel("Termin in Zeile 3").FillAsync("2021-03-31");

        // An amount that is not one: the message sits at the field and in the summary, nothing is saved.
        await clerk.Button("Entwurf speichern").ClickAsync();
        await Expect(clerk.Locator(".error-summary")).ToContainTextAsync("Gesamtkosten der Maßnahme (Beschaffungs-/Herstellungskosten): „zwölf“ ist kein Betrag.");
        await Expect(clerk.GetByLabel("2. Gesamtkosten der Maßnahme")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Equal(0, App.Scalar<int>("SELECT COUNT(*) FROM papers WHERE reference = '2021/7/301'"));

        await clerk.GetByLabel("2. Gesamtkosten der Maßnahme").FillAsync("12.500,50");
        await clerk.Button("Entwurf speichern").ClickAsync();
        await clerk.ArrivedAtAsync(ResultSteps.PaperUrl());
        var id = clerk.PaperId();
        var steps = await clerk.Locator(".timeline .step-title").AllInnerTextsAsync();
        Assert.Equal(["Ausschuss für Wirtschaft, Tourismus und Umwelt", PaperSetup.KyfAusschuss, "Kreistag"], steps.Select(s => s.Trim()));
        await Expect(clerk.MainRegion()).ToContainTextAsync("Termin 31.03.2021");
        await Expect(clerk.MainRegion()).ToContainTextAsync("Gesamtkosten der Maßnahme (Beschaffungs-/Herstellungskosten): 12.500,50 €");
        Assert.Equal("2021-03-31", App.Scalar<string>("SELECT planned_date FROM consultations WHERE paper_id = @id AND position = 3", new { id }));
    });

    [Fact]
    public Task Handler_errors_land_at_the_rows_and_a_stale_form_does_not_overwrite() => Scenario(nameof(Handler_errors_land_at_the_rows_and_a_stale_form_does_not_overwrite), async () =>
    {
        var id = await _papers.DraftAsync(_papers.Paper("2021/7/302"));
        var first = await OpenAsync("kyf.clerk");
        var second = await OpenAsync("kyf.clerk");
        await first.GotoAsync($"/vorlagen/{id}/bearbeiten");
        await second.GotoAsync($"/vorlagen/{id}/bearbeiten");

        // Two deciding consultations: the Beratungsfolge rule of the handler, shown at the Beratungsfolge.
        await first.GetByLabel("Rolle in Zeile 1").SelectOptionAsync("beschliessend");
        await first.Button("Entwurf speichern").ClickAsync();
        await Expect(first.Locator(".error-summary")).ToContainTextAsync("genau eine beschließende Beratung");
        await first.Locator(".error-summary a").First.ClickAsync();
        await Expect(first.Locator("#Form_Consultations")).ToBeFocusedAsync();
        await first.GetByLabel("Rolle in Zeile 1").SelectOptionAsync("vorberatend");
        await first.GetByLabel("Gegenstand der Vorlage (Betreff)").FillAsync("Erste Fassung");
        await first.Button("Entwurf speichern").ClickAsync();
        await Expect(first.GetByRole(AriaRole.Status)).ToContainTextAsync("wurde gespeichert");

        await second.GetByLabel("Gegenstand der Vorlage (Betreff)").FillAsync("Zweite Fassung");
        await second.Button("Entwurf speichern").ClickAsync();
        // Who changed it and when; the entries stay, and saving again replaces that change on purpose.
        await Expect(second.Locator(".error-summary")).ToContainTextAsync("Kreistagsbüro Kyffhäuserkreis hat diesen Entwurf am ");
        await Expect(second.Locator(".error-summary")).ToContainTextAsync("Wenn Sie jetzt erneut speichern, ersetzen Ihre Eingaben diese Änderung.");
        await Expect(second.GetByLabel("Gegenstand der Vorlage (Betreff)")).ToHaveValueAsync("Zweite Fassung");
        Assert.Equal("Erste Fassung", App.Scalar<string>("SELECT title FROM papers WHERE id = @id", new { id }));
        await second.AssertAccessibleAsync("Entwurf nach fremder Änderung");
        await second.Button("Entwurf speichern").ClickAsync();
        await Expect(second.GetByRole(AriaRole.Status)).ToContainTextAsync("wurde gespeichert");
        Assert.Equal("Zweite Fassung", App.Scalar<string>("SELECT title FROM papers WHERE id = @id", new { id }));

        // A Vorlagen-Nr. already given: the conflict is shown at that field.
        await second.GotoAsync("/vorlagen/neu");
        await second.GetByLabel("Vorlagen-Nr.").FillAsync("2021/7/302");
        await second.GetByLabel("Einreicher", new() { Exact = true }).FillAsync("Amt für Soziales");
        await second.GetByLabel("Gegenstand der Vorlage (Betreff)").FillAsync("Doppelte Nummer");
        await second.GetByLabel("Beschlussvorschlag").FillAsync("Beschluss.");
        await second.GetByLabel("Begründung / Sachverhalt").FillAsync("Begründung.");
        await second.Button("Entwurf speichern").ClickAsync();
        await Expect(second.Locator(".error-summary")).ToContainTextAsync("ist in dieser Körperschaft bereits vergeben");
        await Expect(second.GetByLabel("Vorlagen-Nr.")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Equal(1, App.Scalar<int>("SELECT COUNT(*) FROM papers WHERE reference = '2021/7/302'"));
    });

    [Fact]
    public Task An_action_someone_else_took_first_is_explained_on_the_Vorlage() => Scenario(nameof(An_action_someone_else_took_first_is_explained_on_the_Vorlage), async () =>
    {
        var id = await _papers.DraftAsync(_papers.Paper("2021/7/303"));
        var clerk = await OpenAsync("kyf.clerk");
        await clerk.GotoAsync($"/vorlagen/{id}");
        await _papers.ActAsync("kyf.clerk", id, "submit"); // a colleague was quicker

        await clerk.Button("Einreichen").ClickAsync();
        var notice = clerk.MainRegion().GetByRole(AriaRole.Alert);
        await Expect(notice).ToContainTextAsync("Die Vorlage wurde inzwischen von Kreistagsbüro Kyffhäuserkreis geändert");
        await Expect(notice).ToContainTextAsync("Ihre Aktion „Einreichen“ wurde nicht ausgeführt.");
        await Expect(notice).ToContainTextAsync("Bitte prüfen Sie den aktuellen Stand.");
        await Expect(notice).Not.ToContainTextAsync("Version"); // no technical version numbers (the Anlagen hint may say "frühere Version")
        await Expect(clerk.Button("Einreichen")).ToHaveCountAsync(0);
        await clerk.AssertAccessibleAsync("Vorlage nach fremder Aktion");

        // The Landrätin's page still offers "Freigeben" when the clerk withdraws the paper: refused, in plain words.
        var landraetin = await OpenAsync("kyf.landraetin");
        await landraetin.GotoAsync($"/vorlagen/{id}");
        await _papers.ActAsync("kyf.clerk", id, "withdraw", new { comment = "Doppelt angelegt." });
        await landraetin.Button("Freigeben").ClickAsync();
        await Expect(landraetin.MainRegion().GetByRole(AriaRole.Alert)).ToContainTextAsync("Ihre Aktion „Freigeben“ wurde nicht ausgeführt.");
        Assert.Equal("withdrawn", App.Scalar<string>("SELECT status FROM papers WHERE id = @id", new { id }));
    });

    private string Organization(string name) => App.Scalar<long>(
        "SELECT o.id FROM organizations o JOIN bodies b ON b.id = o.body_id WHERE b.body_key = 'kyffhaeuserkreis' AND o.name = @name", new { name }).ToString();
}

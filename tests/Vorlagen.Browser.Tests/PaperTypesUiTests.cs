using Microsoft.Playwright;
using Vorlagen.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;
using static Vorlagen.Browser.Tests.Support.ResultSteps;

namespace Vorlagen.Browser.Tests;

/// <summary>
/// Issue #10 in the browser: the pages read the paper type (workflows/types) — the drafting form shows the type's fields,
/// the Vorlage page its actions with their fields. An Anfrage (seed 003) and an Antrag go from drafting to the end.
/// </summary>
public sealed class PaperTypesUiTests(BrowserApp app) : BrowserTest(app), IClassFixture<BrowserApp>
{
    private static async Task ChooseTypeAsync(IPage page, string label)
    {
        await page.GotoAsync("/vorlagen/neu");
        await page.GetByLabel("Vorlagenart").SelectOptionAsync(new SelectOptionValue { Label = label });
        await page.Button("Vorlagenart wählen").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Neue {label}");
    }

    [Fact]
    public Task An_Anfrage_is_received_assigned_answered_signed_and_sent_in_the_browser() => Scenario(nameof(An_Anfrage_is_received_assigned_answered_signed_and_sent_in_the_browser), async () =>
    {
        var clerk = await OpenAsync("erz.clerk");
        await ChooseTypeAsync(clerk, "Anfrage");
        // The Anfrage's own fields, in its own words; nothing of a Beschlussvorlage.
        await Expect(clerk.MainRegion()).Not.ToContainTextAsync("Beschlussvorschlag");
        await Expect(clerk.MainRegion()).Not.ToContainTextAsync("Beratungsfolge");
        await clerk.GetByLabel("Betreff").FillAsync("Fördermittel für Vereine");
        await clerk.GetByLabel("Eingang", new() { Exact = true }).FillAsync("2026-01-05");
        await clerk.GetByLabel("Fragesteller/in").FillAsync("Frau Kreisrätin Ulrike Kahl");
        await clerk.GetByLabel("Eingang per").SelectOptionAsync(new SelectOptionValue { Label = "schriftlich" });
        await clerk.Button("Entwurf speichern").ClickAsync();
        // The required questions are missing: said at the field, nothing written.
        await Expect(clerk.Locator(".error-summary")).ToContainTextAsync("Bitte geben Sie „Fragen“ an.");
        Assert.Equal(0, App.Scalar<int>("SELECT COUNT(*) FROM papers WHERE title = 'Fördermittel für Vereine'"));

        await clerk.GetByLabel("Fragen – Nr. 1").FillAsync("Welche Vereine erhielten 2025 Fördermittel?");
        await clerk.GetByLabel("Fragen – Nr. 2").FillAsync("In welcher Höhe?");
        await clerk.Button("Entwurf speichern").ClickAsync();
        await clerk.ArrivedAtAsync(PaperUrl());
        var id = clerk.PaperId();
        Assert.Equal("anfrage", App.Scalar<string>("SELECT paper_type FROM papers WHERE id = @id", new { id }));
        await Expect(clerk.MainRegion()).ToContainTextAsync("Eingegangen (Zuweisung ausstehend)");
        await Expect(clerk.MainRegion()).ToContainTextAsync("In welcher Höhe?");
        // The answer period of the rule profile, with its citation (four weeks from 05.01.2026).
        await Expect(clerk.Locator("#fristen-titel")).ToHaveCountAsync(1);
        await Expect(clerk.MainRegion()).ToContainTextAsync("bis 02.02.2026");
        await Expect(clerk.MainRegion()).ToContainTextAsync("§ 24 Abs. 6");

        // Assign: the action's required field comes from the descriptor.
        await clerk.Button("Zuweisen").ClickAsync();
        await Expect(clerk.Locator(".error-summary")).ToContainTextAsync("Bitte geben Sie „Federführend“ an.");
        await clerk.GetByLabel("Federführend").FillAsync("Referat Kreistag");
        await clerk.GetByLabel("Unsere Zeichen").FillAsync("KT 12/2026");
        await clerk.Button("Zuweisen").ClickAsync();
        await Expect(clerk.GetByRole(AriaRole.Status)).ToContainTextAsync("zur Bearbeitung zugewiesen");
        await Expect(clerk.MainRegion()).ToContainTextAsync("In Bearbeitung");

        // One answer per question (one box per question).
        await clerk.GetByLabel("Antworten (je Frage) – Nr. 1").FillAsync("Zwölf Vereine.");
        await clerk.GetByLabel("Antworten (je Frage) – Nr. 2").FillAsync("Insgesamt 48.000 Euro.");
        await clerk.GetByLabel("nachrichtlich – Nr. 1").FillAsync("Fraktionsvorsitzende");
        await clerk.Button("Antwort zur Unterschrift vorlegen").ClickAsync();
        await Expect(clerk.MainRegion()).ToContainTextAsync("Antwort liegt zur Unterschrift vor");
        await Expect(clerk.Button("Unterschreiben")).ToHaveCountAsync(0);

        var landrat = await OpenAsync("erz.landrat");
        await landrat.GotoAsync($"/vorlagen/{id}");
        await landrat.GetByLabel("Unterzeichnet von").FillAsync("Frank Vogel");
        await landrat.Button("Unterschreiben").ClickAsync();
        await Expect(landrat.GetByRole(AriaRole.Status)).ToContainTextAsync("unterschrieben");

        await clerk.GotoAsync($"/vorlagen/{id}");
        await clerk.Button("Als versandt erfassen").ClickAsync();
        await Expect(clerk.MainRegion()).ToContainTextAsync("Beantwortet");
        await clerk.Button("Veröffentlichen").ClickAsync();
        await Expect(clerk.MainRegion()).ToContainTextAsync("Beantwortet und veröffentlicht");
        Assert.Equal("published", App.Scalar<string>("SELECT status FROM papers WHERE id = @id", new { id }));
        // The history names every step in the type's words.
        foreach (var step in new[] { "Zugewiesen", "Antwort entworfen", "Unterschrieben" })
            await Expect(clerk.Locator("table.history")).ToContainTextAsync(step);
        await clerk.AssertAccessibleAsync("Anfrage beantwortet");

        // The letter of seed 003.
        await clerk.GetByRole(AriaRole.Link, new() { Name = "Druckansicht" }).ClickAsync();
        await Expect(clerk.MainRegion()).ToContainTextAsync("Ihre Frage beantworte ich wie folgt:");
        await Expect(clerk.MainRegion()).ToContainTextAsync("Insgesamt 48.000 Euro.");
    });

    [Fact]
    public Task An_Antrag_is_drafted_released_decided_and_signed_in_the_browser() => Scenario(nameof(An_Antrag_is_drafted_released_decided_and_signed_in_the_browser), async () =>
    {
        var clerk = await OpenAsync("kyf.clerk");
        await ChooseTypeAsync(clerk, "Antrag");
        await clerk.GetByLabel("Gegenstand der Vorlage (Betreff)").FillAsync("Ehrenamtskarte im Kyffhäuserkreis");
        await clerk.GetByLabel("Eingang", new() { Exact = true }).FillAsync("2026-01-02");
        await clerk.GetByLabel("Antragsteller").FillAsync("Fraktion Bürger für den Kyffhäuserkreis");
        await clerk.GetByLabel("Unterzeichner – Nr. 1").FillAsync("Herr Kreisrat Max Muster");
        await clerk.GetByLabel("Beschlussvorschlag").FillAsync("Der Kreistag führt die Ehrenamtskarte ein.");
        await clerk.GetByLabel("Begründung / Sachverhalt").FillAsync("Ehrenamt verdient Anerkennung.");
        // Only the Kreistag decides this Antrag: the template's first two rows are left empty.
        await clerk.GetByLabel("Gremium in Zeile 1").SelectOptionAsync("");
        await clerk.GetByLabel("Gremium in Zeile 2").SelectOptionAsync("");
        await clerk.Button("Entwurf speichern").ClickAsync();
        await clerk.ArrivedAtAsync(PaperUrl());
        var id = clerk.PaperId();
        Assert.Equal("antrag", App.Scalar<string>("SELECT paper_type FROM papers WHERE id = @id", new { id }));
        await Expect(clerk.MainRegion()).ToContainTextAsync("Antrag · ");
        await Expect(clerk.MainRegion()).ToContainTextAsync("Herr Kreisrat Max Muster");

        await clerk.GetByLabel("Datum der Einreichung").FillAsync("2026-01-05");
        await clerk.Button("Einreichen").ClickAsync();
        await Expect(clerk.MainRegion()).ToContainTextAsync("Eingereicht (Freigabe ausstehend)");

        var landraetin = await OpenAsync("kyf.landraetin");
        await landraetin.GotoAsync($"/vorlagen/{id}");
        await landraetin.GetByLabel("Datum der Freigabe").FillAsync("2026-01-06");
        await landraetin.Button("Freigeben").ClickAsync();
        await Expect(landraetin.GetByRole(AriaRole.Status)).ToContainTextAsync("freigegeben");
        await landraetin.MainRegion().GetByRole(AriaRole.Link, new() { Name = "Ergebnis erfassen" }).ClickAsync();
        await RecordAsync(landraetin, "2026-01-20", "beschlossen", new Tally(33, 27, 6, 0, 0));
        await Expect(landraetin.MainRegion()).ToContainTextAsync("Beschlossen (Ausfertigung ausstehend)");
        await landraetin.GetByLabel("Datum der Ausfertigung").FillAsync("2026-01-21");
        await landraetin.Button("Ausfertigen").ClickAsync();
        await Expect(landraetin.GetByRole(AriaRole.Status)).ToContainTextAsync("ausgefertigt");
        Assert.Equal("signed", App.Scalar<string>("SELECT status FROM papers WHERE id = @id", new { id }));
        await landraetin.AssertAccessibleAsync("Antrag ausgefertigt");

        await landraetin.GetByRole(AriaRole.Link, new() { Name = "Druckansicht" }).ClickAsync();
        await Expect(landraetin.Locator("h1.doc-title")).ToContainTextAsync("Antrag");
    });
}

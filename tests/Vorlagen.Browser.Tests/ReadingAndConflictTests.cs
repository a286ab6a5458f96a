using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Vorlagen.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;
using static Vorlagen.Browser.Tests.Support.ResultSteps;

namespace Vorlagen.Browser.Tests;

/// <summary>
/// What the office reads and prints (journal, print view of a draft), the result form's date and
/// what it says when someone else was quicker, the way back from error pages, and the
/// administration tables on a tablet.
/// </summary>
public sealed partial class ReadingAndConflictTests(BrowserApp app) : BrowserTest(app), IClassFixture<BrowserApp>
{
    private readonly PaperSetup _papers = new(app);

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow,
        TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public Task A_draft_prints_as_ENTWURF_with_a_blank_signature() => Scenario(nameof(A_draft_prints_as_ENTWURF_with_a_blank_signature), async () =>
    {
        var id = await _papers.DraftAsync(_papers.Paper("2021/7/201", "Kreisstraßenbauprogramm"));
        var clerk = await OpenAsync("kyf.clerk");
        await clerk.GotoAsync($"/vorlagen/{id}/druck");
        await Expect(clerk.Locator(".doc-marking")).ToContainTextAsync("ENTWURF");
        await Expect(clerk.Locator(".doc-marking")).ToContainTextAsync("noch nicht eingereicht");
        var mark = await clerk.Locator("article.document").EvaluateAsync<string>("a => getComputedStyle(a, '::before').content");
        Assert.Contains("ENTWURF", mark);
        var print = await clerk.MainTextAsync();
        Assert.Contains("Beschlussvorschlag:", print);
        Assert.DoesNotContain("Beschluss:", print);
        Assert.DoesNotContain("Landrat/Landrätin", print);
        // Not decided: the date line is the paper's date; the signature is a line to sign on.
        var signoff = (await clerk.Locator(".doc-signoff").InnerTextAsync()).Replace("Ausfertigung", "").Trim();
        Assert.StartsWith("Sondershausen, den 15.02.2021", signoff);
        Assert.Contains("Ausgefertigt am: ____", signoff);
        Assert.EndsWith("Unterschrift", signoff);
        await clerk.AssertAccessibleAsync("Druckansicht eines Entwurfs");
        await SaveScreenshotAsync(clerk, "druck-entwurf", print: true);

        // The form: Betreff on one line, the number hint as an example rather than the pattern.
        await clerk.GotoAsync($"/vorlagen/{id}/bearbeiten");
        Assert.Equal("INPUT", await clerk.GetByLabel("Gegenstand der Vorlage (Betreff)").EvaluateAsync<string>("e => e.tagName"));
        await Expect(clerk.Locator("#hint-reference")).ToHaveTextAsync(new Regex(@"z\. B\. „2021/7/001“"));
        await Expect(clerk.Locator("#hint-reference")).Not.ToContainTextAsync("{");
    });

    [Fact]
    public Task The_journal_reads_in_German_for_the_office() => Scenario(nameof(The_journal_reads_in_German_for_the_office), async () =>
    {
        var id = await _papers.InDeliberationAsync(_papers.Paper("2021/7/202", "Nahverkehrsplan"));
        await _papers.RecordAsync("kyf.chair.soziales", id, 1, new { date = "2021-03-04", outcome = "recommended", votes = new { entitled = 9, yes = 8, no = 1 } });
        await _papers.ActAsync("kyf.landraetin", id, "withdraw", new { comment = "Neue Planung des Freistaats abwarten." });
        var clerk = await OpenAsync("kyf.clerk");
        await clerk.GotoAsync($"/vorlagen/{id}/journal");
        await Expect(clerk.Locator(".verification")).ToContainTextAsync("Das Journal ist unverändert.");
        await JournalSteps.AssertReadableAsync(clerk, "Entwurf angelegt", "Eingereicht", "Freigegeben",
            "Status: Eingereicht (Freigabe ausstehend) → In Beratung", "Ergebnis erfasst: empfohlen",
            "Abstimmung: Ja: 8 Nein: 1 Enth: 0 Bef: 0 (Stimmberechtigte: 9)", "Zurückgezogen", "Bemerkung: Neue Planung des Freistaats abwarten.");

        // Every record with its checksum and stored data is in the audit log, two clicks away.
        var audit = clerk.Locator("details.journal-audit");
        await audit.Locator("summary").First.ClickAsync();
        await Expect(audit).ToContainTextAsync("Wartet auf „Beratungsfolge“ (Beratungsergebnis oder Aktion)");
        await Expect(audit).ToContainTextAsync("Prüfsumme");
        var firstRaw = audit.Locator("details.journal-raw").First;
        await firstRaw.Locator("summary").ClickAsync();
        await Expect(firstRaw).ToContainTextAsync("\"paperId\"");
        await clerk.AssertAccessibleAsync("Journal mit geöffnetem Prüfprotokoll");
        await SaveScreenshotAsync(clerk, "journal-zurueckgezogen");

        // A withdrawn paper prints as such.
        await clerk.GotoAsync($"/vorlagen/{id}/druck");
        await Expect(clerk.Locator(".doc-marking")).ToContainTextAsync("ZURÜCKGEZOGEN");
    });

    [Fact]
    public Task The_result_form_never_suggests_a_future_session_date() => Scenario(nameof(The_result_form_never_suggests_a_future_session_date), async () =>
    {
        var ahead = Today.AddDays(20);
        var future = await _papers.InDeliberationAsync(WithPlannedDates("2021/7/203", ahead, ahead.AddDays(10), ahead.AddDays(20)));
        var past = await _papers.InDeliberationAsync(WithPlannedDates("2021/7/204", new(2021, 3, 4), new(2021, 3, 17), new(2021, 3, 31)));
        var chair = await OpenAsync("kyf.chair.soziales");

        await chair.GotoAsync(ResultUrl(future));
        var date = chair.GetByLabel("Datum der Sitzung");
        await Expect(date).ToHaveValueAsync("");
        await Expect(date).ToHaveAttributeAsync("max", Iso(Today));
        await Expect(chair.Locator("#hint-date")).ToContainTextAsync($"Geplanter Termin: {ahead:dd.MM.yyyy}");

        // Saving a future date anyway is refused at the field.
        await FillAsync(chair, Iso(Today.AddDays(1)), "empfohlen", new Tally(9, 9, 0, 0, 0));
        await chair.Button("Ergebnis speichern").ClickAsync();
        await Expect(chair.Locator(".error-summary")).ToContainTextAsync("in der Zukunft");
        await Expect(date).ToHaveAttributeAsync("aria-invalid", "true");
        // The error state shows on text inputs too (red border), and numbers get narrow fields.
        Assert.Equal("rgb(163, 22, 26)", await date.EvaluateAsync<string>("e => getComputedStyle(e).borderTopColor"));
        Assert.True(await chair.GetByLabel("Ja", new() { Exact = true }).EvaluateAsync<double>("e => e.getBoundingClientRect().width") <= 7 * 16);

        // A planned date that has passed is the likely session date.
        await chair.GotoAsync(ResultUrl(past));
        await Expect(chair.GetByLabel("Datum der Sitzung")).ToHaveValueAsync("2021-03-04");
        await chair.AssertAccessibleAsync("Ergebnis erfassen");
    });

    [Fact]
    public Task When_someone_else_was_quicker_the_entries_stay_and_the_form_says_what_happened() =>
        Scenario(nameof(When_someone_else_was_quicker_the_entries_stay_and_the_form_says_what_happened), async () =>
    {
        // The chair and the clerk open the same result form; the chair saves first.
        var id = await _papers.InDeliberationAsync(_papers.Paper("2021/7/205", "Abfallwirtschaftskonzept"));
        var chair = await OpenAsync("kyf.chair.soziales");
        var clerk = await OpenAsync("kyf.clerk");
        await chair.GotoAsync(ResultUrl(id));
        await clerk.GotoAsync(ResultUrl(id));
        await RecordAsync(chair, "2021-03-04", "empfohlen", new Tally(9, 9, 0, 0, 0));

        await FillAsync(clerk, "2021-03-05", "empfohlen", new Tally(8, 7, 1, 0, 0));
        await clerk.Button("Ergebnis speichern").ClickAsync();
        var conflict = clerk.Locator(".conflict");
        await Expect(conflict).ToBeFocusedAsync();
        await Expect(conflict).ToContainTextAsync("Das Ergebnis wurde inzwischen schon erfasst");
        await Expect(conflict).ToContainTextAsync("hat Vorsitz Sozialausschuss Kyffhäuserkreis (Vorsitz) das Ergebnis dieser Beratung");
        await Expect(conflict).ToContainTextAsync("„empfohlen“, Sitzung am 04.03.2021");
        await Expect(conflict).ToContainTextAsync("Ihre Eingaben wurden nicht gespeichert, sind aber nicht verloren");
        await Expect(conflict).Not.ToContainTextAsync("Version");
        await Expect(clerk.GetByLabel("Datum der Sitzung")).ToHaveValueAsync("2021-03-05");
        await Expect(clerk.GetByLabel("Ja", new() { Exact = true })).ToHaveValueAsync("7");
        await Expect(clerk.GetByLabel("Nein", new() { Exact = true })).ToHaveValueAsync("1");
        await clerk.AssertAccessibleAsync("Ergebnis erfassen nach fremder Änderung");
        await SaveScreenshotAsync(clerk, "ergebnis-konflikt");
        await Expect(conflict.GetByRole(AriaRole.Link, new() { Name = "Zur aktuellen Vorlage 2021/7/205" })).ToHaveAttributeAsync("href", $"/vorlagen/{id}");
        await Expect(clerk.Button("Ergebnis speichern")).ToHaveCountAsync(0); // nothing can be saved here any more
        Assert.Equal("2021-03-04", App.Scalar<string>("SELECT result_date FROM consultations WHERE paper_id = @id AND position = 1", new { id }));

        // Now the Kreisausschuss: the chair postpones it while the clerk types; the result is still expected, so the entries can be saved again.
        await clerk.GotoAsync($"/vorlagen/{id}");
        await clerk.MainRegion().GetByRole(AriaRole.Link, new() { Name = "Ergebnis erfassen" }).ClickAsync();
        await _papers.RecordAsync("kyf.landraetin", id, 2, new { date = "2021-03-10", outcome = "postponed" });
        await FillAsync(clerk, "2021-03-17", "empfohlen", new Tally(7, 6, 1, 0, 0));
        await clerk.Button("Ergebnis speichern").ClickAsync();
        await Expect(conflict).ToContainTextAsync("Die Vorlage wurde inzwischen geändert");
        await Expect(conflict).ToContainTextAsync("speichern Sie dann erneut");
        await Expect(clerk.GetByLabel("Ja", new() { Exact = true })).ToHaveValueAsync("6");
        await clerk.Button("Ergebnis speichern").ClickAsync();
        await clerk.ArrivedAtAsync(PaperUrl());
        Assert.Equal("recommended", App.Scalar<string>("SELECT outcome FROM consultations WHERE paper_id = @id AND position = 2", new { id }));
    });

    [Fact]
    public Task Error_pages_lead_back_to_the_Vorlage() => Scenario(nameof(Error_pages_lead_back_to_the_Vorlage), async () =>
    {
        var id = await _papers.InDeliberationAsync(_papers.Paper("2021/7/206", "Breitbandausbau"));
        var otherChair = await OpenAsync("kyf.chair.wirtschaft");
        Assert.Equal(403, (await otherChair.GotoAsync(ResultUrl(id)))!.Status);
        await Expect(otherChair.MainRegion().GetByRole(AriaRole.Link, new() { Name = "Zurück zur Vorlage" })).ToHaveAttributeAsync("href", $"/vorlagen/{id}");
        await otherChair.AssertAccessibleAsync("Fehlerseite 403 mit Rückweg");
        Assert.Equal(404, (await otherChair.GotoAsync("/vorlagen/999999/druck"))!.Status);
        await Expect(otherChair.MainRegion().GetByRole(AriaRole.Link, new() { Name = "Zurück zur Vorlage" })).ToHaveCountAsync(0);
        await Expect(otherChair.MainRegion().GetByRole(AriaRole.Link, new() { Name = "Zur Startseite" })).ToHaveCountAsync(1);
    });

    [Fact]
    public Task Administration_tables_fit_a_tablet_and_a_phone() => Scenario(nameof(Administration_tables_fit_a_tablet_and_a_phone), async () =>
    {
        var admin = await OpenAsync("admin");
        foreach (var width in new[] { 768, 375 })
        {
            await admin.SetViewportSizeAsync(width, 900);
            foreach (var url in new[] { $"/verwaltung/gremien?bodyId={_papers.KyfBody}", "/verwaltung/gremien", "/verwaltung/benutzer" })
            {
                await admin.GotoAsync(url);
                var scrollWidth = await admin.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                Assert.True(scrollWidth <= width, $"{url} bei {width} px: {scrollWidth} px breit");
                // ... and the columns fit without splitting ordinary words ("Kreisaus/schuss").
                var split = await admin.EvaluateAsync<string[]>(SplitWordsScript);
                Assert.True(split.Length == 0, $"{url} bei {width} px trennt Wörter: {string.Join(", ", split)}");
            }
        }
        await admin.GotoAsync("/verwaltung/benutzer");
        await Expect(admin.MainRegion()).ToContainTextAsync("Benutzername");
        await admin.AssertAccessibleAsync("Benutzer auf dem Telefon");
    });

    /// <summary>Words of the table cells that the browser laid out on more than one line.</summary>
    private const string SplitWordsScript = """
        () => {
            const split = [];
            for (const cell of document.querySelectorAll('main table td')) {
                const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    for (const match of node.textContent.matchAll(/[^\s\/\-.]+/gu)) {
                        const range = document.createRange();
                        range.setStart(node, match.index);
                        range.setEnd(node, match.index + match[0].length);
                        const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
                        if (tops.size > 1) split.push(match[0]);
                    }
                }
            }
            return split;
        }
        """;

    private string ResultUrl(long id) =>
        $"/vorlagen/{id}/beratungen/{App.Scalar<long>("SELECT id FROM consultations WHERE paper_id = @id AND position = 1", new { id })}/ergebnis";

    private object WithPlannedDates(string reference, DateOnly ausschuss, DateOnly kreisausschuss, DateOnly kreistag) => new
    {
        bodyId = _papers.KyfBody, reference, title = "Schulnetzplanung", date = "2021-02-15", originator = "Die Landrätin, Frau Hochwind-Schneider",
        proposal = "Der Kreistag beschließt die Schulnetzplanung.", reasoning = "Die Schülerzahlen sinken.", @public = true,
        consultations = new object[]
        {
            new { organizationId = Organization(PaperSetup.KyfAusschuss), role = "vorberatend", @public = true, plannedDate = Iso(ausschuss) },
            new { organizationId = Organization("Kreisausschuss"), role = "vorberatend", @public = false, plannedDate = Iso(kreisausschuss) },
            new { organizationId = Organization("Kreistag"), role = "beschliessend", @public = true, plannedDate = Iso(kreistag) },
        },
    };

    private long Organization(string name) => App.Scalar<long>(
        "SELECT o.id FROM organizations o JOIN bodies b ON b.id = o.body_id WHERE b.body_key = 'kyffhaeuserkreis' AND o.name = @name", new { name });
}

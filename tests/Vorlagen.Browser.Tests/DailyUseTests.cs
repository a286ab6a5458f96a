using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Vorlagen.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Vorlagen.Browser.Tests;

/// <summary>Issue #18, daily use in the browser (items 10–20): what a clerk, the Landrätin and the public see.</summary>
public sealed class DailyUseTests(BrowserApp app) : BrowserTest(app), IClassFixture<BrowserApp>
{
    private readonly PaperSetup _papers = new(app);

    private static async Task FillRequiredAsync(IPage page, string title, string originator = "Amt für Soziales")
    {
        await page.GetByLabel("Einreicher", new() { Exact = true }).FillAsync(originator);
        await page.GetByLabel("Gegenstand der Vorlage (Betreff)").FillAsync(title);
        await page.GetByLabel("Beschlussvorschlag").FillAsync("Der Kreistag beschließt die Maßnahme.");
        await page.GetByLabel("Begründung / Sachverhalt").FillAsync("Die Maßnahme ist notwendig.");
    }

    [Fact]
    public Task Amounts_are_read_the_German_way_and_each_body_has_its_finance_block() => Scenario(nameof(Amounts_are_read_the_German_way_and_each_body_has_its_finance_block), async () =>
    {
        var clerk = await OpenAsync("kyf.clerk", javaScript: false);
        await clerk.GotoAsync("/vorlagen/neu");
        await FillRequiredAsync(clerk, "Sanierung der Kreisstraße K 12");
        await clerk.GetByLabel("2. Gesamtkosten der Maßnahme").FillAsync("250.00");
        await clerk.GetByLabel("3. Einnahmen").FillAsync("1.500");
        await clerk.Button("Entwurf speichern").ClickAsync();
        // An English decimal point is not silently read as 25.000 or 250: the message says what it could mean.
        await Expect(clerk.Locator(".error-summary")).ToContainTextAsync("„250.00“ ist nicht eindeutig");
        await Expect(clerk.Locator(".error-summary")).ToContainTextAsync("Meinen Sie 250,00 €?");
        await Expect(clerk.GetByLabel("2. Gesamtkosten der Maßnahme")).ToHaveValueAsync("250.00");
        Assert.Equal(0, App.Scalar<int>("SELECT COUNT(*) FROM papers WHERE title = 'Sanierung der Kreisstraße K 12'"));

        await clerk.GetByLabel("2. Gesamtkosten der Maßnahme").FillAsync("250.000");
        await clerk.Button("Entwurf speichern").ClickAsync();
        await clerk.ArrivedAtAsync(ResultSteps.PaperUrl());
        await Expect(clerk.MainRegion()).ToContainTextAsync("Gesamtkosten der Maßnahme (Beschaffungs-/Herstellungskosten): 250.000,00 €");
        await Expect(clerk.MainRegion()).ToContainTextAsync("Einnahmen: 1.500,00 €");
        using (var stored = JsonDocument.Parse(App.Scalar<string>("SELECT financial_impact FROM papers WHERE id = @id", new { id = clerk.PaperId() })))
        {
            Assert.Equal(250000m, stored.RootElement.GetProperty("totalCost").GetDecimal());
            Assert.Equal(1500m, stored.RootElement.GetProperty("income").GetDecimal());
        }
        // Editing shows the amounts the way they were meant.
        await clerk.GetByRole(AriaRole.Link, new() { Name = "Entwurf bearbeiten" }).ClickAsync();
        await Expect(clerk.GetByLabel("2. Gesamtkosten der Maßnahme")).ToHaveValueAsync("250.000,00");

        // The Erzgebirgskreis (Sachsen) has the one line of seed 001, not the Thüringen form.
        var erz = await OpenAsync("erz.clerk", javaScript: false);
        await erz.GotoAsync("/vorlagen/neu");
        await Expect(erz.MainRegion()).Not.ToContainTextAsync("Gesamtkosten");
        await FillRequiredAsync(erz, "Fortschreibung des Integrationskonzeptes", "Abteilung 2");
        await erz.GetByLabel("Welche finanziellen Auswirkungen/ Produktsachkonto").FillAsync("keine");
        await erz.Button("Entwurf speichern").ClickAsync();
        await erz.ArrivedAtAsync(ResultSteps.PaperUrl());
        await erz.GetByRole(AriaRole.Link, new() { Name = "Druckansicht" }).ClickAsync();
        await Expect(erz.Locator("article.document")).ToContainTextAsync("Welche finanziellen Auswirkungen/ Produktsachkonto: keine");
        await Expect(erz.Locator("article.document")).Not.ToContainTextAsync("Gesamtkosten");
        await Expect(erz.Locator("article.document")).Not.ToContainTextAsync("Kreiskämmerei");
    });

    [Fact]
    public Task Submit_and_release_dates_are_the_historical_ones_in_the_public_history() => Scenario(nameof(Submit_and_release_dates_are_the_historical_ones_in_the_public_history), async () =>
    {
        var id = await _papers.DraftAsync(_papers.Paper("2021/7/610"));
        var clerk = await OpenAsync("kyf.clerk");
        await clerk.GotoAsync($"/vorlagen/{id}");
        await clerk.GetByLabel("Datum der Einreichung").FillAsync("2021-02-20");
        await clerk.Button("Einreichen").ClickAsync();
        await Expect(clerk.GetByRole(AriaRole.Status)).ToContainTextAsync("eingereicht");
        var landraetin = await OpenAsync("kyf.landraetin");
        await landraetin.GotoAsync($"/vorlagen/{id}");
        await landraetin.GetByLabel("Datum der Freigabe").FillAsync("2021-02-22");
        await landraetin.Button("Freigeben").ClickAsync();
        await Expect(landraetin.GetByRole(AriaRole.Status)).ToContainTextAsync("freigegeben");
        await _papers.RecordAsync("kyf.chair.soziales", id, 1, new { date = "2021-03-04", outcome = "recommended", votes = new { entitled = 9, yes = 9, no = 0, abstain = 0, recused = 0 } });

        var visitor = await OpenAsync(null);
        await visitor.GotoAsync($"/vorlagen/{id}");
        var rows = visitor.Locator("table.history tbody tr");
        await Expect(rows.First).ToContainTextAsync("22.02.2021");
        await Expect(rows.First).ToContainTextAsync("Freigegeben");
        await Expect(rows.Nth(1)).ToContainTextAsync("04.03.2021");
        var today = DateTime.Now.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);
        await Expect(visitor.Locator("table.history")).Not.ToContainTextAsync(today);
        Assert.Equal("2021-02-22", App.Scalar<string>("SELECT released_on FROM papers WHERE id = @id", new { id }));
    });

    [Fact]
    public Task Withdrawing_is_apart_from_the_other_actions_and_needs_a_confirmed_reason() => Scenario(nameof(Withdrawing_is_apart_from_the_other_actions_and_needs_a_confirmed_reason), async () =>
    {
        var id = await _papers.DraftAsync(_papers.Paper("2021/7/620", "Kreismusikschule"));
        var clerk = await OpenAsync("kyf.clerk", javaScript: false);
        await clerk.GotoAsync($"/vorlagen/{id}");
        // The actions region (the Anlagen region below has its own upload form).
        var actions = clerk.GetByRole(AriaRole.Region, new() { Name = "Was Sie jetzt tun können" }).Locator(".action-grid");
        await Expect(actions.GetByRole(AriaRole.Button, new() { Name = "Einreichen" })).ToHaveCountAsync(1);
        await Expect(actions).Not.ToContainTextAsync("Zurückziehen");
        await Expect(clerk.Locator(".danger-zone")).ToContainTextAsync("kann nicht rückgängig gemacht werden");

        await clerk.Locator(".danger-zone").GetByRole(AriaRole.Link, new() { Name = "Vorlage zurückziehen …" }).ClickAsync();
        await clerk.ArrivedAtAsync(url => url.EndsWith($"/vorlagen/{id}/zurueckziehen", StringComparison.Ordinal));
        await Expect(clerk.MainRegion()).ToContainTextAsync("Das kann nicht rückgängig gemacht werden.");
        // axe needs JavaScript: on a page without it, injecting the checker never returns (the class run hung here).
        var checker = await OpenAsync("kyf.clerk");
        await checker.GotoAsync($"/vorlagen/{id}/zurueckziehen");
        await checker.AssertAccessibleAsync("Zurückziehen bestätigen");
        await clerk.Button("Endgültig zurückziehen").ClickAsync();
        await Expect(clerk.Locator(".error-summary")).ToContainTextAsync("Bitte bestätigen Sie");
        await clerk.GetByLabel("Grund für das Zurückziehen").FillAsync("Der Freistaat ändert die Förderung.");
        await clerk.Button("Endgültig zurückziehen").ClickAsync();
        await Expect(clerk.Locator(".error-summary")).ToContainTextAsync("Bitte bestätigen Sie");
        Assert.Equal("draft", App.Scalar<string>("SELECT status FROM papers WHERE id = @id", new { id }));

        await clerk.GetByLabel("Ich will die Vorlage endgültig zurückziehen.").CheckAsync();
        await clerk.Button("Endgültig zurückziehen").ClickAsync();
        await clerk.ArrivedAtAsync(ResultSteps.PaperUrl());
        await Expect(clerk.GetByRole(AriaRole.Status)).ToContainTextAsync("zurückgezogen");
        await Expect(clerk.Locator("table.history")).ToContainTextAsync("Der Freistaat ändert die Förderung.");
        Assert.Equal("withdrawn", App.Scalar<string>("SELECT status FROM papers WHERE id = @id", new { id }));
    });

    [Fact]
    public Task Pasted_invisible_characters_are_removed_or_named_with_their_place() => Scenario(nameof(Pasted_invisible_characters_are_removed_or_named_with_their_place), async () =>
    {
        var clerk = await OpenAsync("kyf.clerk", javaScript: false);
        await clerk.GotoAsync("/vorlagen/neu");
        await FillRequiredAsync(clerk, "Kreis\u00ADmusik\u200Bschule Kyff\u202Ehäuser");
        await clerk.Button("Entwurf speichern").ClickAsync();
        var error = clerk.Locator("#Form_Title-fehler");
        await Expect(error).ToContainTextAsync("U+202E");
        await Expect(error).ToContainTextAsync("an Stelle 22");
        await Expect(error).ToContainTextAsync("Kyff⟦U+202E⟧häuser");
        await Expect(clerk.MainRegion()).Not.ToContainTextAsync("unzulässige Steuerzeichen");

        await clerk.GetByLabel("Gegenstand der Vorlage (Betreff)").FillAsync("Kreis\u00ADmusik\u200Bschule Kyffhäuser");
        await clerk.Button("Entwurf speichern").ClickAsync();
        await clerk.ArrivedAtAsync(ResultSteps.PaperUrl());
        Assert.Equal("Kreismusikschule Kyffhäuser", App.Scalar<string>("SELECT title FROM papers WHERE id = @id", new { id = clerk.PaperId() }));
    });

    [Fact]
    public Task A_draft_form_sent_twice_creates_one_draft_and_a_duplicate_can_be_deleted() => Scenario(nameof(A_draft_form_sent_twice_creates_one_draft_and_a_duplicate_can_be_deleted), async () =>
    {
        const string title = "Busverkehr im Kyffhäuserkreis";
        var clerk = await OpenAsync("kyf.clerk", javaScript: false);
        await clerk.GotoAsync("/vorlagen/neu");
        await FillRequiredAsync(clerk, title);
        var token = await clerk.Locator("input[name='Form.Token']").InputValueAsync();
        Assert.Matches("^[0-9a-f]{32}$", token);
        await clerk.Button("Entwurf speichern").ClickAsync();
        await clerk.ArrivedAtAsync(ResultSteps.PaperUrl());
        var id = clerk.PaperId();
        // Post-redirect-get: reloading the result page sends nothing again.
        await clerk.ReloadAsync();
        Assert.Equal(1, App.Scalar<int>("SELECT COUNT(*) FROM papers WHERE title = @title", new { title }));

        // The same form once more (what the back button restores): the draft it created opens, no second one.
        await clerk.GotoAsync("/vorlagen/neu");
        await FillRequiredAsync(clerk, title);
        await clerk.Locator("input[name='Form.Token']").EvaluateAsync("(e, t) => e.value = t", token);
        await clerk.Button("Entwurf speichern").ClickAsync();
        await clerk.ArrivedAtAsync(ResultSteps.PaperUrl());
        Assert.Equal(id, clerk.PaperId());
        await Expect(clerk.GetByRole(AriaRole.Status)).ToContainTextAsync("nicht doppelt angelegt");
        Assert.Equal(1, App.Scalar<int>("SELECT COUNT(*) FROM papers WHERE title = @title", new { title }));

        // A draft never submitted can be deleted after confirming.
        await clerk.Button("Entwurf löschen").ClickAsync();
        await Expect(clerk.Locator(".field-error, .error-summary").First).ToContainTextAsync("Bitte bestätigen Sie");
        Assert.Equal(1, App.Scalar<int>("SELECT COUNT(*) FROM papers WHERE id = @id", new { id }));
        var reference = App.Scalar<string>("SELECT reference FROM papers WHERE id = @id", new { id });
        await clerk.GetByLabel("Diesen Entwurf endgültig löschen").CheckAsync();
        await clerk.Button("Entwurf löschen").ClickAsync();
        await clerk.ArrivedAtAsync(url => url.EndsWith("/vorlagen", StringComparison.Ordinal));
        // The notice, not the result count (also a status region) of the list.
        await Expect(clerk.Locator(".notice[role='status']")).ToHaveTextAsync($"Der Entwurf {reference} wurde gelöscht.");
        Assert.Equal(0, App.Scalar<int>("SELECT COUNT(*) FROM papers WHERE id = @id", new { id }));
    });

    private async Task<long> DecidedKyffhaeuserAsync(string reference)
    {
        var id = await _papers.InDeliberationAsync(_papers.Paper(reference));
        await _papers.RecordAsync("kyf.chair.soziales", id, 1, new { date = "2021-03-04", outcome = "recommended", votes = new { entitled = 9, yes = 9, no = 0, abstain = 0, recused = 0 } });
        await _papers.RecordAsync("kyf.landraetin", id, 2, new { date = "2021-03-17", outcome = "recommended", votes = new { entitled = 7, yes = 6, no = 1, abstain = 0, recused = 0 } });
        await _papers.RecordAsync("kyf.landraetin", id, 3, new { date = "2021-03-31", outcome = "adopted", votes = new { entitled = 33, yes = 27, no = 6, abstain = 0, recused = 0 } });
        await _papers.ActAsync("kyf.landraetin", id, "sign", new { date = "2021-04-01" });
        return id;
    }

    private static async Task<List<string>> HeadingsAsync(IPage page) =>
        [.. (await page.Locator("article.document h2:not(.visually-hidden)").AllInnerTextsAsync()).Select(h => h.Trim())];

    [Fact]
    public Task The_print_view_follows_seed_004_in_Thueringen_and_seed_001_in_Sachsen() => Scenario(nameof(The_print_view_follows_seed_004_in_Thueringen_and_seed_001_in_Sachsen), async () =>
    {
        var kyf = await DecidedKyffhaeuserAsync("2021/7/630");
        var landraetin = await OpenAsync("kyf.landraetin");
        await landraetin.GotoAsync($"/vorlagen/{kyf}/druck");
        Assert.Equal(["Betreff:", "Beschluss:", "Beratungen:", "Finanzielle Auswirkungen", "Einreicher:", "Sachverhalt:"], await HeadingsAsync(landraetin));
        await Expect(landraetin.Locator(".doc-title")).ToContainTextAsync("Nr.: 2021/7/630");
        var tallies = landraetin.Locator("article.document table").Filter(new() { HasText = "Ja:" });
        await Expect(tallies).ToHaveCountAsync(1);
        await Expect(tallies).ToContainTextAsync("Ja: 9 Nein: 0 Enth: 0 Bef: 0");
        await Expect(landraetin.Locator(".votes-table")).ToHaveCountAsync(0);
        await landraetin.GotoAsync($"/vorlagen/{kyf}");
        await Expect(landraetin.Locator("article.paper-text h3").Filter(new() { HasTextRegex = new Regex("^Beschluss$") })).ToHaveCountAsync(1);
        await Expect(landraetin.Locator("article.paper-text")).Not.ToContainTextAsync("Beschlussvorschlag");

        // Erzgebirgskreis 0640 (seed 001).
        var erzClerk = await App.ApiAs("erz.clerk");
        var body = App.Scalar<long>("SELECT id FROM bodies WHERE body_key = 'erzgebirgskreis'");
        var created = await erzClerk.PostAsync("/api/papers", System.Net.Http.Json.JsonContent.Create(new
        {
            bodyId = body, reference = "0640", title = "Fortschreibung des Integrationskonzeptes Erzgebirgskreis", date = "2021-11-23",
            originator = "Abteilung 2", legalBasis = "Zuwanderungs- und Integrationskonzept II des Freistaates Sachsen (ZIK II)",
            consultedWith = "Akteuren der Sozialen Betreuung, Vertretern von Kommunen, Einrichtungen und Institutionen",
            proposal = "Der Kreistag des Erzgebirgskreises beschließt das Integrationskonzept.", reasoning = "Mit Beschlussfassung des Kreistages am 7. Juni 2017 …",
            financialImpact = new { impact = "keine" },
        }));
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var erz = App.Scalar<long>("SELECT id FROM papers WHERE body_id = @body AND reference = '0640'", new { body });
        await _papers.ActAsync("erz.clerk", erz, "submit", new { date = "2021-11-10" });
        await _papers.ActAsync("erz.landrat", erz, "release", new { date = "2021-11-12" });
        await _papers.RecordAsync("erz.chair.soziales", erz, 1, new { date = "2021-11-22", outcome = "recommended", votes = new { entitled = 14, yes = 13, no = 0, abstain = 1, recused = 0 } });
        await _papers.RecordAsync("erz.landrat", erz, 2, new { date = "2021-12-08", outcome = "adopted", votes = new { entitled = 80, yes = 70, no = 5, abstain = 5, recused = 0 } });
        var landrat = await OpenAsync("erz.landrat");
        await landrat.GotoAsync($"/vorlagen/{erz}/druck");
        Assert.Equal(["Gegenstand der Vorlage:", "Rechtliche Grundlage:", "Vorlage beraten mit:", "Beschluss:", "Abstimmungsergebnis:", "Begründung"],
            await HeadingsAsync(landrat));
        var document = landrat.Locator("article.document");
        // Under the head (number, date, Einreicher: table.doc-meta) the first table of the sheet is the Beratungsfolge.
        var beratungsfolge = document.Locator("table.doc-table").First;
        Assert.Equal(["Beratungsfolge", "Termin", "Beratungsstatus"],
            (await beratungsfolge.Locator("thead th").AllInnerTextsAsync()).Select(t => t.Trim()));
        await Expect(beratungsfolge).ToContainTextAsync("22.11.2021");
        await Expect(beratungsfolge).ToContainTextAsync("nichtöffentlich, vorberatend");
        await Expect(document).ToContainTextAsync("Welche finanziellen Auswirkungen/ Produktsachkonto: keine");
        await Expect(document.Locator(".doc-proposal-signer")).ToHaveTextAsync("F. Vogel");
        await Expect(document.Locator(".votes-table")).ToHaveCountAsync(1);
        await Expect(document.Locator(".votes-table tbody")).ToContainTextAsync("80");
        await Expect(document.Locator("table").Filter(new() { HasText = "Ja:" })).ToHaveCountAsync(0);
        await landrat.AssertAccessibleAsync("Druckansicht Erzgebirgskreis");
        await SaveScreenshotAsync(landrat, "druck-0640", print: true);

        // "Beschlussvorlage" breaks only at its syllable boundary, whatever the width.
        foreach (var width in new[] { 320, 390, 800 })
        {
            await landrat.SetViewportSizeAsync(width, 800);
            var breaks = await landrat.Locator(".doc-title").EvaluateAsync<int[]>(WordBreaksScript, "Beschluss\u00ADvorlage");
            Assert.True(breaks.All(b => b is 9 or 10), $"„Beschlussvorlage“ bricht bei {width} px an Stelle {string.Join(", ", breaks)}.");
        }
    });

    // Character indexes inside the word where a new line starts.
    private const string WordBreaksScript = """
        (el, word) => {
            const node = [...el.childNodes].find(n => n.nodeType === 3 && n.textContent.includes(word));
            const start = node.textContent.indexOf(word);
            const tops = [];
            for (let i = 0; i < word.length; i++) {
                const r = document.createRange(); r.setStart(node, start + i); r.setEnd(node, start + i + 1);
                const rect = r.getClientRects()[0];
                if (rect && rect.width > 0) tops.push([i, Math.round(rect.top)]);
            }
            const breaks = [];
            for (let k = 1; k < tops.length; k++) if (tops[k][1] > tops[k - 1][1] + 2) breaks.push(tops[k][0]);
            return breaks;
        }
        """;

    [Fact]
    public Task Nothing_scrolls_sideways_at_390_pixels() => Scenario(nameof(Nothing_scrolls_sideways_at_390_pixels), async () =>
    {
        var longTitle = "Grundstücksverkehrsgenehmigungszuständigkeitsübertragungsverordnung des Kyffhäuserkreises";
        var id = await _papers.InDeliberationAsync(_papers.Paper("2021/7/640", longTitle));
        await _papers.DraftAsync(_papers.Paper("2021/7/641", "Donaudampfschifffahrtsgesellschaftskapitänsmützenhalterung"));
        foreach (var (user, url) in new[]
                 {
                     ("kyf.clerk", "/vorlagen"), ("kyf.clerk", "/"), ("kyf.chair.soziales", "/"), ("kyf.landraetin", "/"),
                     ("kyf.clerk", $"/vorlagen/{id}/druck"), ((string?)null, $"/vorlagen/{id}/druck"), ("kyf.clerk", $"/vorlagen/{id}"),
                     ("kyf.clerk", $"/vorlagen/{id}/journal"), ("kyf.clerk", "/vorlagen/neu"),
                 })
        {
            var page = await OpenAsync(user);
            await page.SetViewportSizeAsync(390, 844);
            await page.GotoAsync(url);
            await page.Locator("footer.site-footer, .print-toolbar").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
            var scroll = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            var width = await page.EvaluateAsync<int>("() => window.innerWidth");
            var wide = "";
            if (scroll > width)
            {
                await SaveScreenshotAsync(page, "390px" + url.Replace('/', '_'));
                wide = " Zu breit: " + await page.EvaluateAsync<string>(TooWideScript);
            }
            Assert.True(scroll <= width, $"{url} ({user ?? "anonym"}) ist bei 390 px {scroll} px breit.{wide}");
        }
    });

    // The innermost elements whose right edge lies beyond the window (tag, class, right edge), to name the culprit.
    private const string TooWideScript = """
        () => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5
                && ![...e.children].some(c => c.getBoundingClientRect().right > window.innerWidth + 0.5))
            .slice(0, 8)
            .map(e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : ''} (${Math.round(e.getBoundingClientRect().right)} px)`)
            .join(', ')
        """;

    [Fact]
    public Task The_texts_speak_the_offices_language() => Scenario(nameof(The_texts_speak_the_offices_language), async () =>
    {
        // Role titles per person; required fields marked before the first save; a title over the limit is not cut.
        var landraetin = await OpenAsync("kyf.landraetin");
        await landraetin.GotoAsync("/");
        await Expect(landraetin.Locator(".account-name")).ToContainTextAsync("(Landrätin)");
        await Expect(landraetin.Locator(".account-name")).Not.ToContainTextAsync("Landrat/Landrätin");

        var clerk = await OpenAsync("kyf.clerk", javaScript: false);
        await clerk.GotoAsync("/vorlagen/neu");
        Assert.Equal(["Einreicher", "Gegenstand der Vorlage (Betreff)", "Beschlussvorschlag", "Begründung / Sachverhalt"],
            (await clerk.Locator("label.required").AllInnerTextsAsync()).Select(l => l.Replace("*", "").Trim()));
        foreach (var mark in await clerk.Locator("label.required").EvaluateAllAsync<string[]>("ls => ls.map(l => getComputedStyle(l, '::after').content)"))
            Assert.Contains("*", mark);
        await Expect(clerk.Locator(".required-note")).ToContainTextAsync("Pflichtfeld");
        var tooLong = string.Concat(Enumerable.Repeat("Kreisentwicklungskonzept ", 21)).Trim(); // 524 characters
        await FillRequiredAsync(clerk, tooLong);
        await Expect(clerk.GetByLabel("Gegenstand der Vorlage (Betreff)")).ToHaveValueAsync(tooLong);
        await clerk.Button("Entwurf speichern").ClickAsync();
        await Expect(clerk.Locator("#Form_Title-fehler")).ToContainTextAsync($"höchstens 500 Zeichen lang sein; er hat {tooLong.Length}");
        await Expect(clerk.GetByLabel("Gegenstand der Vorlage (Betreff)")).ToHaveValueAsync(tooLong);

        // An empty search says so.
        await clerk.GotoAsync("/vorlagen?q=Zwiebelkuchenrezept");
        await Expect(clerk.Locator(".result-count")).ToContainTextAsync("Keine Vorlagen gefunden.");

        // The journal: one line per step a clerk names, no engine words.
        // (axe needs JavaScript: on a page without it, injecting the checker never returns.)
        var id = await _papers.InDeliberationAsync(_papers.Paper("2021/7/650"));
        var reader = await OpenAsync("kyf.clerk");
        await reader.GotoAsync($"/vorlagen/{id}/journal");
        var steps = (await reader.Locator("table.journal .journal-event").AllInnerTextsAsync()).Select(s => s.Trim()).ToList();
        Assert.Equal(["Entwurf angelegt", "Eingereicht", "Freigegeben"], steps);
        var text = await reader.MainRegion().TextContentAsync();
        foreach (var engine in new[] { "Ablauf gestartet", "Schritt abgeschlossen", "Rohdaten" }) Assert.DoesNotContain(engine, text);
        await reader.AssertAccessibleAsync("Journal");
    });
}

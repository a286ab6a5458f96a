using Microsoft.Playwright;
using Vorlagen.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;
using static Vorlagen.Browser.Tests.Support.ResultSteps;

namespace Vorlagen.Browser.Tests;

/// <summary>
/// The Kyffhäuserkreis Beschlussvorlage 2021/7/014 (seed 004) from draft to Ausfertigung, every step
/// clicked through the German UI by the user whose job it is, checking what each one sees and may do.
/// </summary>
public sealed class Kyffhaeuser2021Tests(BrowserApp app) : BrowserTest(app), IClassFixture<BrowserApp>
{
    [Fact]
    public Task Seed_004_from_draft_to_Ausfertigung() => Scenario(nameof(Seed_004_from_draft_to_Ausfertigung), async () =>
    {
        // The Kreistagsbüro drafts; the Beratungsfolge comes from the Landkreis' template.
        var clerk = await OpenAsync("kyf.clerk");
        await clerk.GotoAsync("/");
        await clerk.GetByRole(AriaRole.Link, new() { Name = "Neue Vorlage" }).ClickAsync();
        await Expect(clerk.GetByLabel("Gremium in Zeile 1")).ToHaveValueAsync(Organization(PaperSetup.KyfAusschuss));
        await Expect(clerk.GetByLabel("Gremium in Zeile 2")).ToHaveValueAsync(Organization("Kreisausschuss"));
        await Expect(clerk.GetByLabel("Zeile 2 öffentlich")).Not.ToBeCheckedAsync();
        await Expect(clerk.GetByLabel("Gremium in Zeile 3")).ToHaveValueAsync(Organization("Kreistag"));
        await clerk.GetByLabel("Vorlagen-Nr.").FillAsync("2021/7/014");
        await clerk.GetByLabel("Datum", new() { Exact = true }).FillAsync("2021-02-15");
        await clerk.GetByLabel("Einreicher", new() { Exact = true }).FillAsync("Die Landrätin, Frau Hochwind-Schneider");
        await clerk.GetByLabel("Gegenstand der Vorlage (Betreff)").FillAsync("Integrationskonzept Kyffhäuserkreis 2020");
        await clerk.GetByLabel("Beschlussvorschlag").FillAsync("Der Kreistag beschließt das „Integrationskonzept Kyffhäuserkreis 2020“. "
            + "Dieses bietet mit Hilfe von Handlungsfeldern und Leitlinien eine Orientierungshilfe für den weiteren Integrationsprozess im Kyffhäuserkreis.");
        await clerk.GetByLabel("Begründung / Sachverhalt").FillAsync("Die Herausforderungen der Grundversorgung geflüchteter Menschen wurden Ende 2015 "
            + "und im Jahr 2016 unter enormer Kraftanstrengung vieler Beteiligten im Kyffhäuserkreis erfolgreich bewältigt.");
        await clerk.GetByLabel("1. Abstimmung mit Kreiskämmerei").FillAsync("nicht erforderlich");
        await clerk.Button("Entwurf speichern").ClickAsync();
        await clerk.ArrivedAtAsync(PaperUrl());
        var id = clerk.PaperId();
        await Expect(clerk.GetByRole(AriaRole.Status)).ToContainTextAsync("Der Entwurf 2021/7/014 wurde angelegt");
        await Expect(clerk.Button("Freigeben")).ToHaveCountAsync(0);
        await clerk.Button("Einreichen").ClickAsync();
        await Expect(clerk.GetByRole(AriaRole.Status)).ToContainTextAsync("eingereicht");
        await Expect(clerk.Button("Einreichen")).ToHaveCountAsync(0);

        // The Landrätin finds it among her tasks and releases it.
        var landraetin = await OpenAsync("kyf.landraetin");
        await landraetin.GotoAsync("/");
        await Expect(landraetin.MainRegion()).ToContainTextAsync("Vorlagen freigeben");
        await landraetin.GetByRole(AriaRole.Link, new() { Name = "Öffnen 2021/7/014" }).ClickAsync();
        await landraetin.Button("Freigeben").ClickAsync();
        await Expect(landraetin.GetByRole(AriaRole.Status)).ToContainTextAsync("freigegeben");

        // The chair of the Sozialausschuss may record its result, and nothing else.
        var chair = await OpenAsync("kyf.chair.soziales");
        await chair.GotoAsync($"/vorlagen/{id}");
        foreach (var button in new[] { "Freigeben", "Zurückziehen", "Ausfertigen" }) await Expect(chair.Button(button)).ToHaveCountAsync(0);
        await Expect(chair.MainRegion().GetByRole(AriaRole.Link, new() { Name = "Vorlage zurückziehen …" })).ToHaveCountAsync(0);
        await chair.GotoAsync("/");
        await chair.GetByRole(AriaRole.Link, new() { Name = "Ergebnis erfassen für 2021/7/014" }).ClickAsync();
        await RecordAsync(chair, "2021-03-04", "empfohlen", new Tally(9, 9, 0, 0, 0));
        await Expect(chair.MainRegion()).ToContainTextAsync("empfohlen – einstimmig");
        await Expect(chair.MainRegion()).ToContainTextAsync("Ja: 9 Nein: 0 Enth: 0 Bef: 0");
        await Expect(chair.GetByRole(AriaRole.Link, new() { Name = "Ergebnis erfassen" })).ToHaveCountAsync(0);

        // The Landrätin chairs Kreisausschuss and Kreistag: she records both, then signs.
        await landraetin.GotoAsync($"/vorlagen/{id}");
        await landraetin.MainRegion().GetByRole(AriaRole.Link, new() { Name = "Ergebnis erfassen" }).ClickAsync();
        await Expect(landraetin.MainRegion()).ToContainTextAsync("Kreisausschuss");
        await RecordAsync(landraetin, "2021-03-17", "empfohlen", new Tally(7, 6, 1, 0, 0));
        await landraetin.MainRegion().GetByRole(AriaRole.Link, new() { Name = "Ergebnis erfassen" }).ClickAsync();
        await RecordAsync(landraetin, "2021-03-31", "beschlossen", new Tally(33, 27, 6, 0, 0));
        await Expect(landraetin.MainRegion()).ToContainTextAsync("Beschlossen (Ausfertigung ausstehend)");
        await clerk.GotoAsync($"/vorlagen/{id}");
        await Expect(clerk.MainRegion()).ToContainTextAsync("Beschlossen (Ausfertigung ausstehend)");
        await Expect(clerk.Button("Ausfertigen")).ToHaveCountAsync(0);
        await landraetin.GetByLabel("Datum der Ausfertigung").FillAsync("2021-04-01");
        await landraetin.Button("Ausfertigen").ClickAsync();
        await Expect(landraetin.GetByRole(AriaRole.Status)).ToContainTextAsync("ausgefertigt");
        await Expect(landraetin.MainRegion()).ToContainTextAsync("Ausgefertigt am01.04.2021");
        await SaveScreenshotAsync(landraetin, "vorlage-2021-7-014");
        Assert.Equal(("signed", "2021-04-01"), (App.Scalar<string>("SELECT status FROM papers WHERE id = @id", new { id }),
            App.Scalar<string>("SELECT signed_date FROM papers WHERE id = @id", new { id })));

        // The print view reads like the real document: the Beschluss, then date, Ausfertigung, name and title as in seed 004.
        await landraetin.GetByRole(AriaRole.Link, new() { Name = "Druckansicht" }).ClickAsync();
        var print = (await landraetin.MainTextAsync()).Replace("\u00AD", "");
        foreach (var expected in new[] { "Beschlussvorlage Nr.: 2021/7/014", "Einreicher:", "Die Landrätin, Frau Hochwind-Schneider",
                     "Betreff:", "Beschluss:", "Der Kreistag beschließt das „Integrationskonzept Kyffhäuserkreis 2020“.", "Beratungen:", "Abstimmungsergebnis",
                     "Ja: 27 Nein: 6 Enth: 0 Bef: 0", "Abstimmung mit Kreiskämmerei: nicht erforderlich", "Sachverhalt:" })
            Assert.Contains(expected, print);
        foreach (var unexpected in new[] { "Beschlussvorschlag", "Landrat/Landrätin", "ENTWURF", "Landrätin Hochwind-Schneider" })
            Assert.DoesNotContain(unexpected, print);
        // Like seed 004: the seat of the Landkreis and the day of the decision.
        Assert.Equal("Sondershausen, den 31.03.2021\nAusgefertigt am: 01.04.2021\nHochwind-Schneider\nLandrätin", System.Text.RegularExpressions.Regex.Replace(
            (await landraetin.Locator(".doc-signoff").InnerTextAsync()).Replace("Ausfertigung", ""), @"\s*\n\s*", "\n").Trim());
        await Expect(landraetin.Locator(".doc-section").Filter(new() { Has = landraetin.GetByRole(AriaRole.Heading, new() { Name = "Beschluss:" }) }))
            .ToContainTextAsync("Der Kreistag beschließt das „Integrationskonzept Kyffhäuserkreis 2020“.");
        await SaveScreenshotAsync(landraetin, "druck-2021-7-014", print: true);

        // The public sees the decision, but not the tally of the non-public Kreisausschuss.
        var visitor = await OpenAsync(null);
        await visitor.GotoAsync($"/vorlagen/{id}");
        var shown = await visitor.MainTextAsync();
        Assert.Contains("Ja: 27 Nein: 6 Enth: 0 Bef: 0", shown);
        Assert.Contains("Beraten in nichtöffentlicher Sitzung.", shown);
        Assert.DoesNotContain("Ja: 6 Nein: 1", shown);
        await visitor.GotoAsync($"/vorlagen/{id}/druck");
        Assert.DoesNotContain("Ja: 6 Nein: 1", await visitor.MainTextAsync());
        await visitor.GotoAsync($"/vorlagen/{id}/journal");
        await Expect(visitor.MainRegion()).ToContainTextAsync("Das Journal ist unverändert.");
        await Expect(visitor.MainRegion()).ToContainTextAsync("dem Sitzungsdienst, dem Landrat und der Administration vorbehalten");
        await landraetin.GotoAsync($"/vorlagen/{id}/journal");
        await JournalSteps.AssertReadableAsync(landraetin, "Entwurf angelegt", "Eingereicht", "Status: Entwurf → Eingereicht (Freigabe ausstehend)", "Freigegeben",
            "Ergebnis erfasst: empfohlen", "Gremium: " + PaperSetup.KyfAusschuss, "Sitzung am: 04.03.2021", "Ergebnis erfasst: beschlossen",
            "Abstimmung: Ja: 27 Nein: 6 Enth: 0 Bef: 0 (Stimmberechtigte: 33)", "Ausgefertigt", "Ausgefertigt am: 01.04.2021",
            "Landrätin Hochwind-Schneider", "Kreistagsbüro Kyffhäuserkreis (Sitzungsdienst)");
        Assert.DoesNotContain("Landrat/Landrätin", await landraetin.MainTextAsync());
        await SaveScreenshotAsync(landraetin, "journal-2021-7-014");
    });

    [Fact]
    public Task Without_JavaScript_the_tally_is_checked_and_rejected_on_the_server() => Scenario(nameof(Without_JavaScript_the_tally_is_checked_and_rejected_on_the_server), async () =>
    {
        var papers = new PaperSetup(App);
        var id = await papers.InDeliberationAsync(papers.Paper("2021/7/015", "Kreisentwicklungskonzept"));
        var chair = await OpenAsync("kyf.chair.soziales", javaScript: false);
        await chair.GotoAsync($"/vorlagen/{id}");
        await chair.MainRegion().GetByRole(AriaRole.Link, new() { Name = "Ergebnis erfassen" }).ClickAsync();

        // "Nur prüfen" asks the same rules engine on the server: 4 of 10 members are not a quorum (ThürKO).
        await FillAsync(chair, "2021-03-04", "empfohlen", new Tally(4, 3, 1, 0, 0));
        await chair.Button("Nur prüfen").ClickAsync();
        var feedback = chair.Locator("#tally-feedback");
        await Expect(feedback).ToContainTextAsync("Nicht zulässig");
        await Expect(feedback).ToContainTextAsync("nicht gegeben: 4 anwesend, nötig 6");
        await Expect(feedback).ToContainTextAsync("§ 36 Abs. 1 ThürKO");

        // Saving anyway is refused by the command, with the rule and its citation at the field.
        await chair.Button("Ergebnis speichern").ClickAsync();
        await Expect(chair.Locator(".error-summary")).ToContainTextAsync("§ 36 Abs. 1 ThürKO");
        await Expect(chair.GetByLabel("Anwesende Stimmberechtigte")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Equal("pending", App.Scalar<string>("SELECT status FROM consultations WHERE paper_id = @id AND position = 1", new { id }));

        // "Annahme" with more no than yes is not trusted: the label contradicts the tally.
        await FillAsync(chair, "2021-03-04", "empfohlen", new Tally(9, 3, 6, 0, 0));
        await chair.Button("Ergebnis speichern").ClickAsync();
        await Expect(chair.Locator(".error-summary")).ToContainTextAsync("widerspricht der Abstimmung");

        await FillAsync(chair, "2021-03-04", "nicht empfohlen", new Tally(9, 3, 6, 0, 0));
        await chair.Button("Nur prüfen").ClickAsync();
        await Expect(feedback).ToContainTextAsync("Zulässig");
        await chair.Button("Ergebnis speichern").ClickAsync();
        await chair.ArrivedAtAsync(PaperUrl());
        await Expect(chair.MainRegion()).ToContainTextAsync("nicht empfohlen, Sitzung am 04.03.2021");
        Assert.Equal("not_recommended", App.Scalar<string>("SELECT outcome FROM consultations WHERE paper_id = @id AND position = 1", new { id }));
    });

    [Fact]
    public Task Each_role_sees_only_its_own_steps() => Scenario(nameof(Each_role_sees_only_its_own_steps), async () =>
    {
        var papers = new PaperSetup(App);
        var id = await papers.InDeliberationAsync(papers.Paper("2021/7/016", "Schulnetzplan"));
        var resultUrl = $"/vorlagen/{id}/beratungen/{App.Scalar<long>("SELECT id FROM consultations WHERE paper_id = @id AND position = 1", new { id })}/ergebnis";

        var otherChair = await OpenAsync("kyf.chair.wirtschaft");
        var response = await otherChair.GotoAsync(resultUrl);
        Assert.Equal(403, response!.Status);
        await Expect(otherChair.MainRegion()).ToContainTextAsync("Keine Berechtigung");
        await otherChair.GotoAsync("/");
        await Expect(otherChair.MainRegion()).ToContainTextAsync("Zurzeit wartet nichts auf Sie.");

        var member = await OpenAsync("kyf.member");
        await member.GotoAsync($"/vorlagen/{id}");
        await Expect(member.Locator("#aktionen")).ToHaveCountAsync(0);
        await Expect(member.GetByRole(AriaRole.Link, new() { Name = "Entwurf bearbeiten" })).ToHaveCountAsync(0);
        Assert.Equal(403, (await member.GotoAsync("/vorlagen/neu"))!.Status);

        // The clerk may record on the chair's behalf and withdraw; the Landrätin may withdraw, not record the Ausschuss.
        var clerk = await OpenAsync("kyf.clerk");
        await clerk.GotoAsync($"/vorlagen/{id}");
        await Expect(clerk.MainRegion().GetByRole(AriaRole.Link, new() { Name = "Ergebnis erfassen" })).ToHaveCountAsync(1);
        await Expect(clerk.MainRegion().GetByRole(AriaRole.Link, new() { Name = "Vorlage zurückziehen …" })).ToHaveCountAsync(1);
        var landraetin = await OpenAsync("kyf.landraetin");
        await landraetin.GotoAsync($"/vorlagen/{id}");
        await Expect(landraetin.MainRegion().GetByRole(AriaRole.Link, new() { Name = "Ergebnis erfassen" })).ToHaveCountAsync(0);
        await Expect(landraetin.MainRegion().GetByRole(AriaRole.Link, new() { Name = "Vorlage zurückziehen …" })).ToHaveCountAsync(1);

        var visitor = await OpenAsync(null);
        await visitor.GotoAsync(resultUrl);
        await Expect(visitor).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/anmelden\\?ReturnUrl="));
    });

    private string Organization(string name) => App.Scalar<long>(
        "SELECT o.id FROM organizations o JOIN bodies b ON b.id = o.body_id WHERE b.body_key = 'kyffhaeuserkreis' AND o.name = @name", new { name }).ToString();
}

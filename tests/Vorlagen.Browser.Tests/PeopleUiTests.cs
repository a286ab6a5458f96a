using Microsoft.Playwright;
using Vorlagen.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Vorlagen.Browser.Tests;

/// <summary>Persons, Gremien and the Kreisrat's Meine Aufgaben in the browser, with axe checks of the new pages.</summary>
public sealed class PeopleUiTests(BrowserApp app) : BrowserTest(app), IClassFixture<BrowserApp>
{
    [Fact]
    public Task A_kreisraetin_sees_her_gremien_on_meine_aufgaben() => Scenario(nameof(A_kreisraetin_sees_her_gremien_on_meine_aufgaben), async () =>
    {
        var kahl = await OpenAsync("erz.member");
        await kahl.GotoAsync("/");
        await kahl.ArrivedAtAsync(url => url.EndsWith('/'));
        var gremien = kahl.GetByRole(AriaRole.Region, new() { Name = "Meine Gremien" });
        await Expect(gremien).ToContainTextAsync("Kreistag");
        await Expect(gremien).ToContainTextAsync("Ausschuss für Familie, Bildung, Gesundheit und Soziales");
        await Expect(gremien).ToContainTextAsync("Kreisrätin");
        await Expect(gremien).ToContainTextAsync("Fraktion Soziale Liste");
        await kahl.AssertAccessibleAsync("Meine Aufgaben einer Kreisrätin");

        await gremien.GetByRole(AriaRole.Link, new() { Name = "Kreistag" }).ClickAsync();
        await kahl.ArrivedAtAsync(url => url.Contains("/gremien/"));
        await Expect(kahl.MainRegion()).ToContainTextAsync("99 stimmberechtigte Sitze");
        await Expect(kahl.MainRegion()).ToContainTextAsync("besetzt: 99");
        await Expect(kahl.MainRegion()).ToContainTextAsync("F. Vogel");
        await kahl.AssertAccessibleAsync("Gremium mit Mitgliedern");
    });

    [Fact]
    public Task The_public_person_page_shows_no_contact_data() => Scenario(nameof(The_public_person_page_shows_no_contact_data), async () =>
    {
        var id = App.Scalar<long>("SELECT id FROM persons WHERE family_name = 'Kahl'");
        var visitor = await OpenAsync(null);
        await visitor.GotoAsync($"/personen/{id}");
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ulrike Kahl");
        await Expect(visitor.MainRegion()).ToContainTextAsync("Fraktion Soziale Liste");
        await Expect(visitor.MainRegion()).Not.ToContainTextAsync("erzgebirgskreis.example");
        await visitor.AssertAccessibleAsync("Person öffentlich");
        var colleague = await OpenAsync("erz.clerk");
        await colleague.GotoAsync($"/personen/{id}");
        await Expect(colleague.MainRegion()).ToContainTextAsync("kreistag@erzgebirgskreis.example");
    });

    [Fact]
    public Task Administration_pages_of_persons_import_and_wahlperioden_are_accessible() => Scenario(nameof(Administration_pages_of_persons_import_and_wahlperioden_are_accessible), async () =>
    {
        var admin = await OpenAsync("admin");
        var kyf = App.Scalar<long>("SELECT id FROM bodies WHERE body_key = 'kyffhaeuserkreis'");
        var person = App.Scalar<long>("SELECT p.id FROM persons p JOIN users u ON u.id = p.user_id WHERE u.username = 'kyf.member'");
        foreach (var (url, what) in new[]
                 {
                     ($"/verwaltung/personen?bodyId={kyf}", "Personenliste"), ($"/verwaltung/personen/{person}", "Person bearbeiten"),
                     ($"/verwaltung/wahlperioden?bodyId={kyf}", "Wahlperioden"), ($"/verwaltung/personen/neu?bodyId={kyf}", "Neue Person"),
                 })
        {
            await admin.GotoAsync(url);
            await admin.AssertAccessibleAsync(what);
        }
        await admin.GotoAsync($"/verwaltung/personen/import?bodyId={kyf}");
        await admin.GetByLabel("oder Zeilen hier einfügen").FillAsync("Name;Fraktion;Gremium;Rolle;von;bis\nAnna Neu;GfK;Kreistag;Mitglied;31.02.2025;\nBert Neu;XYZ;WiA;beratend;01.08.2024;");
        await admin.Button("Prüfen").ClickAsync();
        var result = admin.GetByRole(AriaRole.Region, new() { Name = "2 Fehler – es wurde nichts gespeichert" });
        await Expect(result).ToContainTextAsync("„31.02.2025“ ist kein Datum");
        await Expect(result).ToContainTextAsync("„XYZ“");
        Assert.Equal(0, App.Scalar<int>("SELECT COUNT(*) FROM persons WHERE family_name = 'Neu'"));
        await admin.AssertAccessibleAsync("Import mit Fehlerliste");
        await admin.GetByLabel("oder Zeilen hier einfügen").FillAsync("Bert Neu;GfK;WiA;beratend;01.08.2024;");
        await admin.Button("Importieren").ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("1 Zeilen importiert: 1 neue Personen, 2 Mitgliedschaften.");
        Assert.Equal(2, App.Scalar<int>("SELECT COUNT(*) FROM memberships m JOIN persons p ON p.id = m.person_id WHERE p.family_name = 'Neu'"));
    });
}

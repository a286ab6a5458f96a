using Microsoft.Playwright;
using Vorlagen.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Vorlagen.Browser.Tests;

/// <summary>Gremien and users through the administration pages, and what a new account can then do.</summary>
public sealed class AdministrationTests(BrowserApp app) : BrowserTest(app), IClassFixture<BrowserApp>
{
    private const string Password = "Jugendhilfe-2021!";

    [Fact]
    public Task An_admin_sets_up_a_gremium_and_its_chair() => Scenario(nameof(An_admin_sets_up_a_gremium_and_its_chair), async () =>
    {
        var admin = await OpenAsync("admin");
        await admin.GotoAsync("/verwaltung/gremien");
        await admin.GetByLabel("Landkreis", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Kyffhäuserkreis" });
        await admin.Button("Anzeigen").ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "Neues Gremium" }).ClickAsync();
        await admin.Button("Speichern").ClickAsync();
        var summary = admin.Locator(".error-summary");
        await Expect(summary).ToContainTextAsync("Bitte geben Sie den Namen des Gremiums an.");
        await Expect(summary).ToContainTextAsync("Bitte wählen Sie die Art des Gremiums."); // no internal codes (review M4)
        await Expect(summary).Not.ToContainTextAsync("kreistag, kreisausschuss");
        await admin.GetByLabel("Name", new() { Exact = true }).FillAsync("Jugendhilfeausschuss");
        await admin.GetByLabel("Kurzbezeichnung").FillAsync("JHA");
        await admin.GetByLabel("Art").SelectOptionAsync(new SelectOptionValue { Label = "beschließender Ausschuss" });
        await admin.GetByLabel("Sitze (einschließlich stimmberechtigtem Vorsitz)").FillAsync("15");
        await admin.Button("Speichern").ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Das Gremium „Jugendhilfeausschuss“ wurde angelegt.");
        var jha = App.Scalar<long>("SELECT o.id FROM organizations o JOIN bodies b ON b.id = o.body_id WHERE b.body_key = 'kyffhaeuserkreis' AND o.name = 'Jugendhilfeausschuss'");
        Assert.Equal(15, App.Scalar<int>("SELECT seats FROM organizations WHERE id = @jha", new { jha }));

        await admin.GetByRole(AriaRole.Link, new() { Name = "Benutzer", Exact = true }).ClickAsync();
        await admin.GetByLabel("Landkreis", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Kyffhäuserkreis" });
        await admin.Button("Anzeigen").ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "Neuer Benutzer" }).ClickAsync();
        await admin.GetByLabel("Benutzername").FillAsync("kyf.jha.vorsitz");
        await admin.GetByLabel("Angezeigter Name").FillAsync("Vorsitz Jugendhilfeausschuss");
        await admin.GetByLabel("Erstes Passwort").FillAsync("kurz");
        await admin.Button("Speichern").ClickAsync();
        await Expect(summary).ToContainTextAsync("mindestens 12 Zeichen");
        await Expect(admin.GetByLabel("Erstes Passwort")).ToHaveValueAsync("");
        await admin.GetByLabel("Erstes Passwort").FillAsync(Password);
        await admin.Button("Speichern").ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Der Benutzer kyf.jha.vorsitz wurde angelegt.");
        var userId = App.Scalar<long>("SELECT id FROM users WHERE username = 'kyf.jha.vorsitz'");
        Assert.Equal(0, App.Scalar<int>("SELECT COUNT(*) FROM user_roles WHERE user_id = @userId", new { userId }));

        // The chair's rights come from the Vorsitz membership of the person linked to the account.
        await admin.GetByRole(AriaRole.Link, new() { Name = "Personen", Exact = true }).ClickAsync();
        await admin.GetByLabel("Landkreis", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Kyffhäuserkreis" });
        await admin.Button("Anzeigen").ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "Neue Person" }).ClickAsync();
        await admin.Button("Speichern").ClickAsync();
        await Expect(summary).ToContainTextAsync("Bitte geben Sie den Familiennamen an.");
        await admin.GetByLabel("Vorname").FillAsync("Jana");
        await admin.GetByLabel("Familienname").FillAsync("Jugendwart");
        await admin.GetByLabel("Geschlecht").SelectOptionAsync(new SelectOptionValue { Label = "weiblich" });
        await admin.GetByLabel("Benutzerkonto").SelectOptionAsync(new SelectOptionValue { Label = "Vorsitz Jugendhilfeausschuss (kyf.jha.vorsitz)" });
        await admin.Button("Speichern").ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Die Person „Jana Jugendwart“ wurde angelegt.");
        await admin.GetByLabel("Gremium oder Fraktion").SelectOptionAsync(new SelectOptionValue { Label = "Jugendhilfeausschuss (beschließender Ausschuss)" });
        await admin.GetByLabel("Rolle").SelectOptionAsync(new SelectOptionValue { Label = "Vorsitz" });
        await admin.GetByLabel("Beginn").FillAsync("2019-01-01");
        await admin.Button("Mitgliedschaft eintragen").ClickAsync();
        await Expect(summary).ToContainTextAsync("außerhalb der Wahlperiode");
        await admin.GetByLabel("Beginn").FillAsync("2024-07-01");
        await admin.Button("Mitgliedschaft eintragen").ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Mitgliedschaft in „Jugendhilfeausschuss“ eingetragen.");
        await Expect(admin.MainRegion()).ToContainTextAsync("Mitgliedschaft angelegt: Vorsitz in „Jugendhilfeausschuss“");
        Assert.Equal("vorsitz", App.Scalar<string>("SELECT m.role FROM memberships m JOIN persons p ON p.id = m.person_id WHERE p.user_id = @userId AND m.organization_id = @jha", new { userId, jha }));

        // The new chair signs in; a clerk may not open the administration.
        var chair = await OpenAsync(null);
        await Ui.SignInAsync(chair, "kyf.jha.vorsitz", Password);
        await Expect(chair.GetByRole(AriaRole.Banner)).ToContainTextAsync("Vorsitz Jugendhilfeausschuss");
        await Expect(chair.MainRegion()).ToContainTextAsync("Zurzeit wartet nichts auf Sie.");
        await Expect(chair.GetByRole(AriaRole.Region, new() { Name = "Meine Gremien" })).ToContainTextAsync("Jugendhilfeausschuss");
        await Expect(chair.GetByRole(AriaRole.Region, new() { Name = "Meine Gremien" })).ToContainTextAsync("Vorsitzende");
        var clerk = await OpenAsync("kyf.clerk");
        Assert.Equal(403, (await clerk.GotoAsync("/verwaltung/benutzer"))!.Status);
        Assert.Equal(403, (await clerk.GotoAsync($"/verwaltung/gremien/{jha}"))!.Status);

        // Reset the password, then deactivate: the old password and then the account stop working.
        await admin.GotoAsync($"/verwaltung/benutzer/{userId}");
        await admin.GetByLabel("Neues Passwort").FillAsync("Neues-Passwort-2021");
        await admin.Button("Passwort setzen").ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("wurde neu gesetzt");
        await admin.GetByLabel("Aktiv (deaktivierte Benutzer können sich nicht anmelden)").UncheckAsync();
        await admin.Button("Speichern").ClickAsync();
        await Expect(admin.MainRegion()).ToContainTextAsync("deaktiviert");
        var again = await OpenAsync(null);
        await again.GotoAsync("/anmelden");
        await again.GetByLabel("Benutzername").FillAsync("kyf.jha.vorsitz");
        await again.GetByLabel("Passwort").FillAsync("Neues-Passwort-2021");
        await again.Button("Anmelden").ClickAsync();
        await Expect(again.Locator(".error-summary")).ToContainTextAsync("Benutzername oder Passwort ist falsch.");
    });
}

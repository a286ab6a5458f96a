using Microsoft.Playwright;
using Vorlagen.Api.Features.Documents;
using Vorlagen.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Vorlagen.Browser.Tests;

/// <summary>The office attaches Anlagen on the Vorlage page; everyone downloads what they may see; the public sees only public files.</summary>
public sealed class AnlagenTests(BrowserApp app) : BrowserTest(app), IClassFixture<BrowserApp>
{
    private readonly PaperSetup _papers = new(app);

    private static byte[] Pdf(string title, string text)
    {
        var pdf = new PdfDocumentBuilder(title, "Test", title);
        pdf.Heading1(title);
        pdf.Paragraph(text);
        return pdf.Build();
    }

    [Fact]
    public Task The_clerk_uploads_and_replaces_Anlagen_and_the_public_sees_only_the_public_one() => Scenario(nameof(The_clerk_uploads_and_replaces_Anlagen_and_the_public_sees_only_the_public_one), async () =>
    {
        var id = await _papers.InDeliberationAsync(_papers.Paper("2021/7/501"));
        var konzept = Pdf("Integrationskonzept", "Grundsätze für Teilhabe und Maßnahmen.");
        var clerk = await OpenAsync("kyf.clerk");
        await clerk.GotoAsync($"/vorlagen/{id}");
        var upload = clerk.Locator("form", new() { HasText = "Anlage hochladen" });

        // A file that is no document is refused with a German message, and nothing is listed.
        await upload.GetByLabel("Titel der Anlage").FillAsync("Skript");
        await upload.GetByLabel("Datei").SetInputFilesAsync(new FilePayload { Name = "skript.pdf", MimeType = "application/pdf", Buffer = "<html></html>"u8.ToArray() });
        await upload.GetByRole(AriaRole.Button, new() { Name = "Anlage hochladen" }).ClickAsync();
        await Expect(clerk.Locator(".error-summary")).ToContainTextAsync("Dieser Dateityp wird nicht angenommen");
        Assert.Equal(0, App.Scalar<int>("SELECT COUNT(*) FROM files WHERE owner_id = @id", new { id }));

        upload = clerk.Locator("form", new() { HasText = "Anlage hochladen" });
        await upload.GetByLabel("Titel der Anlage").FillAsync("Integrationskonzept");
        await upload.GetByLabel("Datei").SetInputFilesAsync(new FilePayload { Name = "Integrationskonzept.pdf", MimeType = "application/pdf", Buffer = konzept });
        await upload.GetByRole(AriaRole.Button, new() { Name = "Anlage hochladen" }).ClickAsync();
        await clerk.ArrivedAtAsync(url => url.Contains($"/vorlagen/{id}#anlagen", StringComparison.Ordinal));
        await Expect(clerk.MainRegion()).ToContainTextAsync("Anlage 1 „Integrationskonzept“ wurde hochgeladen.");

        upload = clerk.Locator("form", new() { HasText = "Anlage hochladen" });
        await upload.GetByLabel("Titel der Anlage").FillAsync("Kaufvertrag");
        await upload.GetByLabel("Datei").SetInputFilesAsync(new FilePayload { Name = "Kaufvertrag.pdf", MimeType = "application/pdf", Buffer = Pdf("Kaufvertrag", "Preis") });
        await upload.GetByRole(AriaRole.Checkbox).UncheckAsync();
        await upload.GetByRole(AriaRole.Button, new() { Name = "Anlage hochladen" }).ClickAsync();
        await Expect(clerk.MainRegion()).ToContainTextAsync("Anlage 2 „Kaufvertrag“ wurde hochgeladen.");
        var table = clerk.Locator("table.anlagen");
        await Expect(table).ToContainTextAsync("Integrationskonzept.pdf");
        await Expect(table).ToContainTextAsync("nichtöffentlich");
        await clerk.AssertAccessibleAsync("Vorlage mit Anlagen");

        var download = await clerk.RunAndWaitForDownloadAsync(() => clerk.GetByRole(AriaRole.Link, new() { Name = "Anlage 1 herunterladen" }).ClickAsync());
        Assert.Equal("Integrationskonzept.pdf", download.SuggestedFilename);
        Assert.Equal(konzept, await File.ReadAllBytesAsync(await download.PathAsync()));

        // Replacing keeps the first version in the list.
        var replace = clerk.Locator("form", new() { HasText = "Anlage 1 ersetzen" });
        await replace.GetByLabel("Neue Version").SetInputFilesAsync(new FilePayload { Name = "Integrationskonzept-2.pdf", MimeType = "application/pdf",
            Buffer = Pdf("Integrationskonzept", "Überarbeitete Fassung.") });
        await replace.GetByRole(AriaRole.Button, new() { Name = "Neue Version hochladen" }).ClickAsync();
        await Expect(clerk.MainRegion()).ToContainTextAsync("Anlage 1 „Integrationskonzept“ wurde ersetzt");
        await clerk.GetByText("Frühere Versionen von Anlage 1 (1)").ClickAsync();
        await Expect(clerk.Locator("details", new() { HasText = "Frühere Versionen von Anlage 1" })).ToContainTextAsync("Integrationskonzept.pdf");

        var visitor = await OpenAsync(null);
        await visitor.GotoAsync($"/vorlagen/{id}");
        var publicTable = visitor.Locator("table.anlagen");
        await Expect(publicTable).ToContainTextAsync("Integrationskonzept");
        await Expect(publicTable).Not.ToContainTextAsync("Kaufvertrag");
        await Expect(visitor.Locator("form", new() { HasText = "Anlage hochladen" })).ToHaveCountAsync(0);
        var publicDownload = await visitor.RunAndWaitForDownloadAsync(() => visitor.GetByRole(AriaRole.Link, new() { Name = "Anlage 1 herunterladen" }).ClickAsync());
        Assert.Equal("Integrationskonzept-2.pdf", publicDownload.SuggestedFilename);
        var hidden = App.Scalar<long>("SELECT id FROM files WHERE owner_id = @id AND number = 2", new { id });
        Assert.Equal(404, (await visitor.GotoAsync($"/dateien/{hidden}"))!.Status);
    });
}

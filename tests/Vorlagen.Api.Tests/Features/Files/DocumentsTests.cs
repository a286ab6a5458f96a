using System.Net;
using System.Net.Http.Json;
using UglyToad.PdfPig;
using Vorlagen.Api.Features.Documents;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Features.Files;

/// <summary>
/// Seed 001 (Erzgebirgskreis 0640) with the document it adopts, "das als Anlage 1 der Beschlussvorlage beigefügte
/// Integrationskonzept", and the Vorlage as PDF — read back with PdfPig, umlauts and ß included.
/// </summary>
public sealed class DocumentsTests(VorlagenApp app) : IClassFixture<VorlagenApp>
{
    private readonly PaperApi _api = new(app);

    private const string AnlageText =
        "Das zweite, überarbeitete Integrationskonzept Erzgebirgskreis versteht sich als Rahmenkonzept. Maßgabe: „Wenig, aber das Wichtige zu regeln“.";

    [Fact]
    public async Task Seed_0640_carries_its_Anlage_1_whose_text_is_stored_and_the_Vorlage_PDF_reads_like_the_print_view()
    {
        var clerk = await app.ClientFor("erz.clerk");
        var landrat = await app.ClientFor("erz.landrat");
        var paper = await _api.CreateAsync(clerk, new
        {
            bodyId = app.BodyId("erzgebirgskreis"), reference = "0640", title = "Fortschreibung des Integrationskonzeptes Erzgebirgskreis",
            date = "2021-11-23", originator = "Abteilung 2",
            legalBasis = "Zuwanderungs- und Integrationskonzept II des Freistaates Sachsen (ZIK II)",
            consultedWith = "Akteuren der Sozialen Betreuung, Vertretern von Kommunen, Einrichtungen und Institutionen",
            proposal = "Der Kreistag des Erzgebirgskreises beschließt das als Anlage 1 der Beschlussvorlage beigefügte Integrationskonzept und setzt dieses zum 01.01.2022 in Kraft.",
            reasoning = "Mit Beschlussfassung des Kreistages am 7. Juni 2017 wurde zum 1. Juli 2017 das Integrationskonzept Erzgebirgskreis in Kraft gesetzt.",
            effectiveDate = "2022-01-01", financialImpact = new { impact = "Keine finanziellen Auswirkungen." },
            consultations = new object[]
            {
                new { organizationId = app.OrganizationId("erzgebirgskreis", PaperApi.ErzAusschuss), role = "vorberatend", @public = false, plannedDate = "2021-11-22" },
                new { organizationId = app.OrganizationId("erzgebirgskreis", "Kreistag"), role = "beschliessend", @public = true, plannedDate = "2021-12-08" },
            },
        });
        var id = PaperApi.Id(paper);
        var anlage = TestFiles.Pdf("Integrationskonzept Erzgebirgskreis", AnlageText, "Handlungsfelder: Sprache, Bildung, Arbeit, Wohnen, Gesundheit.");
        var file = await TestFiles.UploadAsync(clerk, id, anlage, "Integrationskonzept_Erzgebirgskreis.pdf", "Integrationskonzept Erzgebirgskreis");
        Assert.Equal("Anlage 1", file.GetProperty("label").GetString());

        // The extracted text waits for the search index.
        var stored = app.Scalar<string>("SELECT c.extracted_text FROM file_contents c JOIN file_versions v ON v.sha256 = c.sha256 WHERE v.file_id = @id",
            new { id = file.GetProperty("id").GetInt64() });
        Assert.Contains("Integrationskonzept Erzgebirgskreis", stored);
        Assert.Contains(AnlageText, Normalize(stored)); // the PDF wraps the paragraph into lines
        Assert.Equal("extracted", app.Scalar<string>("SELECT text_status FROM file_contents WHERE sha256 = @sha",
            new { sha = file.GetProperty("sha256").GetString() }));

        await _api.ActAsync(clerk, id, "submit");
        paper = await _api.ActAsync(landrat, id, "release");
        paper = await _api.RecordAsync(await app.ClientFor("erz.chair.soziales"), id, PaperApi.ConsultationId(paper, 1),
            new { date = "2021-11-22", outcome = "recommended", votes = new { entitled = 12, yes = 11, no = 0, abstain = 1, recused = 0 } });
        await _api.RecordAsync(landrat, id, PaperApi.ConsultationId(paper, 2),
            new { date = "2021-12-08", outcome = "adopted", votes = new { entitled = 80, yes = 70, no = 6, abstain = 4, recused = 0 } });
        await _api.ActAsync(landrat, id, "sign", new { date = "2021-12-09" });

        var response = await app.CreateClient().GetAsync($"/vorlagen/{id}/pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Beschlussvorlage-0640.pdf", response.Content.Headers.ContentDisposition?.FileNameStar);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = Normalize(string.Join("\n", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text)))));
        foreach (var expected in new[]
                 {
                     "Beschlussvorlage", "Vorlagen-Nr.: 0640", "Datum: 23.11.2021", "Einreicher: Abteilung 2", "Fortschreibung des Integrationskonzeptes Erzgebirgskreis",
                     "Abstimmungsergebnis", "Stimmberechtigte", "80 70 6 4 0",
                     "Ja: 70 Nein: 6 Enth: 4 Bef: 0",
                     "Welche finanziellen Auswirkungen/ Produktsachkonto", "Keine finanziellen Auswirkungen.", "Beschluss: Der Kreistag des Erzgebirgskreises beschließt das als Anlage 1",
                     "Kreistag, Sitzung am 08.12.2021: beschlossen", "Ausgefertigt am: 09.12.2021",
                     "Anlage 1: Integrationskonzept Erzgebirgskreis (PDF,", "Seite 1 von",
                 })
            Assert.True(text.Contains(Normalize(expected), StringComparison.Ordinal), $"„{expected}“ fehlt in: {text}");
        // Table cells wrap and PdfPig reads a table line by line across its cells: the Gremium's words come in order.
        Assert.True(InOrder(text, "Ausschuss für Familie, Bildung, Gesundheit und Soziales"), text);
        Assert.True(InOrder(text, "nichtöffentlich, vorberatend Kreistag 08.12.2021 öffentlich, beschließend"), text);
        // The public sees the non-public Ausschuss only as "nichtöffentlich": its tally is not in the public PDF.
        Assert.DoesNotContain("Enth: 1", text);
        Assert.Contains("Integrationskonzept", pdf.Information.Title);

        // The office's PDF of the same paper shows the Ausschuss tally.
        using var office = PdfDocument.Open(await (await clerk.GetAsync($"/vorlagen/{id}/pdf")).Content.ReadAsByteArrayAsync());
        Assert.Contains("Enth: 1", string.Join(" ", office.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)));
    }

    [Fact]
    public async Task An_Anfrage_PDF_is_headed_and_named_by_its_type_and_shows_its_questions_but_no_Beratungsfolge()
    {
        var clerk = await app.ClientFor("erz.clerk");
        var created = await clerk.PostAsJsonAsync("/api/papers", PaperTypes.AnfrageTests.Seed003(app.BodyId("erzgebirgskreis"), "A-2015/PDF"));
        var id = (await created.ReadJson()).GetProperty("id").GetInt64();

        var response = await clerk.GetAsync($"/vorlagen/{id}/pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Anfrage-A-2015-PDF.pdf", response.Content.Headers.ContentDisposition?.FileNameStar);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = Normalize(string.Join("\n", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text)))));
        foreach (var expected in new[] { "Anfrage", "Vorlagen-Nr.: A-2015/PDF", "Integration von Ausländern", PaperTypes.AnfrageTests.Question2 })
            Assert.True(text.Contains(Normalize(expected), StringComparison.Ordinal), $"„{expected}“ fehlt in: {text}");
        foreach (var absent in new[] { "Beschlussvorlage", "Beratungsfolge", "Abstimmungsergebnis", "Beschlussvorschlag", "Finanzielle Auswirkungen" })
            Assert.DoesNotContain(absent, text);
    }

    [Fact]
    public async Task An_invisible_paper_has_no_PDF()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var draft = PaperApi.Id(await _api.CreateAsync(clerk, PaperApi.KyffhaeuserPaper(app.BodyId("kyffhaeuserkreis"), "2021/7/801")));
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/vorlagen/{draft}/pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/vorlagen/999999/pdf")).StatusCode);
        var own = await clerk.GetAsync($"/vorlagen/{draft}/pdf");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        using var pdf = PdfDocument.Open(await own.Content.ReadAsByteArrayAsync());
        var words = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.Contains("ENTWURF", words);
        Assert.Contains("Kyffhäuserkreis", words);
    }

    [Fact]
    public void The_document_layer_breaks_pages_and_writes_bookmarks_a_table_of_contents_and_appended_PDFs()
    {
        var builder = new PdfDocumentBuilder("Sitzungsmappe", "Test", "Sitzungsmappe Kreistag");
        builder.Heading1("Einladung");
        builder.Paragraph("Grüße aus Sondershausen: Äpfel, Öl, Übermaß und Straße.");
        builder.Heading1("Tagesordnung");
        builder.Table([new("TOP", 1), new("Gegenstand", 6)],
            Enumerable.Range(1, 80).Select(i => (IReadOnlyList<string>)[$"{i}", $"Beratung über die Vorlage Nr. {i} mit einem längeren Gegenstand, der umbrechen muss"]));
        builder.PageBreak();
        builder.Heading1("Niederschrift");
        builder.Paragraph(string.Join(" ", Enumerable.Repeat("Wort", 2000)));
        builder.AppendPdf(new MemoryStream(TestFiles.Pdf("Anlage zur Vorlage", "Inhalt der Anlage")), "Anlage 1: Konzept");
        var bytes = builder.Build("Inhalt");

        using var pdf = PdfDocument.Open(bytes);
        Assert.True(pdf.NumberOfPages >= 6, $"{pdf.NumberOfPages} Seiten");
        var first = string.Join(" ", pdf.GetPage(1).GetWords().Select(w => w.Text));
        foreach (var entry in new[] { "Inhalt", "Einladung", "Tagesordnung", "Niederschrift", "Anlage" }) Assert.Contains(entry, first);
        Assert.True(pdf.TryGetBookmarks(out var bookmarks));
        Assert.Equal(["Inhalt", "Einladung", "Tagesordnung", "Niederschrift", "Anlage 1: Konzept"], bookmarks.Roots.Select(b => b.Title));
        var all = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.Contains("Äpfel, Öl, Übermaß und Straße.", all);
        Assert.Contains("80", all);
        Assert.Contains("Inhalt der Anlage", string.Join(" ", pdf.GetPage(pdf.NumberOfPages).GetWords().Select(w => w.Text)));
        Assert.Contains($"Seite 2 von {pdf.NumberOfPages}", all);
    }

    private static bool InOrder(string text, string phrase)
    {
        var words = text.Split(' ');
        var at = 0;
        foreach (var word in phrase.Split(' '))
        {
            while (at < words.Length && words[at] != word) at++;
            if (at++ >= words.Length) return false;
        }
        return true;
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
}

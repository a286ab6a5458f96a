using System.Net;
using System.Net.Http.Json;
using UglyToad.PdfPig;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Features.Meetings;

/// <summary>
/// The Sitzungsmappe (/sitzungen/{id}/mappe): one PDF with Einladung, Tagesordnung, each paper and its PDF Anlagen, bookmarks and a
/// table of contents; the public gets only the published meeting's public part, and nothing of a non-public paper or Anlage.
/// </summary>
public sealed class MeetingFolderTests(MailApp app) : IClassFixture<MailApp>
{
    private readonly PaperApi _papers = new(app);
    private long Ausschuss => app.OrganizationId("kyffhaeuserkreis", PaperApi.KyfAusschuss);
    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime);

    private static string Words(PdfDocument pdf) => string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));

    [Fact]
    public async Task The_Sitzungsmappe_holds_invitation_agenda_papers_and_Anlagen_and_the_public_gets_only_the_public_part()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var landraetin = await app.ClientFor("kyf.landraetin");
        var (open, openPaper) = await _papers.InDeliberationAsync("2021/7/MAPPE1");
        await TestFiles.UploadAsync(clerk, open, TestFiles.Pdf("Konzept", "MAPPE-ANLAGE-OEFFENTLICH"), "konzept.pdf", "Integrationskonzept");
        await TestFiles.UploadAsync(clerk, open, TestFiles.Docx("Tabelle"), "tabelle.docx", "Kostentabelle");
        var secret = PaperApi.Id(await _papers.CreateAsync(clerk, new
        {
            bodyId = app.BodyId("kyffhaeuserkreis"), reference = "2021/7/MAPPE2", title = "MAPPE-GEHEIM Grundstücksangelegenheit", originator = "Die Landrätin",
            proposal = "Der Kreistag stimmt dem Verkauf zu.", reasoning = "Vertraulich.", @public = false,
        }));
        await _papers.ActAsync(clerk, secret, "submit");
        var secretReleased = await _papers.ActAsync(landraetin, secret, "release");

        var date = Today.AddDays(14);
        var created = await clerk.PostAsJsonAsync("/api/meetings", new { organizationId = Ausschuss, number = "ASFG/M/1", date = date.ToString("yyyy-MM-dd"), startTime = "16:00", room = "Raum 112" });
        var id = (await created.ReadJson()).GetProperty("id").GetInt64();
        foreach (var body in new object[] { new { templateKey = "eroeffnung" }, new { consultationId = PaperApi.ConsultationId(openPaper, 1) },
                     new { consultationId = PaperApi.ConsultationId(secretReleased, 1) } })
            Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsJsonAsync($"/api/meetings/{id}/agenda-items", body)).StatusCode);

        // Not published yet: the public gets nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/sitzungen/{id}/mappe")).StatusCode);

        var office = await clerk.GetAsync($"/sitzungen/{id}/mappe");
        Assert.Equal(HttpStatusCode.OK, office.StatusCode);
        Assert.Equal("application/pdf", office.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Sitzungsmappe-ASFG-M-1.pdf", office.Content.Headers.ContentDisposition?.FileNameStar);
        using (var pdf = PdfDocument.Open(await office.Content.ReadAsByteArrayAsync()))
        {
            Assert.True(pdf.TryGetBookmarks(out var bookmarks));
            var titles = bookmarks.Roots.Select(b => b.Title).ToList();
            Assert.Equal(["Inhalt", "Einladung", "Tagesordnung", "Ö 2: 2021/7/MAPPE1", "Ö 2: Anlage 1: Integrationskonzept", "N 1: 2021/7/MAPPE2",
                "Weitere Anlagen (nicht als PDF)"], titles);
            var words = Words(pdf);
            foreach (var expected in new[] { "MAPPE-ANLAGE-OEFFENTLICH", "MAPPE-GEHEIM", "Anlage 2: Kostentabelle", "ASFG/M/1" }) Assert.Contains(expected, words);
        }

        var invitation = await clerk.GetAsync($"/sitzungen/{id}/einladung.pdf");
        Assert.Equal("Einladung-ASFG-M-1.pdf", invitation.Content.Headers.ContentDisposition?.FileNameStar);
        using (var pdf = PdfDocument.Open(await invitation.Content.ReadAsByteArrayAsync()))
        {
            var words = Words(pdf);
            foreach (var expected in new[] { "Einladung", "Tagesordnung", "ASFG/M/1", "Raum 112", "16:00 Uhr", "Ö 2", "2021/7/MAPPE1", "N 1" }) Assert.Contains(expected, words);
            Assert.DoesNotContain("MAPPE-ANLAGE-OEFFENTLICH", words);
        }

        Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsJsonAsync($"/api/meetings/{id}/invitations", new { })).StatusCode);
        var anonymous = await app.CreateClient().GetAsync($"/sitzungen/{id}/mappe");
        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
        using (var pdf = PdfDocument.Open(await anonymous.Content.ReadAsByteArrayAsync()))
        {
            Assert.True(pdf.TryGetBookmarks(out var bookmarks));
            Assert.DoesNotContain(bookmarks.Roots, b => b.Title.Contains("MAPPE2", StringComparison.Ordinal));
            var words = Words(pdf);
            Assert.Contains("MAPPE-ANLAGE-OEFFENTLICH", words);
            Assert.DoesNotContain("MAPPE-GEHEIM", words);
            Assert.DoesNotContain("2021/7/MAPPE2", words);
        }
    }
}

using Vorlagen.Api.Features.Meetings;
using Vorlagen.Api.Pages.Shared;

namespace Vorlagen.Api.Features.Documents;

/// <summary>
/// The Sitzungsmappe: one PDF with the Einladung, the Tagesordnung and, per item in agenda order, the paper (as its own PDF) and its
/// Anlagen — a table of contents on the first page and a bookmark per part. Built only from what the caller may see: the meeting as
/// <see cref="MeetingDto"/> (the non-public part reduced for the public) and the papers and Anlagen the caller may open.
/// </summary>
public static class MeetingFolderPdf
{
    /// <param name="Paper">the paper's PDF (<see cref="PaperPdf"/>); null when the caller may not see it.</param>
    /// <param name="Anlagen">each visible Anlage: its bookmark title and, for a PDF, a way to open it (other formats are only listed).</param>
    public sealed record Item(AgendaItemDto AgendaItem, byte[]? Paper, IReadOnlyList<(string Title, Func<Stream>? OpenPdf)> Anlagen);

    /// <summary>The Einladung alone (with its Tagesordnung), as the print view /sitzungen/{id}/einladung lays it out.</summary>
    public static byte[] RenderInvitation(MeetingDto meeting, string bodyName, string? chair, string? fontFolder = null)
    {
        var title = $"Einladung {meeting.OrganizationName} {Format.Date(meeting.Date)}";
        var pdf = new PdfDocumentBuilder(title, bodyName, $"{title} · {bodyName}", fontFolder);
        WriteInvitation(pdf, meeting, bodyName, chair);
        return pdf.Build();
    }

    public static byte[] Render(MeetingDto meeting, string bodyName, string? chair, IReadOnlyList<Item> items, string? fontFolder = null)
    {
        var title = $"Sitzungsmappe {meeting.OrganizationName} {Format.Date(meeting.Date)}";
        var pdf = new PdfDocumentBuilder(title, bodyName, $"{title} · {bodyName}", fontFolder);
        WriteInvitation(pdf, meeting, bodyName, chair);
        var listed = new List<string>();
        foreach (var item in items)
        {
            if (item.Paper is { } paper)
                pdf.AppendPdf(new MemoryStream(paper), $"{item.AgendaItem.Number}: {item.AgendaItem.PaperReference ?? item.AgendaItem.Title}");
            foreach (var (anlage, open) in item.Anlagen)
            {
                var name = $"{item.AgendaItem.Number}: {anlage}";
                if (open is null) listed.Add(name);
                else if (!TryAppend(pdf, open, name)) listed.Add($"{name} (PDF ließ sich nicht einbinden, z. B. verschlüsselt)");
            }
        }
        if (listed.Count > 0)
        {
            pdf.Heading1("Weitere Anlagen (nicht als PDF)");
            pdf.Paragraph("Diese Anlagen liegen in anderen Formaten vor und sind im Ratsinformationssystem bei der Vorlage abrufbar:");
            foreach (var line in listed) pdf.Paragraph(line);
        }
        return pdf.Build("Inhalt");
    }

    private static void WriteInvitation(PdfDocumentBuilder pdf, MeetingDto meeting, string bodyName, string? chair)
    {
        pdf.Heading1("Einladung");
        pdf.Paragraph(bodyName, pdf.Small);
        var facts = new List<(string, string)> { ("Gremium:", meeting.OrganizationName) };
        if (meeting.Number is not null) facts.Add(("Sitzung:", meeting.Number));
        facts.Add(("Termin:", InvitationText.DayText(meeting.Date) + (meeting.StartTime is null ? "" : $", {meeting.StartTime} Uhr")));
        var place = string.Join(", ", new[] { meeting.Room, meeting.Address }.Where(s => !string.IsNullOrWhiteSpace(s)));
        if (place.Length > 0) facts.Add(("Ort:", place));
        facts.Add(("Stand:", meeting.StatusLabel));
        pdf.Facts(facts);
        pdf.Paragraph("Zu der Sitzung lade ich Sie ein. Die Unterlagen zu den Tagesordnungspunkten sind im Ratsinformationssystem abrufbar.");
        if (chair is not null) pdf.Paragraph($"{chair}\nVorsitz");

        pdf.Heading1("Tagesordnung");
        pdf.Table([new("TOP", 1.2), new("Gegenstand", 6), new("Vorlage", 1.8)],
            meeting.AgendaItems.Select(i => (IReadOnlyList<string>)[i.Number ?? "", i.Title, i.PaperReference ?? ""]));
    }

    private static bool TryAppend(PdfDocumentBuilder pdf, Func<Stream> open, string bookmark)
    {
        try
        {
            using var stream = open();
            pdf.AppendPdf(stream, bookmark);
            return true;
        }
        catch (Exception e) when (e is PdfSharp.Pdf.IO.PdfReaderException or InvalidOperationException or NotSupportedException or IOException)
        {
            return false; // the Anlage was checked as PDF at upload; one PdfSharp cannot import (encrypted) is listed instead
        }
    }
}

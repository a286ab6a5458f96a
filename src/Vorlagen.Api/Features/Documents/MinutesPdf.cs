using Vorlagen.Api.Features.Meetings;
using Vorlagen.Api.Pages.Shared;

namespace Vorlagen.Api.Features.Documents;

/// <summary>
/// The Niederschrift as PDF with the content and order of the print view (Pages/Sitzungen/Niederschrift), built from the same
/// <see cref="MinutesDto"/> the caller may see, so a restricted caller's PDF has only the public part.
/// </summary>
public static class MinutesPdf
{
    public static byte[] Render(MinutesDto m, IReadOnlyList<(string Label, string? Name)> signatureLines, string? fontFolder = null)
    {
        var title = $"Niederschrift {m.OrganizationName} {Format.Date(m.Date)}";
        var pdf = new PdfDocumentBuilder(title, m.OrganizationName, title, fontFolder) { Watermark = m.State == MinutesStates.Draft ? "ENTWURF" : null };
        pdf.Heading1("Niederschrift");
        pdf.Paragraph($"über die {(m.Number is null ? "" : m.Number + " – ")}{(m.Restricted ? "öffentliche " : "")}Sitzung des Gremiums {m.OrganizationName}");
        pdf.Paragraph($"Stand: {m.StateLabel}" + (m.PublishedOn is { } p ? $", veröffentlicht am {Format.Date(p)}" : ""), pdf.Small);
        pdf.Facts([
            ("Datum:", InvitationText.DayText(m.Date)), ("Ort:", string.Join(", ", new[] { m.Room, m.Address }.Where(s => !string.IsNullOrWhiteSpace(s)))),
            ("Beginn:", m.StartTime is null ? "–" : m.StartTime + " Uhr"), ("Ende:", m.EndTime is null ? "–" : m.EndTime + " Uhr"),
            ("Vorsitz:", m.ChairName ?? "–"), ("Schriftführer/in:", m.SecretaryName ?? "–"), ("Anwesend:", m.PresentCount.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ]);
        if (m.Absent.Count > 0)
        {
            pdf.Heading2("Abwesend");
            foreach (var a in m.Absent) pdf.Paragraph($"{a.Name} – {a.StatusLabel}" + (a.Reason is null ? "" : ": " + a.Reason));
        }
        if (m.Present.Count > 0)
        {
            pdf.Heading2("Anwesend");
            pdf.Paragraph(string.Join(", ", m.Present.Select(p => p.DeputyFor is null ? p.Name : $"{p.Name} (in Vertretung für {p.DeputyFor})")));
        }
        foreach (var (isPublic, heading) in new[] { (true, "Öffentlicher Teil"), (false, "Nichtöffentlicher Teil") })
        {
            var items = m.Items.Where(i => i.Public == isPublic).ToList();
            if (items.Count == 0) continue;
            pdf.Heading2(heading, contents: true);
            foreach (var item in items)
            {
                pdf.Heading3($"{(item.Number is null ? "" : item.Number + " ")}{item.Title}{(item.PaperReference is null ? "" : $" (Vorlage {item.PaperReference})")}");
                if (item.Recused.Count > 0) pdf.Paragraph("Befangen (nicht mitgewirkt): " + string.Join(", ", item.Recused));
                if (item.Result is { } r)
                {
                    if (item.Motion is not null) pdf.Paragraph("Antrag: " + item.Motion);
                    pdf.Paragraph("Ergebnis: " + r.OutcomeLabel + (r.UnanimityText is null ? "" : ", " + r.UnanimityText)
                        + (r.Votes is { } v ? $" ({Format.Votes(v)}, anwesend und stimmberechtigt: {v.Entitled})" : ""));
                    if (r.Wording is not null)
                        pdf.Paragraph($"{(r.Outcome == "recommended" ? "Empfehlung" : "Beschluss")}{(r.DecisionNumber is null ? "" : " Nr. " + r.DecisionNumber)}: {r.Wording}");
                    if (r.AnnouncedOn is { } ann) pdf.Paragraph($"Bekanntgegeben am {Format.Date(ann)}.");
                }
                if (item.Election is { } e)
                {
                    pdf.Paragraph($"Wahl: {e.Office}" + (e.ElectedName is null ? "" : " – gewählt: " + e.ElectedName));
                    foreach (var round in e.Rounds)
                        pdf.Paragraph($"Wahlgang {round.Round}: anwesend und stimmberechtigt {round.EntitledPresent}, gültig {round.ValidBallots}, ungültig {round.InvalidBallots}; "
                            + string.Join(", ", round.Votes.Select(v => $"{v.Name} {v.Votes}")) + (round.DecidedByLot ? " – durch Los entschieden" : ""));
                }
                foreach (var s in item.Statements) pdf.Paragraph($"{(s.Kind == "vote" ? "Abstimmungsverhalten" : "Erklärung")} {s.PersonName}: {s.Text}");
            }
        }
        pdf.Heading2("Unterschriften", contents: true);
        pdf.Paragraph(m.SignatureRule.Citation + (m.SignatureRule.WordingVerified ? "" : " (Wortlaut nicht geprüft)")
            + (m.SignatureRule.ElectronicFormExcluded ? $"; die elektronische Form ist ausgeschlossen ({m.SignatureRule.ElectronicCitation})." : "."), pdf.Small);
        foreach (var (label, name) in signatureLines)
        {
            pdf.Space(24);
            pdf.Paragraph("……………………………………………");
            pdf.Paragraph($"{name}\n{label}".Trim());
        }
        return pdf.Build();
    }
}

using Vorlagen.Api.Features.Papers;
using Vorlagen.Api.Pages.Shared;

namespace Vorlagen.Api.Features.Documents;

/// <summary>
/// A paper as PDF, with the content and order of the print view (Pages/Vorlagen/Druck): head (the type's label), Beratungsfolge,
/// Gegenstand, legal basis, consulted, finance, the type's own fields, proposal or Beschluss, tally, reasoning, Ausfertigung —
/// each only where the paper's type has it; built from the same <see cref="PaperDto"/> the caller may see, so nothing hidden
/// from them reaches the PDF either.
/// </summary>
public static class PaperPdf
{
    /// <param name="Marking">"ENTWURF" or "ZURÜCKGEZOGEN" with its note, as the print view marks a paper that is not final.</param>
    /// <param name="Rehearings">consultations that are the renewed deliberation after a Widerspruch.</param>
    /// <param name="Anlagen">the Anlagen the caller may see, e.g. "Anlage 1: Integrationskonzept (PDF, 1,2 MB)".</param>
    /// <param name="OwnFields">the type's own fields with a value (label, text as displayed), e.g. an Anfrage's questions.</param>
    /// <param name="Has">whether the type has a core field (proposal, financialImpact, …) or a Beratungsfolge ("beratungsfolge").</param>
    public sealed record Input(PaperDto Paper, string BodyName, (string Mark, string Note)? Marking, string? ResolutionText, ConsultationDto? Decision,
        string PlaceAndDate, OfficeTitles.Signatory? Signatory, IReadOnlySet<long> Rehearings, IReadOnlyList<string> Anlagen, FinanceView Finance,
        IReadOnlyList<(string Label, string Text)> OwnFields, Func<string, bool> Has);

    public static byte[] Render(Input input, string? fontFolder = null)
    {
        var paper = input.Paper;
        var type = paper.PaperTypeLabel;
        var pdf = new PdfDocumentBuilder($"{type} {paper.Reference}: {paper.Title}", input.BodyName, $"{type} {paper.Reference} · {input.BodyName}", fontFolder)
        {
            Watermark = input.Marking?.Mark,
        };
        if (input.Marking is { } marking) pdf.Paragraph($"{marking.Mark} – {marking.Note} Status: {paper.StatusLabel}.", pdf.Strong);
        pdf.Paragraph(input.BodyName, pdf.Small);
        pdf.Heading1(type);
        pdf.Facts([
            ("Vorlagen-Nr.:", paper.Reference), ("Datum:", Format.Date(paper.Date)), ("Einreicher:", paper.Originator),
            ("Status:", $"{(paper.Public ? "öffentlich" : "nichtöffentlich")} · {paper.StatusLabel}"),
        ]);

        if (input.Has("beratungsfolge"))
            pdf.Table([new("Gremium", 3.5), new("Termin", 1.5), new("Beratungsstatus", 2.4), new("Abstimmungsergebnis", 3.4)],
                paper.Consultations.Select(c => (IReadOnlyList<string>)[c.OrganizationName, Format.Date(c.Result?.Date ?? c.PlannedDate),
                    $"{c.PublicLabel}, {c.RoleLabel}" + (input.Rehearings.Contains(c.Id) ? $"\n{PaperView.RehearingLabel}" : ""), Result(c)]),
                caption: "Beratungsfolge");

        Section(pdf, "Gegenstand", paper.Title);
        if (!string.IsNullOrWhiteSpace(paper.LegalBasis)) Section(pdf, "Rechtliche Grundlage", paper.LegalBasis);
        if (!string.IsNullOrWhiteSpace(paper.ConsultedWith)) Section(pdf, "Vorlage beraten mit", paper.ConsultedWith);
        if (input.Has("financialImpact"))
        {
            pdf.Heading2("Finanzielle Auswirkungen");
            Finance(pdf, input.Finance);
        }
        foreach (var (label, text) in input.OwnFields) Section(pdf, label, text, contents: true);
        if (input.Has("proposal") || input.ResolutionText is not null)
        {
            pdf.Heading2(input.ResolutionText is null ? "Beschlussvorschlag" : "Beschluss:", contents: true);
            pdf.Paragraph(input.ResolutionText ?? paper.Proposal);
        }
        if (paper.EffectiveDate is { } effective) pdf.Paragraph($"Inkrafttreten: {Format.Date(effective)}");

        var hidden = paper.Status == PaperStatuses.Decided;
        if (input.Has("beratungsfolge"))
        {
            pdf.Heading2("Abstimmungsergebnis");
            if (hidden) pdf.Paragraph("Ergebnis nichtöffentlich");
            else
            {
                if (input.Decision?.Result is { } decided)
                    pdf.Paragraph($"{input.Decision.OrganizationName}, Sitzung am {Format.Date(decided.Date)}: {decided.OutcomeLabel}" +
                        (decided.Unanimous == true ? ", einstimmig" : ""));
                var v = input.Decision?.Result?.Votes;
                pdf.Table([new("Stimmberechtigte", 1.5), new("dafür", 1), new("dagegen", 1), new("Enthaltungen", 1.3), new("befangen", 1)],
                    [v is null ? ["", "", "", "", ""] : [$"{v.Entitled}", $"{v.Yes}", $"{v.No}", $"{v.Abstain}", $"{v.Recused}"]]);
            }
        }
        if (!string.IsNullOrWhiteSpace(paper.Reasoning)) Section(pdf, "Begründung / Sachverhalt", paper.Reasoning, contents: true);

        if (input.Anlagen.Count > 0)
        {
            pdf.Heading2("Anlagen", contents: true);
            foreach (var anlage in input.Anlagen) pdf.Paragraph(anlage);
        }

        pdf.Space(12);
        if (hidden) pdf.Paragraph("Ergebnis nichtöffentlich");
        else
        {
            pdf.Paragraph(input.PlaceAndDate);
            if (paper.SignedDate is { } signed)
            {
                pdf.Paragraph($"Ausgefertigt am: {Format.Date(signed)}");
                if (input.Signatory is { } signatory)
                    pdf.Paragraph($"{signatory.Name}\n{signatory.Title ?? $"für den {input.BodyName}"}");
            }
            else
            {
                pdf.Paragraph("Ausgefertigt am: ____________________");
                pdf.Space(18);
                pdf.Paragraph("____________________\nUnterschrift");
            }
        }
        return pdf.Build();
    }

    private static void Section(PdfDocumentBuilder pdf, string heading, string? text, bool contents = false)
    {
        pdf.Heading2(heading, contents);
        pdf.Paragraph(text);
    }

    private static string Result(ConsultationDto c)
    {
        if (c.Result is { } result)
            return result.OutcomeLabel + (result.UnanimityText is { } unanimity ? ", " + unanimity : "") + (result.Votes is { } votes ? "\n" + Format.Votes(votes) : "");
        return c.Restricted && c.Status == "done" ? "nichtöffentlich" : "";
    }

    /// <summary>The body's finance block as the print view's _Finanzen partial lays it out (<see cref="FinanceView"/>).</summary>
    private static void Finance(PdfDocumentBuilder pdf, FinanceView finance)
    {
        foreach (var line in finance.PrintedLines)
        {
            if (line.Group is not null)
            {
                pdf.Paragraph(line.Number + line.Group);
                pdf.Paragraph(string.Join("\n", line.Fields.Select(f => $"{f.Label}: {finance.Value(f)}")), indent: 14);
            }
            else
            {
                var field = line.Fields[0];
                pdf.Paragraph(line.Number + (finance.RepeatsLabel(field) ? finance.Value(field) : $"{field.Label}: {finance.Value(field)}"));
            }
        }
        foreach (var (label, value) in finance.Others) pdf.Paragraph($"{label}: {value}");
    }
}

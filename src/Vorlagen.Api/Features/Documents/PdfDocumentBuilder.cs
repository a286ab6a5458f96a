using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Vorlagen.Api.Features.Documents;

/// <summary>
/// A small document layer over PDFsharp for the generated documents (Vorlage now; Einladung, Niederschrift and
/// Sitzungsmappe later): A4 pages that fill top to bottom with headings, wrapped paragraphs, tables (header repeated
/// on each page), page breaks and imported PDFs; headings become bookmarks and, if asked, a table of contents in front.
/// Each page gets a footer with "Seite n von m". Text is embedded as Unicode, so umlauts stay searchable and copyable.
/// </summary>
public sealed class PdfDocumentBuilder
{
    public sealed record Column(string Header, double Weight);

    private const double PageWidth = 595.28, PageHeight = 841.89; // A4 in points
    private const double Left = 70, Right = 57, Top = 57, Bottom = 64, Padding = 3;
    private const double ContentWidth = PageWidth - Left - Right;

    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);
    // Instance fields: fonts resolve through DocumentFonts, which the constructor installs first.
    public XFont Body { get; }
    public XFont Strong { get; }
    public XFont Small { get; }
    private readonly XFont[] Headings;
    private static readonly XPen Rule = new(XColors.Gray, 0.5);

    private sealed record Heading(string Title, int Level, PdfPage Page, bool InContents);

    private readonly PdfDocument _document = new();
    private readonly List<Heading> _headings = [];
    private readonly HashSet<PdfPage> _ownPages = [];
    private PdfPage? _page;
    private XGraphics? _graphics;
    private double _y;

    /// <param name="footer">left part of every page's footer, e.g. "Beschlussvorlage 2021/7/014 · Kyffhäuserkreis"</param>
    public PdfDocumentBuilder(string title, string author, string footer, string? fontFolder = null)
    {
        DocumentFonts.EnsureInstalled(fontFolder);
        Body = new XFont(DocumentFonts.Family, 10, XFontStyleEx.Regular, Unicode);
        Strong = new XFont(DocumentFonts.Family, 10, XFontStyleEx.Bold, Unicode);
        Small = new XFont(DocumentFonts.Family, 8, XFontStyleEx.Regular, Unicode);
        Headings =
        [
            new XFont(DocumentFonts.Family, 16, XFontStyleEx.Bold, Unicode),
            new XFont(DocumentFonts.Family, 12, XFontStyleEx.Bold, Unicode),
            new XFont(DocumentFonts.Family, 10.5, XFontStyleEx.Bold, Unicode),
        ];
        _document.Info.Title = title;
        _document.Info.Author = author;
        _document.Info.Creator = "Vorlagen";
        _document.PageLayout = PdfPageLayout.SinglePage;
        Footer = footer;
    }

    public string Footer { get; }

    /// <summary>Drawn diagonally across every own page, e.g. "ENTWURF".</summary>
    public string? Watermark { get; set; }

    public void Heading1(string text, bool contents = true) => AddHeading(text, 1, contents);
    public void Heading2(string text, bool contents = false) => AddHeading(text, 2, contents);
    public void Heading3(string text) => AddHeading(text, 3, contents: false);

    private void AddHeading(string text, int level, bool contents)
    {
        EnsurePage();
        var font = Headings[level - 1];
        var lines = Wrap(text, font, ContentWidth);
        Space(level == 1 ? 6 : 8);
        // A heading never stands alone at the foot of a page: keep room for it and two lines below.
        Ensure(lines.Count * LineHeight(font) + 2 * LineHeight(Body));
        _headings.Add(new Heading(text, level, _page!, contents));
        foreach (var line in lines) DrawLine(line, font, Left);
        Space(3);
    }

    /// <summary>Text with line breaks kept and long lines wrapped at spaces.</summary>
    public void Paragraph(string? text, XFont? font = null, double indent = 0)
    {
        font ??= Body;
        EnsurePage();
        foreach (var line in Wrap(text ?? "", font, ContentWidth - indent))
        {
            Ensure(LineHeight(font));
            DrawLine(line, font, Left + indent);
        }
        Space(4);
    }

    public void Space(double points)
    {
        EnsurePage();
        _y += points;
    }

    public void PageBreak() => NewPage();

    /// <summary>Rows of label and value, without lines: the head of a document.</summary>
    public void Facts(IEnumerable<(string Label, string Value)> facts, double labelWidth = 110)
    {
        foreach (var (label, value) in facts)
            DrawRow([label, value], [labelWidth, ContentWidth - labelWidth], [Strong, Body], borders: false, header: null);
        Space(6);
    }

    /// <summary>A table with a header row (repeated after a page break) and thin rules; a row may continue on the next page.</summary>
    public void Table(IReadOnlyList<Column> columns, IEnumerable<IReadOnlyList<string>> rows, string? caption = null)
    {
        var total = columns.Sum(c => c.Weight);
        var widths = columns.Select(c => ContentWidth * c.Weight / total).ToArray();
        if (caption is not null) Heading3(caption);
        var header = columns.Select(c => c.Header).ToArray();
        var bold = columns.Select(_ => Strong).ToArray();
        var regular = columns.Select(_ => Body).ToArray();
        var headerRow = (header, widths, bold);
        DrawRow(header, widths, bold, borders: true, header: null, shaded: true);
        foreach (var row in rows) DrawRow(row, widths, regular, borders: true, header: headerRow);
        Space(6);
    }

    /// <summary>Appends every page of a PDF (e.g. an Anlage) as it is, with a bookmark to its first page.</summary>
    public void AppendPdf(Stream pdf, string bookmark, bool contents = true)
    {
        using var imported = PdfReader.Open(pdf, PdfDocumentOpenMode.Import);
        PdfPage? first = null;
        foreach (var page in imported.Pages)
            first ??= _document.AddPage(page);
        if (first is not null) _headings.Add(new Heading(bookmark, 1, first, contents));
        FinishPage();
    }

    /// <summary>The finished document; with <paramref name="tableOfContents"/> the headings so marked are listed on pages in front.</summary>
    public byte[] Build(string? tableOfContents = null)
    {
        if (_document.PageCount == 0) EnsurePage();
        FinishPage();
        if (tableOfContents is not null) InsertContents(tableOfContents);
        AddBookmarks();
        var pages = _document.Pages.Cast<PdfPage>().ToList();
        for (var i = 0; i < pages.Count; i++)
        {
            if (!_ownPages.Contains(pages[i])) continue;
            using var graphics = XGraphics.FromPdfPage(pages[i], XGraphicsPdfPageOptions.Append);
            if (Watermark is { Length: > 0 } mark) DrawWatermark(graphics, mark);
            graphics.DrawLine(Rule, Left, PageHeight - Bottom + 14, PageWidth - Right, PageHeight - Bottom + 14);
            graphics.DrawString(Footer, Small, XBrushes.DimGray, new XPoint(Left, PageHeight - Bottom + 26));
            var number = $"Seite {i + 1} von {pages.Count}";
            graphics.DrawString(number, Small, XBrushes.DimGray, new XPoint(PageWidth - Right - graphics.MeasureString(number, Small).Width, PageHeight - Bottom + 26));
        }
        using var output = new MemoryStream();
        _document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private void InsertContents(string title)
    {
        var entries = _headings.Where(h => h.InContents).ToList();
        var perPage = (int)((PageHeight - Top - Bottom - 40) / LineHeight(Body));
        var count = Math.Max(1, (entries.Count + perPage - 1) / perPage);
        var contentsPages = Enumerable.Range(0, count).Select(i => _document.InsertPage(i)).ToList();
        var index = _document.Pages.Cast<PdfPage>().Select((page, i) => (page, i)).ToDictionary(p => p.page, p => p.i + 1);
        for (var p = 0; p < count; p++)
        {
            var page = contentsPages[p];
            page.Size = PageSize.A4;
            _ownPages.Add(page);
            using var graphics = XGraphics.FromPdfPage(page);
            var y = Top;
            if (p == 0)
            {
                graphics.DrawString(title, Headings[0], XBrushes.Black, new XPoint(Left, y + Headings[0].GetHeight()));
                y += 40;
                _headings.Insert(0, new Heading(title, 1, page, false));
            }
            foreach (var entry in entries.Skip(p * perPage).Take(perPage))
            {
                var target = index[entry.Page];
                var indent = entry.Level > 1 ? 14 : 0;
                var number = target.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var numberWidth = graphics.MeasureString(number, Body).Width;
                var text = Fit(graphics, entry.Title, Body, ContentWidth - indent - numberWidth - 20);
                var baseline = y + Body.GetHeight();
                graphics.DrawString(text, Body, XBrushes.Black, new XPoint(Left + indent, baseline));
                graphics.DrawString(number, Body, XBrushes.Black, new XPoint(PageWidth - Right - numberWidth, baseline));
                // A link over the whole line (PDF coordinates start at the bottom left).
                page.AddDocumentLink(new PdfRectangle(new XRect(Left, PageHeight - y - LineHeight(Body), ContentWidth, LineHeight(Body))), target);
                y += LineHeight(Body);
            }
        }
    }

    private void AddBookmarks()
    {
        PdfOutline? parent = null;
        foreach (var heading in _headings.Where(h => h.Level <= 2))
        {
            if (heading.Level == 1 || parent is null) parent = _document.Outlines.Add(heading.Title, heading.Page, true);
            else parent.Outlines.Add(heading.Title, heading.Page, false);
        }
    }

    private void DrawRow(IReadOnlyList<string> cells, double[] widths, XFont[] fonts, bool borders,
        (string[] Cells, double[] Widths, XFont[] Fonts)? header, bool shaded = false)
    {
        EnsurePage();
        var lines = cells.Select((text, i) => Wrap(text, fonts[i], widths[i] - 2 * Padding)).ToArray();
        var lineHeight = LineHeight(Body);
        var offset = 0;
        var total = lines.Max(l => l.Count);
        while (offset < total)
        {
            var room = (int)((PageHeight - Bottom - _y - 2 * Padding) / lineHeight);
            // Start a row on a new page rather than leave a single line of it behind (unless it is taller than any page).
            if (room < Math.Min(total - offset, 2))
            {
                NewPage();
                if (header is { } h) DrawRow(h.Cells, h.Widths, h.Fonts, borders: true, header: null, shaded: true);
                continue;
            }
            var take = Math.Min(room, total - offset);
            var height = take * lineHeight + 2 * Padding;
            var x = Left;
            for (var i = 0; i < cells.Count; i++)
            {
                var rect = new XRect(x, _y, widths[i], height);
                if (shaded) _graphics!.DrawRectangle(XBrushes.WhiteSmoke, rect);
                if (borders) _graphics!.DrawRectangle(Rule, rect);
                var y = _y + Padding;
                foreach (var line in lines[i].Skip(offset).Take(take))
                {
                    _graphics!.DrawString(line, fonts[i], XBrushes.Black, new XPoint(x + Padding, y + fonts[i].GetHeight() * 0.8));
                    y += lineHeight;
                }
                x += widths[i];
            }
            _y += height;
            offset += take;
        }
    }

    private void DrawLine(string line, XFont font, double x)
    {
        _graphics!.DrawString(line, font, XBrushes.Black, new XPoint(x, _y + font.GetHeight() * 0.8));
        _y += LineHeight(font);
    }

    private static double LineHeight(XFont font) => font.GetHeight() * 1.15;

    private void Ensure(double height)
    {
        EnsurePage();
        if (_y + height > PageHeight - Bottom) NewPage();
    }

    private void EnsurePage()
    {
        if (_graphics is null) NewPage();
    }

    private void NewPage()
    {
        FinishPage();
        _page = _document.AddPage();
        _page.Size = PageSize.A4;
        _ownPages.Add(_page);
        _graphics = XGraphics.FromPdfPage(_page);
        _y = Top;
    }

    private void FinishPage()
    {
        _graphics?.Dispose();
        _graphics = null;
    }

    private static void DrawWatermark(XGraphics graphics, string mark)
    {
        var font = new XFont(DocumentFonts.Family, 90, XFontStyleEx.Bold, Unicode);
        var state = graphics.Save();
        graphics.RotateAtTransform(-45, new XPoint(PageWidth / 2, PageHeight / 2));
        var size = graphics.MeasureString(mark, font);
        graphics.DrawString(mark, font, new XSolidBrush(XColor.FromArgb(38, 160, 0, 0)),
            new XPoint((PageWidth - size.Width) / 2, (PageHeight + size.Height / 2) / 2));
        graphics.Restore(state);
    }

    private static string Fit(XGraphics graphics, string text, XFont font, double width)
    {
        if (graphics.MeasureString(text, font).Width <= width) return text;
        while (text.Length > 1 && graphics.MeasureString(text + "…", font).Width > width) text = text[..^1];
        return text + "…";
    }

    private double Width(string text, XFont font) => _graphics!.MeasureString(text, font).Width;

    /// <summary>Breaks text into lines that fit <paramref name="width"/>: at line breaks, then spaces, a word longer than a line by characters.</summary>
    private List<string> Wrap(string text, XFont font, double width)
    {
        var result = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n").Replace('\r', '\n').Replace("\t", "    ").Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (Width(candidate, font) <= width)
                {
                    line = candidate;
                    continue;
                }
                if (line.Length > 0) result.Add(line);
                line = word;
                while (Width(line, font) > width && line.Length > 1)
                {
                    var fit = line.Length - 1;
                    while (fit > 1 && Width(line[..fit], font) > width) fit--;
                    result.Add(line[..fit]);
                    line = line[fit..];
                }
            }
            result.Add(line);
        }
        return result;
    }
}

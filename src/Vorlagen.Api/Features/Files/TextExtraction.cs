using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using OpenXmlSpreadsheet = DocumentFormat.OpenXml.Spreadsheet;
using OpenXmlWord = DocumentFormat.OpenXml.Wordprocessing;

namespace Vorlagen.Api.Features.Files;

/// <summary>
/// The text of an uploaded file, stored with its content for the search index: PDFs with PdfPig, DOCX and XLSX with
/// the Open XML SDK, ODT from its content.xml. Images have no text. A file that cannot be read still uploads.
/// </summary>
public sealed class TextExtraction(ILogger<TextExtraction> logger)
{
    public const string Extracted = "extracted";
    public const string NoText = "none";
    public const string Failed = "failed";

    /// <summary>Enough for any real Anlage; keeps a pathological file from filling the database.</summary>
    public const int MaxChars = 2_000_000;

    public sealed record Result(string Status, string? Text);

    public Result Extract(string path, FileTypes.FileType type)
    {
        try
        {
            var text = type switch
            {
                _ when type == FileTypes.Pdf => Pdf(path),
                _ when type == FileTypes.Docx => Docx(path),
                _ when type == FileTypes.Xlsx => Xlsx(path),
                _ when type == FileTypes.Odt => Odt(path),
                _ => null,
            };
            text = Normalize(text);
            return string.IsNullOrEmpty(text) ? new Result(NoText, null) : new Result(Extracted, text);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A damaged or encrypted document: the file itself is still worth keeping.
            logger.LogWarning(e, "Text extraction failed for a {MimeType} file", type.MimeType);
            return new Result(Failed, null);
        }
    }

    private static string Pdf(string path)
    {
        using var document = PdfDocument.Open(path);
        var text = new StringBuilder();
        foreach (var page in document.GetPages())
        {
            text.AppendLine(ContentOrderTextExtractor.GetText(page));
            if (text.Length > MaxChars) break;
        }
        return text.ToString();
    }

    private static string Docx(string path)
    {
        using var document = WordprocessingDocument.Open(path, false);
        var text = new StringBuilder();
        if (document.MainDocumentPart?.Document?.Body is { } body)
            foreach (var paragraph in body.Descendants<OpenXmlWord.Paragraph>())
            {
                text.AppendLine(string.Concat(paragraph.Descendants<OpenXmlWord.Text>().Select(t => t.Text)));
                if (text.Length > MaxChars) break;
            }
        return text.ToString();
    }

    private static string Xlsx(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        var text = new StringBuilder();
        var workbook = document.WorkbookPart;
        var shared = workbook?.SharedStringTablePart?.SharedStringTable?.Elements<OpenXmlSpreadsheet.SharedStringItem>()
            .Select(item => item.InnerText).ToList() ?? [];
        foreach (var sheet in workbook?.WorksheetParts ?? [])
        {
            foreach (var row in sheet.Worksheet.Descendants<OpenXmlSpreadsheet.Row>())
            {
                var cells = row.Elements<OpenXmlSpreadsheet.Cell>().Select(cell => CellText(cell, shared)).Where(t => t.Length > 0);
                text.AppendLine(string.Join('\t', cells));
                if (text.Length > MaxChars) return text.ToString();
            }
        }
        return text.ToString();
    }

    private static string CellText(OpenXmlSpreadsheet.Cell cell, List<string> shared)
    {
        if (cell.DataType?.Value == OpenXmlSpreadsheet.CellValues.SharedString
            && int.TryParse(cell.CellValue?.Text, out var index) && index >= 0 && index < shared.Count)
            return shared[index];
        if (cell.DataType?.Value == OpenXmlSpreadsheet.CellValues.InlineString) return cell.InlineString?.InnerText ?? "";
        return cell.CellValue?.Text ?? "";
    }

    private static string Odt(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var entry = zip.GetEntry("content.xml") ?? throw new InvalidDataException("content.xml fehlt");
        using var reader = XmlReader.Create(entry.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        const string TextNamespace = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
        var text = new StringBuilder();
        while (reader.Read() && text.Length <= MaxChars)
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.SignificantWhitespace) text.Append(reader.Value);
            else if (reader.NamespaceURI == TextNamespace && reader.NodeType == XmlNodeType.Element && reader.LocalName is "s" or "tab") text.Append(' ');
            else if (reader.NamespaceURI == TextNamespace && reader.NodeType == XmlNodeType.Element && reader.LocalName == "line-break") text.Append('\n');
            else if (reader.NamespaceURI == TextNamespace && reader.NodeType == XmlNodeType.EndElement && reader.LocalName is "p" or "h") text.Append('\n');
        }
        return text.ToString();
    }

    /// <summary>Line breaks unified, trailing spaces and NUL characters removed, capped at <see cref="MaxChars"/>.</summary>
    private static string? Normalize(string? text)
    {
        if (text is null) return null;
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Replace("\0", "").Split('\n').Select(l => l.TrimEnd());
        var joined = string.Join('\n', lines).Trim();
        return joined.Length > MaxChars ? joined[..MaxChars] : joined;
    }
}

using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Vorlagen.Api.Features.Documents;
using Spreadsheet = DocumentFormat.OpenXml.Spreadsheet;
using Word = DocumentFormat.OpenXml.Wordprocessing;

namespace Vorlagen.Api.Tests.Support;

/// <summary>Real files of every accepted type, made by the test, and the multipart upload of one.</summary>
public static class TestFiles
{
    /// <summary>A PDF with a heading and paragraphs, written by the app's own document layer (PDFsharp).</summary>
    public static byte[] Pdf(string title, params string[] paragraphs)
    {
        var pdf = new PdfDocumentBuilder(title, "Test", title);
        pdf.Heading1(title);
        foreach (var paragraph in paragraphs) pdf.Paragraph(paragraph);
        return pdf.Build();
    }

    public static byte[] Docx(params string[] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Word.Document(new Word.Body(paragraphs.Select(p => new Word.Paragraph(new Word.Run(new Word.Text(p))))));
        }
        return stream.ToArray();
    }

    public static byte[] Xlsx(params string[] cells)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Spreadsheet.Workbook();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Spreadsheet.Worksheet(new Spreadsheet.SheetData(new Spreadsheet.Row(cells.Select(c =>
                new Spreadsheet.Cell { DataType = Spreadsheet.CellValues.InlineString, InlineString = new Spreadsheet.InlineString(new Spreadsheet.Text(c)) }))));
            workbook.Workbook.AppendChild(new Spreadsheet.Sheets(new Spreadsheet.Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Tabelle1" }));
        }
        return stream.ToArray();
    }

    /// <summary>A minimal OpenDocument text: the stored "mimetype" entry first, then content.xml.</summary>
    public static byte[] Odt(string paragraph, string mimetype = "application/vnd.oasis.opendocument.text")
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var writer = new StreamWriter(zip.CreateEntry("mimetype", CompressionLevel.NoCompression).Open(), new UTF8Encoding(false)))
                writer.Write(mimetype);
            using (var writer = new StreamWriter(zip.CreateEntry("content.xml").Open(), new UTF8Encoding(false)))
                writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" " +
                    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text><text:p>" +
                    System.Security.SecurityElement.Escape(paragraph) + "</text:p></office:text></office:body></office:document-content>");
        }
        return stream.ToArray();
    }

    /// <summary>A 1×1 PNG.</summary>
    public static byte[] Png() => Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    public static byte[] Jpeg() => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0xFF, 0xD9];

    public static MultipartFormDataContent Form(byte[] content, string fileName, string? title, bool? isPublic = null, string declaredType = "application/octet-stream")
    {
        var form = new MultipartFormDataContent();
        if (title is not null) form.Add(new StringContent(title), "title");
        if (isPublic is { } p) form.Add(new StringContent(p ? "true" : "false"), "public");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(declaredType);
        form.Add(file, "file", fileName);
        return form;
    }

    public static async Task<JsonElement> UploadAsync(HttpClient client, long paperId, byte[] content, string fileName, string title, bool? isPublic = null,
        int expectedStatus = 201)
    {
        var response = await client.PostAsync($"/api/papers/{paperId}/files", Form(content, fileName, title, isPublic));
        Assert.True(expectedStatus == (int)response.StatusCode, $"upload: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJson();
    }
}

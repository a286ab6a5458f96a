using System.IO.Compression;
using System.Text;

namespace Vorlagen.Api.Features.Files;

/// <summary>
/// The accepted file types, recognised by their content (magic bytes; for ZIP containers the entries),
/// never by the name or the type the client declares.
/// </summary>
public static class FileTypes
{
    public sealed record FileType(string MimeType, string Label, string Extension, params string[] OtherExtensions)
    {
        public bool Fits(string extension) => extension.Equals(Extension, StringComparison.OrdinalIgnoreCase)
            || OtherExtensions.Any(e => e.Equals(extension, StringComparison.OrdinalIgnoreCase));
    }

    public static readonly FileType Pdf = new("application/pdf", "PDF", ".pdf");
    public static readonly FileType Docx = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word", ".docx");
    public static readonly FileType Xlsx = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel", ".xlsx");
    public static readonly FileType Odt = new("application/vnd.oasis.opendocument.text", "OpenDocument-Text", ".odt");
    public static readonly FileType Png = new("image/png", "PNG-Bild", ".png");
    public static readonly FileType Jpeg = new("image/jpeg", "JPEG-Bild", ".jpg", ".jpeg");

    public static readonly IReadOnlyList<FileType> All = [Pdf, Docx, Xlsx, Odt, Png, Jpeg];

    public const string AllowedText = "PDF, Word (DOCX), Excel (XLSX), OpenDocument-Text (ODT), PNG und JPEG";

    public static FileType? ByMimeType(string mimeType) => All.FirstOrDefault(t => t.MimeType == mimeType);

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];

    /// <summary>The type of the file at <paramref name="path"/>, or null when it is none of the accepted ones.</summary>
    public static FileType? Detect(string path)
    {
        var head = new byte[8];
        int read;
        using (var stream = File.OpenRead(path)) read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var start = head.AsSpan(0, read);
        if (start.StartsWith(PdfMagic)) return Pdf;
        if (start.StartsWith(PngMagic)) return Png;
        if (start.StartsWith(JpegMagic)) return Jpeg;
        return start.StartsWith(ZipMagic) ? DetectZip(path) : null;
    }

    private static FileType? DetectZip(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            // ODF: the first entry "mimetype" names the type (ODF 1.2, part 3, 3.3); only text documents are accepted.
            if (zip.GetEntry("mimetype") is { Length: < 200 } mimetype)
            {
                using var reader = new StreamReader(mimetype.Open(), Encoding.ASCII);
                return reader.ReadToEnd().Trim() == Odt.MimeType && zip.GetEntry("content.xml") is not null ? Odt : null;
            }
            if (zip.GetEntry("[Content_Types].xml") is null) return null;
            if (zip.Entries.Any(e => e.FullName.StartsWith("word/", StringComparison.Ordinal))) return Docx;
            if (zip.Entries.Any(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal))) return Xlsx;
            return null;
        }
        catch (InvalidDataException)
        {
            return null; // a damaged archive is no document
        }
    }
}

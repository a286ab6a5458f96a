using PdfSharp.Fonts;

namespace Vorlagen.Api.Features.Documents;

/// <summary>
/// PDFsharp has no font resolver of its own on Linux; this one serves DejaVu Sans (all of German, umlauts and ß included)
/// from a folder the installation controls: <c>Vorlagen:Documents:FontFolder</c>, by default Debian's
/// <c>/usr/share/fonts/truetype/dejavu</c> from the package <c>fonts-dejavu-core</c> (.ci/run installs it).
/// Every family name resolves to DejaVu Sans, so documents never depend on what else is installed.
/// </summary>
public sealed class DocumentFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    public const string DefaultFolder = "/usr/share/fonts/truetype/dejavu";

    private static readonly Dictionary<string, string> Faces = new()
    {
        ["DejaVuSans"] = "DejaVuSans.ttf",
        ["DejaVuSans-Bold"] = "DejaVuSans-Bold.ttf",
        ["DejaVuSans-Oblique"] = "DejaVuSans-Oblique.ttf",
        ["DejaVuSans-BoldOblique"] = "DejaVuSans-BoldOblique.ttf",
    };

    private static readonly Lock Gate = new();
    private readonly Dictionary<string, byte[]> _fonts;

    private DocumentFonts(Dictionary<string, byte[]> fonts) => _fonts = fonts;

    /// <summary>Installs the resolver once per process; fails with a message naming the missing font and the package to install.</summary>
    public static void EnsureInstalled(string? folder)
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is DocumentFonts) return;
            folder = string.IsNullOrWhiteSpace(folder) ? DefaultFolder : folder;
            var fonts = new Dictionary<string, byte[]>();
            foreach (var (face, file) in Faces)
            {
                var path = Path.Combine(folder, file);
                if (!File.Exists(path))
                    throw new InvalidOperationException(
                        $"PDF-Erzeugung nicht möglich: die Schrift {path} fehlt. Installieren Sie das Debian-Paket fonts-dejavu-core " +
                        "(apt-get install fonts-dejavu-core) oder setzen Sie Vorlagen__Documents__FontFolder auf einen Ordner mit " +
                        string.Join(", ", Faces.Values) + ".");
                fonts[face] = File.ReadAllBytes(path);
            }
            GlobalFontSettings.FontResolver = new DocumentFonts(fonts);
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold && italic ? "DejaVuSans-BoldOblique" : bold ? "DejaVuSans-Bold" : italic ? "DejaVuSans-Oblique" : "DejaVuSans");

    public byte[]? GetFont(string faceName) => _fonts.GetValueOrDefault(faceName);
}

using System.Globalization;
using System.Text;

namespace Vorlagen.Api.Features.Files;

/// <summary>Makes a client's file name safe to store and to offer for download.</summary>
public static class FileNames
{
    private const int MaxLength = 150;
    private static readonly string[] WindowsDevices = ["CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "LPT1", "LPT2", "LPT3"];

    /// <summary>
    /// Keeps only the last path segment, drops control and invisible format characters, replaces characters that are
    /// not allowed in file names, limits the length and makes the extension match the detected type ("bericht.exe" of a
    /// PDF becomes "bericht.exe.pdf").
    /// </summary>
    public static string Sanitize(string? name, FileTypes.FileType type)
    {
        var text = (name ?? "").Normalize(NormalizationForm.FormC);
        text = text[(text.LastIndexOfAny(['/', '\\']) + 1)..];
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator) continue;
            builder.Append(c is '<' or '>' or ':' or '"' or '|' or '?' or '*' || char.IsWhiteSpace(c) && c != ' ' ? '_' : c);
        }
        var cleaned = string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim('.', ' ');

        var extension = Path.GetExtension(cleaned);
        var stem = extension.Length > 0 && type.Fits(extension) ? cleaned[..^extension.Length] : cleaned;
        if (extension.Length == 0 || !type.Fits(extension)) extension = type.Extension;
        else extension = extension.ToLowerInvariant();
        stem = stem.TrimEnd('.', ' ');
        if (stem.Length == 0) stem = "Datei";
        if (WindowsDevices.Contains(stem.Split('.')[0], StringComparer.OrdinalIgnoreCase)) stem = "_" + stem;
        if (stem.Length + extension.Length > MaxLength) stem = stem[..(MaxLength - extension.Length)].TrimEnd('.', ' ');
        return stem + extension;
    }
}

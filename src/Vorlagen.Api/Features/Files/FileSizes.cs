using System.Globalization;

namespace Vorlagen.Api.Features.Files;

/// <summary>Sizes as a clerk reads them: "2,4 MB", "830 KB".</summary>
public static class FileSizes
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public static string Format(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} Byte",
        < 1024 * 1024 => $"{Math.Ceiling(bytes / 1024.0).ToString("0", German)} KB",
        _ => $"{(bytes / (1024.0 * 1024.0)).ToString("0.#", German)} MB",
    };
}

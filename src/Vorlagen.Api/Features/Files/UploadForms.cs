using System.Text;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Vorlagen.Api.Infrastructure;

namespace Vorlagen.Api.Features.Files;

/// <summary>
/// Reads a multipart/form-data upload section by section: the file part is streamed into the file store as it arrives
/// (never held in memory whole), the small text fields are collected.
/// </summary>
public static class UploadForms
{
    public sealed record Form(IncomingFile? File, IReadOnlyDictionary<string, string> Fields)
    {
        public string? Text(string name) => Fields.GetValueOrDefault(name);

        public bool? Flag(string name) => Text(name)?.Trim().ToLowerInvariant() switch
        {
            null or "" => null,
            "true" or "1" or "on" or "ja" => true,
            "false" or "0" or "off" or "nein" => false,
            _ => throw new ValidationException([new ValidationFailure(name, $"Das Feld „{name}“ muss true oder false sein.")]),
        };
    }

    private const int MaxFieldChars = 4000;

    public static async Task<Form> ReadAsync(HttpRequest request, FileIntake intake, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !"multipart/form-data".Equals(mediaType.MediaType.Value, StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
            throw new BadRequestException("multipart_expected",
                "Bitte senden Sie die Datei als multipart/form-data mit den Feldern „file“, „title“ und „public“.");

        var reader = new MultipartReader(boundary, request.Body);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        IncomingFile? file = null;
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase)) continue;
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                if (disposition.IsFileDisposition())
                {
                    if (name != "file") continue;
                    if (file is not null) throw new BadRequestException("multiple_files", "Bitte senden Sie genau eine Datei je Anfrage.");
                    var fileName = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                    file = await intake.TakeAsync(section.Body, fileName, cancellationToken);
                }
                else
                {
                    fields[name] = await ReadFieldAsync(section.Body, name, cancellationToken);
                }
            }
        }
        catch (InvalidDataException)
        {
            throw new BadRequestException("malformed_multipart",
                "Die hochgeladenen Daten sind unvollständig oder beschädigt. Bitte versuchen Sie es erneut.");
        }
        return new Form(file, fields);
    }

    private static async Task<string> ReadFieldAsync(Stream body, string name, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body, Encoding.UTF8);
        var buffer = new char[MaxFieldChars + 1];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
        if (read > MaxFieldChars)
            throw new ValidationException([new ValidationFailure(name, $"Das Feld „{name}“ ist zu lang.")]);
        return new string(buffer, 0, read);
    }
}

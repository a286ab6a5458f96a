namespace Vorlagen.Api.Features.Files;

/// <summary>
/// A file as OParl 1.1 describes it: <c>accessUrl</c> shows it (inline), <c>downloadUrl</c> saves it (attachment).
/// <c>public</c> is the effective visibility: a file is never more public than its paper.
/// </summary>
public sealed record FileDto(long Id, string Title, string FileName, string MimeType, long Size, string Sha256, bool Public,
    string AccessUrl, string DownloadUrl, long? PaperId, string Role, int Number, string Label, int Version,
    DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset UpdatedAt, string UpdatedBy, IReadOnlyList<FileVersionDto>? Versions);

/// <summary>One stored version; replacing a file keeps the earlier ones.</summary>
public sealed record FileVersionDto(int Version, string FileName, string MimeType, long Size, string Sha256, DateTimeOffset CreatedAt,
    string CreatedBy, bool Current, string AccessUrl, string DownloadUrl);

/// <summary>An upload already in the file store (and its text extracted), waiting for its database rows.</summary>
public sealed record IncomingFile(string Sha256, long Size, string MimeType, string FileName, TextExtraction.Result? Text);

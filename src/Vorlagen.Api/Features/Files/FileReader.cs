using Dapper;
using Vorlagen.Api.Data;
using Vorlagen.Api.Features.Papers;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.Files;

/// <summary>
/// Loads files as one caller may see them. A file of a paper the caller cannot see is "not found", and so is a
/// non-public file (or any file of a non-public paper) for callers who may not see the paper's non-public content —
/// the office and the members and chairs of its Gremien may.
/// </summary>
public sealed class FileReader(DbSession db, Caller caller, PaperReader papers, IHttpContextAccessor http)
{
    public sealed record Visible(FileRow File, PaperReader.Loaded Paper, bool Public);

    public async Task<Visible> LoadVisibleAsync(long id, CancellationToken cancellationToken)
    {
        var connection = await db.ConnectionAsync(cancellationToken);
        var file = await connection.QuerySingleOrDefaultAsync<FileRow>(new CommandDefinition(FileSql.FileByIdSql, new { Id = id }, db.Transaction,
            cancellationToken: cancellationToken));
        if (file is null || file.OwnerKind != FileSql.OwnerPaper) throw new NotFoundException("Datei", id);
        PaperReader.Loaded paper;
        try
        {
            paper = await papers.LoadVisibleAsync(file.OwnerId, cancellationToken);
        }
        catch (NotFoundException)
        {
            throw new NotFoundException("Datei", id); // the same answer as for a file that does not exist
        }
        var isPublic = file.IsPublic && paper.Paper.IsPublic;
        if (!isPublic && !PaperAccess.SeesNonPublicContent(caller, paper.Paper, paper.Consultations)) throw new NotFoundException("Datei", id);
        return new Visible(file, paper, isPublic);
    }

    public async Task<FileDto> ReadAsync(long id, CancellationToken cancellationToken)
    {
        var visible = await LoadVisibleAsync(id, cancellationToken);
        return ToDto(visible.File, visible.Public, await VersionsAsync(id, cancellationToken));
    }

    /// <summary>The paper's files the caller may see (404 for a paper the caller cannot see), Anlage 1 first.</summary>
    public async Task<IReadOnlyList<FileDto>> ListOfPaperAsync(long paperId, CancellationToken cancellationToken)
    {
        var paper = await papers.LoadVisibleAsync(paperId, cancellationToken);
        var rows = await db.Connection.QueryAsync<FileRow>(new CommandDefinition(FileSql.FilesOfOwnerSql,
            new { OwnerKind = FileSql.OwnerPaper, OwnerId = paperId }, db.Transaction, cancellationToken: cancellationToken));
        var nonPublic = PaperAccess.SeesNonPublicContent(caller, paper.Paper, paper.Consultations);
        return [.. rows.Where(r => nonPublic || r.IsPublic && paper.Paper.IsPublic).Select(r => ToDto(r, r.IsPublic && paper.Paper.IsPublic, null))];
    }

    public async Task<IReadOnlyList<FileVersionRow>> VersionsAsync(long id, CancellationToken cancellationToken) =>
        [.. await db.Connection.QueryAsync<FileVersionRow>(new CommandDefinition(FileSql.VersionsOfFileSql, new { Id = id }, db.Transaction,
            cancellationToken: cancellationToken))];

    private FileDto ToDto(FileRow f, bool isPublic, IReadOnlyList<FileVersionRow>? versions) =>
        new(f.Id, f.Title, f.FileName, f.MimeType, f.Size, f.Sha256, isPublic, Url(AccessPath(f.Id)), Url(DownloadPath(f.Id)),
            f.OwnerKind == FileSql.OwnerPaper ? f.OwnerId : null, f.Role, f.Number, Label(f.Role, f.Number), f.Version,
            Instants.Parse(f.CreatedAt), f.CreatedBy, Instants.Parse(f.UpdatedAt), f.UpdatedBy,
            versions?.Select(v => new FileVersionDto(v.Version, v.FileName, v.MimeType, v.Size, v.Sha256, Instants.Parse(v.CreatedAt), v.CreatedBy,
                v.Version == f.Version, Url(AccessPath(f.Id, v.Version)), Url(DownloadPath(f.Id, v.Version)))).ToList());

    public static string Label(string role, int number) => role == FileSql.RoleAnlage ? $"Anlage {number}" : $"{role} {number}";

    public static string AccessPath(long id, int? version = null) => version is { } v ? $"/dateien/{id}/versionen/{v}" : $"/dateien/{id}";

    public static string DownloadPath(long id, int? version = null) => AccessPath(id, version) + "/download";

    /// <summary>OParl wants absolute URLs; behind a configured reverse proxy the forwarded scheme and host are the public ones.</summary>
    private string Url(string path) => http.HttpContext?.Request is { } request ? $"{request.Scheme}://{request.Host}{request.PathBase}{path}" : path;
}

using System.Text.Json.Nodes;
using Dapper;
using MediatR;
using Vorlagen.Api.Data;

namespace Vorlagen.Api.Features.OParl;

/// <summary>
/// Dateien: public files (Anlagen) of public papers — exactly those an anonymous caller may open under /dateien.
/// <c>accessUrl</c> answers inline, <c>downloadUrl</c> as attachment. Vorlagen keeps SHA-256 only, so OParl's
/// <c>sha1Checksum</c>/<c>sha512Checksum</c> are left out and the SHA-256 is a vendor extension.
/// A file becomes public with its paper's release: <c>modified</c> is no earlier than that.
/// </summary>
public static class OParlFiles
{
    public sealed record List(OParlUrls Urls, long BodyId, OParlListFilter Filter) : IRequest<JsonObject?>;
    public sealed record Get(OParlUrls Urls, long Id) : IRequest<(JsonObject Json, string Modified)?>;

    public sealed record Row
    {
        public long Id { get; init; }
        public long PaperId { get; init; }
        public string Created { get; init; } = "";
        public string Modified { get; init; } = "";
        public string Title { get; init; } = "";
        public string FileName { get; init; } = "";
        public string MimeType { get; init; } = "";
        public long Size { get; init; }
        public string Sha256 { get; init; } = "";
    }

    private const string ReleasedAt = "COALESCE(p.released_at, p.created_at)";
    public const string FileModified = "(CASE WHEN " + ReleasedAt + " > f.updated_at THEN " + ReleasedAt + " ELSE f.updated_at END)";

    private const string RowsSql =
        "SELECT f.id AS Id, f.owner_id AS PaperId, f.created_at AS Created, " + FileModified + " AS Modified, f.title AS Title, v.file_name AS FileName, " +
        "fc.mime_type AS MimeType, fc.size AS Size, v.sha256 AS Sha256 FROM files f JOIN file_versions v ON v.file_id = f.id AND v.version = f.version " +
        "JOIN file_contents fc ON fc.sha256 = v.sha256 JOIN papers p ON p.id = f.owner_id " +
        "WHERE f.owner_kind = 'paper' AND f.is_public = 1 AND " + OParlSql.PublicPaper;
    public const string OfBodySql = RowsSql + " AND f.body_id = @BodyId";
    public const string PageSql = "SELECT x.* FROM (" + OfBodySql + ") x" + OParlSql.Filter + OParlSql.Page;
    public const string CountSql = "SELECT COUNT(*) FROM (" + OfBodySql + ") x" + OParlSql.Filter;
    public const string BeforeSql = CountSql + OParlSql.UpToCursor;
    public const string ByIdSql = RowsSql + " AND f.id = @Id";

    /// <summary>The public files of the papers with ids in [@FirstId, @LastId] (a page of papers), Anlage 1 first.</summary>
    public const string OfPapersSql = RowsSql + " AND f.owner_id >= @FirstId AND f.owner_id <= @LastId ORDER BY f.owner_id, f.role, f.number";

    /// <summary>When a public file of paper <c>p</c> last changed (its paper embeds it), else NULL.</summary>
    public const string FilesOfPaperModified =
        "(SELECT MAX(pf.updated_at) FROM files pf WHERE pf.owner_kind = 'paper' AND pf.owner_id = p.id AND pf.is_public = 1)";

    public static JsonObject ToJson(OParlUrls urls, Row f)
    {
        var json = OParlFormat.Head(urls.Object("file", f.Id), "File", f.Created, f.Modified);
        json["name"] = f.Title;
        json["fileName"] = f.FileName;
        json["mimeType"] = f.MimeType;
        json["size"] = f.Size;
        json["accessUrl"] = urls.Web($"/dateien/{f.Id}");
        json["downloadUrl"] = urls.Web($"/dateien/{f.Id}/download");
        json["paper"] = new JsonArray(urls.Object("paper", f.PaperId));
        json[OParlFormat.Extension + "sha256Checksum"] = f.Sha256;
        return json;
    }

    /// <summary>The public files of a contiguous id range of papers, by paper id.</summary>
    public static Task<ILookup<long, Row>> OfPapersAsync(DbSession db, long firstId, long lastId, CancellationToken cancellationToken) =>
        OParlLists.OfPapersAsync<Row>(db, OfPapersSql, firstId, lastId, r => r.PaperId, cancellationToken);

    public sealed class ListHandler(DbSession db) : IRequestHandler<List, JsonObject?>
    {
        public async Task<JsonObject?> Handle(List query, CancellationToken cancellationToken)
        {
            if (!await OParlBodies.ExistsAsync(db, query.BodyId, cancellationToken)) return null;
            var rows = await OParlLists.ReadAsync<Row>(db, PageSql, CountSql, BeforeSql, new { query.BodyId }, query.Filter, cancellationToken);
            return OParlLists.Page(query.Urls.BodyList(query.BodyId, "file"), query.Filter, rows, f => ToJson(query.Urls, f), f => f.Id);
        }
    }

    public sealed class GetHandler(DbSession db) : IRequestHandler<Get, (JsonObject Json, string Modified)?>
    {
        public async Task<(JsonObject Json, string Modified)?> Handle(Get query, CancellationToken cancellationToken)
        {
            var row = await OParlLists.ByIdAsync<Row>(db, ByIdSql, query.Id, cancellationToken);
            return row is null ? null : (ToJson(query.Urls, row), row.Modified);
        }
    }
}

using System.Text.Json.Nodes;
using Dapper;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Features.Papers;

namespace Vorlagen.Api.Features.OParl;

/// <summary>
/// Drucksachen: released public papers (a paper withdrawn after its release stays public, with its status).
/// Embeds the public consultations and public files (<c>auxiliaryFile</c>; both dropped with <c>omit_internal=true</c>). A paper decided in a non-public
/// session shows the status "decided" and no result, exactly as /api shows it to anonymous callers.
/// </summary>
public static class OParlPapers
{
    public sealed record List(OParlUrls Urls, long BodyId, OParlListFilter Filter) : IRequest<JsonObject?>;
    public sealed record Get(OParlUrls Urls, long Id) : IRequest<(JsonObject Json, string Modified)?>;

    public sealed record Row
    {
        public long Id { get; init; }
        public long BodyId { get; init; }
        public string Created { get; init; } = "";
        public string Modified { get; init; } = "";
        public string? HiddenDecisionAt { get; init; }
        public string Reference { get; init; } = "";
        public string PaperType { get; init; } = "";
        public string Title { get; init; } = "";
        public string PaperDate { get; init; } = "";
        public string Originator { get; init; } = "";
        public string Status { get; init; } = "";
    }

    /// <summary>The paper as the public sees it changes with its embedded public files too.</summary>
    public const string PaperWithFilesModified =
        "(CASE WHEN " + OParlFiles.FilesOfPaperModified + " > " + OParlSql.PaperModified + " THEN " + OParlFiles.FilesOfPaperModified +
        " ELSE " + OParlSql.PaperModified + " END)";

    private const string RowsSql =
        "SELECT p.id AS Id, p.body_id AS BodyId, p.created_at AS Created, " + PaperWithFilesModified + " AS Modified, " +
        OParlSql.HiddenDecisionAt + " AS HiddenDecisionAt, p.reference AS Reference, p.paper_type AS PaperType, p.title AS Title, " +
        "p.paper_date AS PaperDate, p.originator AS Originator, p.status AS Status FROM papers p WHERE " + OParlSql.PublicPaper;
    private const string OfBodySql = RowsSql + " AND p.body_id = @BodyId";
    public const string PageSql = "SELECT x.* FROM (" + OfBodySql + ") x" + OParlSql.Filter + OParlSql.Page;
    public const string CountSql = "SELECT COUNT(*) FROM (" + OfBodySql + ") x" + OParlSql.Filter;
    public const string BeforeSql = CountSql + OParlSql.UpToCursor;
    public const string ByIdSql = RowsSql + " AND p.id = @Id";

    public static JsonObject ToJson(OParlUrls urls, Row p, IEnumerable<OParlConsultations.Row>? consultations, IEnumerable<OParlFiles.Row>? files)
    {
        var x = OParlFormat.Extension;
        var status = p.HiddenDecisionAt is null ? p.Status : PaperStatuses.Decided;
        var json = OParlFormat.Head(urls.Object("paper", p.Id), "Paper", p.Created, p.Modified);
        json["body"] = urls.Body(p.BodyId);
        json["name"] = p.Title;
        json["reference"] = p.Reference;
        json["date"] = OParlFormat.Date(p.PaperDate);
        json["paperType"] = p.PaperType;
        if (files is not null)
            json["auxiliaryFile"] = new JsonArray([.. files.Select(f => OParlFiles.ToJson(urls, f))]);
        if (consultations is not null)
            json["consultation"] = new JsonArray([.. consultations.Select(c => OParlConsultations.ToJson(urls, c))]);
        json["web"] = urls.Web($"/vorlagen/{p.Id}");
        json[x + "originator"] = p.Originator;
        json[x + "status"] = status;
        json[x + "statusLabel"] = PaperStatuses.Label(status);
        return json;
    }

    public sealed class ListHandler(DbSession db) : IRequestHandler<List, JsonObject?>
    {
        public async Task<JsonObject?> Handle(List query, CancellationToken cancellationToken)
        {
            if (!await OParlBodies.ExistsAsync(db, query.BodyId, cancellationToken)) return null;
            var rows = await OParlLists.ReadAsync<Row>(db, PageSql, CountSql, BeforeSql, new { query.BodyId }, query.Filter, cancellationToken);
            var embed = !query.Filter.OmitInternal && rows.Items.Count > 0;
            var consultations = embed ? await OParlConsultations.OfPapersAsync(db, rows.Items[0].Id, rows.Items[^1].Id, cancellationToken) : null;
            var files = embed ? await OParlFiles.OfPapersAsync(db, rows.Items[0].Id, rows.Items[^1].Id, cancellationToken) : null;
            return OParlLists.Page(query.Urls.BodyList(query.BodyId, "paper"), query.Filter, rows,
                p => ToJson(query.Urls, p, consultations?[p.Id], files?[p.Id]), p => p.Id);
        }
    }

    public sealed class GetHandler(DbSession db) : IRequestHandler<Get, (JsonObject Json, string Modified)?>
    {
        public async Task<(JsonObject Json, string Modified)?> Handle(Get query, CancellationToken cancellationToken)
        {
            var row = await OParlLists.ByIdAsync<Row>(db, ByIdSql, query.Id, cancellationToken);
            if (row is null) return null;
            var consultations = await OParlConsultations.OfPapersAsync(db, row.Id, row.Id, cancellationToken);
            var files = await OParlFiles.OfPapersAsync(db, row.Id, row.Id, cancellationToken);
            return (ToJson(query.Urls, row, consultations[row.Id], files[row.Id]), row.Modified);
        }
    }
}

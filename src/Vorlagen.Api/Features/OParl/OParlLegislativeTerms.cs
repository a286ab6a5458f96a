using System.Text.Json.Nodes;
using Dapper;
using MediatR;
using Vorlagen.Api.Data;

namespace Vorlagen.Api.Features.OParl;

/// <summary>
/// Wahlperioden; all public. Embedded in their body's <c>legislativeTerm</c> exactly as fetched alone, so a term's
/// change also moves the body's <c>modified</c> (<see cref="OParlBodies"/>).
/// </summary>
public static class OParlLegislativeTerms
{
    public sealed record List(OParlUrls Urls, long BodyId, OParlListFilter Filter) : IRequest<JsonObject?>;
    public sealed record Get(OParlUrls Urls, long Id) : IRequest<(JsonObject Json, string Modified)?>;

    public sealed record Row
    {
        public long Id { get; init; }
        public long BodyId { get; init; }
        public string Created { get; init; } = "";
        public string Modified { get; init; } = "";
        public string Name { get; init; } = "";
        public string StartDate { get; init; } = "";
        public string EndDate { get; init; } = "";
    }

    private const string RowsSql =
        "SELECT t.id AS Id, t.body_id AS BodyId, t.created_at AS Created, t.updated_at AS Modified, t.name AS Name, t.start_date AS StartDate, " +
        "t.end_date AS EndDate FROM legislative_terms t";
    public const string OfBodySql = RowsSql + " WHERE t.body_id = @BodyId";
    public const string PageSql = "SELECT x.* FROM (" + OfBodySql + ") x" + OParlSql.Filter + OParlSql.Page;
    public const string CountSql = "SELECT COUNT(*) FROM (" + OfBodySql + ") x" + OParlSql.Filter;
    public const string BeforeSql = CountSql + OParlSql.UpToCursor;
    public const string ByIdSql = RowsSql + " WHERE t.id = @Id";
    public const string OfBodiesSql = RowsSql + " WHERE t.body_id >= @FirstId AND t.body_id <= @LastId ORDER BY t.body_id, t.start_date, t.id";

    public static JsonObject ToJson(OParlUrls urls, Row t)
    {
        var json = OParlFormat.Head(urls.Object("legislativeterm", t.Id), "LegislativeTerm", t.Created, t.Modified);
        json["body"] = urls.Body(t.BodyId);
        json["name"] = t.Name;
        json["startDate"] = OParlFormat.Date(t.StartDate);
        json["endDate"] = OParlFormat.Date(t.EndDate);
        return json;
    }

    /// <summary>The terms embedded in each body's <c>legislativeTerm</c>, by body id (a contiguous id range of bodies).</summary>
    public static async Task<ILookup<long, JsonObject>> OfBodiesAsync(DbSession db, OParlUrls urls, IReadOnlyList<long> bodyIds,
        CancellationToken cancellationToken)
    {
        if (bodyIds.Count == 0) return Array.Empty<Row>().ToLookup(t => t.BodyId, t => ToJson(urls, t));
        var connection = await db.ConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(OfBodiesSql, new { FirstId = bodyIds.Min(), LastId = bodyIds.Max() },
            db.Transaction, cancellationToken: cancellationToken));
        return rows.ToLookup(t => t.BodyId, t => ToJson(urls, t));
    }

    public sealed class ListHandler(DbSession db) : IRequestHandler<List, JsonObject?>
    {
        public async Task<JsonObject?> Handle(List query, CancellationToken cancellationToken)
        {
            if (!await OParlBodies.ExistsAsync(db, query.BodyId, cancellationToken)) return null;
            var rows = await OParlLists.ReadAsync<Row>(db, PageSql, CountSql, BeforeSql, new { query.BodyId }, query.Filter, cancellationToken);
            return OParlLists.Page(query.Urls.BodyList(query.BodyId, "legislativeterm"), query.Filter, rows, t => ToJson(query.Urls, t), t => t.Id);
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

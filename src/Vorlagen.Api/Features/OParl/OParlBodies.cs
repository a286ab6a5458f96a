using System.Text.Json.Nodes;
using Dapper;
using MediatR;
using Vorlagen.Api.Data;

namespace Vorlagen.Api.Features.OParl;

/// <summary>
/// The Landkreise. A body links every external list of OParl 1.1 (the six added in 1.1 are mandatory per the
/// spec text) and embeds its Wahlperioden.
/// </summary>
public static class OParlBodies
{
    public sealed record List(OParlUrls Urls, OParlListFilter Filter) : IRequest<JsonObject?>;
    public sealed record Get(OParlUrls Urls, long Id) : IRequest<(JsonObject Json, string Modified)?>;

    public sealed record Row
    {
        public long Id { get; init; }
        public string Created { get; init; } = "";
        public string Modified { get; init; } = "";
        public string Name { get; init; } = "";
        public string ShortName { get; init; } = "";
        public string? Website { get; init; }
    }

    private const string TermsModified = "(SELECT MAX(t.updated_at) FROM legislative_terms t WHERE t.body_id = b.id)";

    /// <summary>The embedded Wahlperioden are part of the body: their change is the body's.</summary>
    public const string BodyModified = "(CASE WHEN " + TermsModified + " > b.updated_at THEN " + TermsModified + " ELSE b.updated_at END)";

    private const string RowsSql =
        "SELECT b.id AS Id, b.created_at AS Created, " + BodyModified + " AS Modified, b.name AS Name, b.short_name AS ShortName, b.website AS Website FROM bodies b";
    public const string PageSql = "SELECT x.* FROM (" + RowsSql + ") x" + OParlSql.Filter + OParlSql.Page;
    public const string CountSql = "SELECT COUNT(*) FROM (" + RowsSql + ") x" + OParlSql.Filter;
    public const string BeforeSql = CountSql + OParlSql.UpToCursor;
    public const string ByIdSql = RowsSql + " WHERE b.id = @Id";
    public const string ExistsSql = "SELECT COUNT(*) FROM bodies WHERE id = @Id";

    /// <summary>The external lists of a body: property name → path segment.</summary>
    public static readonly IReadOnlyList<(string Property, string Segment)> Lists =
    [
        ("organization", "organization"), ("person", "person"), ("meeting", "meeting"), ("paper", "paper"),
        ("agendaItem", "agendaitem"), ("consultation", "consultation"), ("file", "file"), ("membership", "membership"),
        ("locationList", "location"), ("legislativeTermList", "legislativeterm"),
    ];

    public static JsonObject ToJson(OParlUrls urls, Row b, IEnumerable<JsonObject> legislativeTerms)
    {
        var json = OParlFormat.Head(urls.Body(b.Id), "Body", b.Created, b.Modified);
        json["system"] = urls.System;
        json["name"] = b.Name;
        json["shortName"] = b.ShortName;
        json.Put("website", b.Website);
        json["classification"] = "Landkreis";
        foreach (var (property, segment) in Lists) json[property] = urls.BodyList(b.Id, segment);
        // Mandatory (schema "required"), so it stays even with omit_internal.
        json["legislativeTerm"] = new JsonArray([.. legislativeTerms]);
        json["web"] = urls.Web($"/vorlagen?bodyId={b.Id}");
        return json;
    }

    /// <summary>404 unless the body exists: lists below an unknown body are not empty, they do not exist.</summary>
    public static async Task<bool> ExistsAsync(DbSession db, long id, CancellationToken cancellationToken)
    {
        var connection = await db.ConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(ExistsSql, new { Id = id }, db.Transaction,
            cancellationToken: cancellationToken)) > 0;
    }

    public sealed class ListHandler(DbSession db) : IRequestHandler<List, JsonObject?>
    {
        public async Task<JsonObject?> Handle(List query, CancellationToken cancellationToken)
        {
            var rows = await OParlLists.ReadAsync<Row>(db, PageSql, CountSql, BeforeSql, new { }, query.Filter, cancellationToken);
            var embedded = await OParlLegislativeTerms.OfBodiesAsync(db, query.Urls, [.. rows.Items.Select(b => b.Id)], cancellationToken);
            return OParlLists.Page(query.Urls.Bodies, query.Filter, rows, b => ToJson(query.Urls, b, embedded[b.Id]), b => b.Id);
        }
    }

    public sealed class GetHandler(DbSession db) : IRequestHandler<Get, (JsonObject Json, string Modified)?>
    {
        public async Task<(JsonObject Json, string Modified)?> Handle(Get query, CancellationToken cancellationToken)
        {
            var row = await OParlLists.ByIdAsync<Row>(db, ByIdSql, query.Id, cancellationToken);
            if (row is null) return null;
            var embedded = await OParlLegislativeTerms.OfBodiesAsync(db, query.Urls, [row.Id], cancellationToken);
            return (ToJson(query.Urls, row, embedded[row.Id]), row.Modified);
        }
    }
}

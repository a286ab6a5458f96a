using System.Text.Json.Nodes;
using Dapper;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Domain.Organizations;

namespace Vorlagen.Api.Features.OParl;

/// <summary>The Gremien of a body; all of them are public. A deactivated Gremium stays (old consultations name it).</summary>
public static class OParlOrganizations
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
        public string ShortName { get; init; } = "";
        public string Kind { get; init; } = "";
        public bool Active { get; init; }
    }

    private const string MembershipsModified = "(SELECT MAX(om.updated_at) FROM memberships om WHERE om.organization_id = o.id AND om.is_public = 1)";
    private const string MembershipsGone =
        "(SELECT MAX(t.deleted_at) FROM oparl_tombstones t JOIN memberships tm ON tm.id = t.object_id WHERE t.object_type = 'membership' AND tm.organization_id = o.id)";
    private const string Modified1 = "(CASE WHEN " + MembershipsModified + " > o.updated_at THEN " + MembershipsModified + " ELSE o.updated_at END)";

    /// <summary>The organization links its public memberships: one added, changed or gone changes the organization.</summary>
    public const string OrganizationModified = "(CASE WHEN " + MembershipsGone + " > " + Modified1 + " THEN " + MembershipsGone + " ELSE " + Modified1 + " END)";

    private const string RowsSql =
        "SELECT o.id AS Id, o.body_id AS BodyId, o.created_at AS Created, " + OrganizationModified + " AS Modified, o.name AS Name, o.short_name AS ShortName, " +
        "o.kind AS Kind, o.active AS Active FROM organizations o";
    private const string OfBodySql = RowsSql + " WHERE o.body_id = @BodyId";
    public const string PageSql = "SELECT x.* FROM (" + OfBodySql + ") x" + OParlSql.Filter + OParlSql.Page;
    public const string CountSql = "SELECT COUNT(*) FROM (" + OfBodySql + ") x" + OParlSql.Filter;
    public const string BeforeSql = CountSql + OParlSql.UpToCursor;
    public const string ByIdSql = RowsSql + " WHERE o.id = @Id";

    public static JsonObject ToJson(OParlUrls urls, Row o, IEnumerable<long> memberships)
    {
        var json = OParlFormat.Head(urls.Object("organization", o.Id), "Organization", o.Created, o.Modified);
        json["body"] = urls.Body(o.BodyId);
        json["name"] = o.Name;
        json["shortName"] = o.ShortName;
        json["organizationType"] = "Gremium";
        json["classification"] = OrganizationKinds.Find(o.Kind)?.Label ?? o.Kind;
        json["membership"] = new JsonArray([.. memberships.Select(id => (JsonNode)urls.Object("membership", id))]);
        json[OParlFormat.Extension + "active"] = o.Active;
        return json;
    }

    public sealed class ListHandler(DbSession db) : IRequestHandler<List, JsonObject?>
    {
        public async Task<JsonObject?> Handle(List query, CancellationToken cancellationToken)
        {
            if (!await OParlBodies.ExistsAsync(db, query.BodyId, cancellationToken)) return null;
            var rows = await OParlLists.ReadAsync<Row>(db, PageSql, CountSql, BeforeSql, new { query.BodyId }, query.Filter, cancellationToken);
            var memberships = rows.Items.Count == 0 ? null
                : await OParlMemberships.IdsOfOrganizationsAsync(db, rows.Items[0].Id, rows.Items[^1].Id, cancellationToken);
            return OParlLists.Page(query.Urls.BodyList(query.BodyId, "organization"), query.Filter, rows,
                o => ToJson(query.Urls, o, memberships![o.Id]), o => o.Id);
        }
    }

    public sealed class GetHandler(DbSession db) : IRequestHandler<Get, (JsonObject Json, string Modified)?>
    {
        public async Task<(JsonObject Json, string Modified)?> Handle(Get query, CancellationToken cancellationToken)
        {
            var row = await OParlLists.ByIdAsync<Row>(db, ByIdSql, query.Id, cancellationToken);
            if (row is null) return null;
            var memberships = await OParlMemberships.IdsOfOrganizationsAsync(db, row.Id, row.Id, cancellationToken);
            return (ToJson(query.Urls, row, memberships[row.Id]), row.Modified);
        }
    }
}

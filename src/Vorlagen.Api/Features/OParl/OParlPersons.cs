using System.Text.Json.Nodes;
using Dapper;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Features.People;

namespace Vorlagen.Api.Features.OParl;

/// <summary>
/// Personen with at least one public membership (as /api shows them to anonymous callers); anyone else is no object.
/// Only what the public sees: name parts, form of address, academic title, status, public memberships (embedded,
/// dropped with <c>omit_internal=true</c>). Never phone, e-mail, office address, gender or the user link.
/// <c>modified</c> also moves when a public membership changes or stops being public (it is embedded).
/// </summary>
public static class OParlPersons
{
    public sealed record List(OParlUrls Urls, long BodyId, OParlListFilter Filter) : IRequest<JsonObject?>;
    public sealed record Get(OParlUrls Urls, long Id) : IRequest<(JsonObject Json, string Modified)?>;

    public sealed record Row
    {
        public long Id { get; init; }
        public long BodyId { get; init; }
        public string Created { get; init; } = "";
        public string Modified { get; init; } = "";
        public string? Title { get; init; }
        public string? GivenName { get; init; }
        public string FamilyName { get; init; } = "";
        public string? FormOfAddress { get; init; }
        public string Status { get; init; } = "";
    }

    public const string PublicPerson = "EXISTS (SELECT 1 FROM memberships pm WHERE pm.person_id = p.id AND pm.is_public = 1)";

    private const string MembershipsModified = "(SELECT MAX(pm.updated_at) FROM memberships pm WHERE pm.person_id = p.id AND pm.is_public = 1)";
    private const string MembershipsGone =
        "(SELECT MAX(t.deleted_at) FROM oparl_tombstones t JOIN memberships tm ON tm.id = t.object_id WHERE t.object_type = 'membership' AND tm.person_id = p.id)";
    private const string Modified1 = "(CASE WHEN " + MembershipsModified + " > p.updated_at THEN " + MembershipsModified + " ELSE p.updated_at END)";
    public const string PersonModified = "(CASE WHEN " + MembershipsGone + " > " + Modified1 + " THEN " + MembershipsGone + " ELSE " + Modified1 + " END)";

    private const string RowsSql =
        "SELECT p.id AS Id, p.body_id AS BodyId, p.created_at AS Created, " + PersonModified + " AS Modified, p.title AS Title, " +
        "p.given_name AS GivenName, p.family_name AS FamilyName, p.form_of_address AS FormOfAddress, p.status AS Status FROM persons p WHERE " + PublicPerson;
    public const string OfBodySql = RowsSql + " AND p.body_id = @BodyId";
    public const string PageSql = "SELECT x.* FROM (" + OfBodySql + ") x" + OParlSql.Filter + OParlSql.Page;
    public const string CountSql = "SELECT COUNT(*) FROM (" + OfBodySql + ") x" + OParlSql.Filter;
    public const string BeforeSql = CountSql + OParlSql.UpToCursor;

    private const string NotPublic = " AND x.Id NOT IN (SELECT y.Id FROM (" + OfBodySql + ") y)";
    public const string GonePageSql = "SELECT x.* FROM (" + OParlSql.TombstoneRows + ") x" + OParlSql.Filter + NotPublic + OParlSql.Page;
    public const string GoneCountSql = "SELECT COUNT(*) FROM (" + OParlSql.TombstoneRows + ") x" + OParlSql.Filter + NotPublic;
    public const string GoneBeforeSql = GoneCountSql + OParlSql.UpToCursor;
    private static readonly OParlTombstones.Gone Gone = new(PublicTombstones.Person, GonePageSql, GoneCountSql, GoneBeforeSql);
    public const string ByIdSql = RowsSql + " AND p.id = @Id";

    public static JsonObject ToJson(OParlUrls urls, Row p, IEnumerable<OParlMemberships.Row>? memberships)
    {
        var json = OParlFormat.Head(urls.Object("person", p.Id), "Person", p.Created, p.Modified);
        json["body"] = urls.Body(p.BodyId);
        json["name"] = PeopleSql.FullName(p.Title, p.GivenName, p.FamilyName);
        json["familyName"] = p.FamilyName;
        json.Put("givenName", p.GivenName);
        json.Put("formOfAddress", p.FormOfAddress);
        if (!string.IsNullOrWhiteSpace(p.Title)) json["title"] = new JsonArray(p.Title);
        json["status"] = new JsonArray(PeopleSql.StatusLabel(p.Status));
        if (memberships is not null)
            json["membership"] = new JsonArray([.. memberships.Select(m => OParlMemberships.ToJson(urls, m))]);
        json["web"] = urls.Web($"/personen/{p.Id}");
        return json;
    }

    public sealed class ListHandler(DbSession db) : IRequestHandler<List, JsonObject?>
    {
        public async Task<JsonObject?> Handle(List query, CancellationToken cancellationToken)
        {
            if (!await OParlBodies.ExistsAsync(db, query.BodyId, cancellationToken)) return null;
            var rows = await OParlLists.ReadAsync<Row>(db, PageSql, CountSql, BeforeSql, new { query.BodyId }, query.Filter, Gone, query.Urls, r => r.Id,
                cancellationToken);
            var memberships = query.Filter.OmitInternal || rows.Items.Count == 0 ? null
                : await OParlMemberships.OfPersonsAsync(db, rows.Items[0].Id, rows.Items[^1].Id, cancellationToken);
            return OParlLists.Page(query.Urls.BodyList(query.BodyId, "person"), query.Filter, rows,
                p => ToJson(query.Urls, p, memberships?[p.Id]), p => p.Id);
        }
    }

    public sealed class GetHandler(DbSession db) : IRequestHandler<Get, (JsonObject Json, string Modified)?>
    {
        public async Task<(JsonObject Json, string Modified)?> Handle(Get query, CancellationToken cancellationToken)
        {
            var row = await OParlLists.ByIdAsync<Row>(db, ByIdSql, query.Id, cancellationToken);
            if (row is null) return null;
            var memberships = await OParlMemberships.OfPersonsAsync(db, row.Id, row.Id, cancellationToken);
            return (ToJson(query.Urls, row, memberships[row.Id]), row.Modified);
        }
    }
}

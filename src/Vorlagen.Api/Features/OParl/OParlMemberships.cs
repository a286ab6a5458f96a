using System.Text.Json.Nodes;
using Dapper;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Features.People;

namespace Vorlagen.Api.Features.OParl;

/// <summary>
/// Mitgliedschaften: only public ones (<c>is_public</c>); a non-public membership is no object (not listed, counted,
/// embedded in its person, linked from its organization). Role as the German label; the Wahlperiode and the statutory
/// seat (kraft Amtes) are vendor extensions.
/// </summary>
public static class OParlMemberships
{
    public sealed record List(OParlUrls Urls, long BodyId, OParlListFilter Filter) : IRequest<JsonObject?>;
    public sealed record Get(OParlUrls Urls, long Id) : IRequest<(JsonObject Json, string Modified)?>;

    public sealed record Row
    {
        public long Id { get; init; }
        public long PersonId { get; init; }
        public long OrganizationId { get; init; }
        public long LegislativeTermId { get; init; }
        public string Created { get; init; } = "";
        public string Modified { get; init; } = "";
        public string Role { get; init; } = "";
        public bool VotingRight { get; init; }
        public bool Statutory { get; init; }
        public string StartDate { get; init; } = "";
        public string? EndDate { get; init; }
    }

    public sealed record OrganizationLink
    {
        public long OrganizationId { get; init; }
        public long Id { get; init; }
    }

    private const string RowsSql =
        "SELECT m.id AS Id, m.person_id AS PersonId, m.organization_id AS OrganizationId, m.legislative_term_id AS LegislativeTermId, " +
        "m.created_at AS Created, m.updated_at AS Modified, m.role AS Role, m.voting_right AS VotingRight, m.statutory AS Statutory, " +
        "m.start_date AS StartDate, m.end_date AS EndDate FROM memberships m JOIN persons p ON p.id = m.person_id WHERE m.is_public = 1";
    public const string OfBodySql = RowsSql + " AND p.body_id = @BodyId";
    public const string PageSql = "SELECT x.* FROM (" + OfBodySql + ") x" + OParlSql.Filter + OParlSql.Page;
    public const string CountSql = "SELECT COUNT(*) FROM (" + OfBodySql + ") x" + OParlSql.Filter;
    public const string BeforeSql = CountSql + OParlSql.UpToCursor;

    private const string NotPublic = " AND x.Id NOT IN (SELECT y.Id FROM (" + OfBodySql + ") y)";
    public const string GonePageSql = "SELECT x.* FROM (" + OParlSql.TombstoneRows + ") x" + OParlSql.Filter + NotPublic + OParlSql.Page;
    public const string GoneCountSql = "SELECT COUNT(*) FROM (" + OParlSql.TombstoneRows + ") x" + OParlSql.Filter + NotPublic;
    public const string GoneBeforeSql = GoneCountSql + OParlSql.UpToCursor;
    private static readonly OParlTombstones.Gone Gone = new(PublicTombstones.Membership, GonePageSql, GoneCountSql, GoneBeforeSql);
    public const string ByIdSql = RowsSql + " AND m.id = @Id";
    public const string OfPersonsSql = RowsSql + " AND m.person_id >= @FirstId AND m.person_id <= @LastId ORDER BY m.person_id, m.start_date, m.id";
    public const string IdsOfOrganizationsSql =
        "SELECT m.organization_id AS OrganizationId, m.id AS Id FROM memberships m WHERE m.is_public = 1 " +
        "AND m.organization_id >= @FirstId AND m.organization_id <= @LastId ORDER BY m.organization_id, m.id";

    public static JsonObject ToJson(OParlUrls urls, Row m)
    {
        var x = OParlFormat.Extension;
        var json = OParlFormat.Head(urls.Object("membership", m.Id), "Membership", m.Created, m.Modified);
        json["person"] = urls.Object("person", m.PersonId);
        json["organization"] = urls.Object("organization", m.OrganizationId);
        json["role"] = MembershipRoles.Label(m.Role);
        json["votingRight"] = m.VotingRight;
        json["startDate"] = OParlFormat.Date(m.StartDate);
        json.Put("endDate", OParlFormat.Date(m.EndDate));
        json[x + "legislativeTerm"] = urls.Object("legislativeterm", m.LegislativeTermId);
        json[x + "statutory"] = m.Statutory;
        return json;
    }

    /// <summary>The public memberships of a contiguous id range of persons (a page of persons), by person id.</summary>
    public static async Task<ILookup<long, Row>> OfPersonsAsync(DbSession db, long firstId, long lastId, CancellationToken cancellationToken)
    {
        var connection = await db.ConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(OfPersonsSql, new { FirstId = firstId, LastId = lastId }, db.Transaction,
            cancellationToken: cancellationToken));
        return rows.ToLookup(r => r.PersonId);
    }

    /// <summary>The ids of the public memberships of a contiguous id range of organizations, by organization id.</summary>
    public static async Task<ILookup<long, long>> IdsOfOrganizationsAsync(DbSession db, long firstId, long lastId, CancellationToken cancellationToken)
    {
        var connection = await db.ConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<OrganizationLink>(new CommandDefinition(IdsOfOrganizationsSql,
            new { FirstId = firstId, LastId = lastId }, db.Transaction, cancellationToken: cancellationToken));
        return rows.ToLookup(r => r.OrganizationId, r => r.Id);
    }

    public sealed class ListHandler(DbSession db) : IRequestHandler<List, JsonObject?>
    {
        public async Task<JsonObject?> Handle(List query, CancellationToken cancellationToken)
        {
            if (!await OParlBodies.ExistsAsync(db, query.BodyId, cancellationToken)) return null;
            var rows = await OParlLists.ReadAsync<Row>(db, PageSql, CountSql, BeforeSql, new { query.BodyId }, query.Filter, Gone, query.Urls, r => r.Id,
                cancellationToken);
            return OParlLists.Page(query.Urls.BodyList(query.BodyId, "membership"), query.Filter, rows, m => ToJson(query.Urls, m), m => m.Id);
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

using System.Globalization;
using System.Text.Json.Nodes;
using Dapper;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Domain.Voting;

namespace Vorlagen.Api.Features.OParl;

/// <summary>
/// Beratungen. Only public consultations of public papers are objects; a non-public one does not exist here at all
/// (not listed, not counted, not embedded, 404). OParl 1.1 has no structured vote data, so the result and tally
/// are vendor extensions (<c>vorlagen:*</c>, see the README); <c>vorlagen:result</c> is the text readers expect
/// in <c>AgendaItem.result</c>, e.g. "beschlossen (Ja: 27 Nein: 6 Enth: 0 Bef: 0)".
/// </summary>
public static class OParlConsultations
{
    public sealed record List(OParlUrls Urls, long BodyId, OParlListFilter Filter) : IRequest<JsonObject?>;
    public sealed record Get(OParlUrls Urls, long Id) : IRequest<(JsonObject Json, string Modified)?>;

    public sealed record Row
    {
        public long Id { get; init; }
        public long PaperId { get; init; }
        public string Created { get; init; } = "";
        public string Modified { get; init; } = "";
        public int Position { get; init; }
        public long OrganizationId { get; init; }
        public string Role { get; init; } = "";
        public string Status { get; init; } = "";
        public string? PlannedDate { get; init; }
        public string? Outcome { get; init; }
        public string? ResultDate { get; init; }
        public string? Majority { get; init; }
        public int? VotesEntitled { get; init; }
        public int? VotesYes { get; init; }
        public int? VotesNo { get; init; }
        public int? VotesAbstain { get; init; }
        public int? VotesRecused { get; init; }
        public string? ResolutionText { get; init; }
        public long? ReferredToOrganizationId { get; init; }
        public long? AgendaItemId { get; init; }
        public long? MeetingId { get; init; }
    }

    // A decision of a non-public session becomes public when it is announced (§ 33 Abs. 1 Satz 3 SächsLKrO; Meetings/AnnounceDecision).
    private const string FromPublic =
        " FROM consultations c JOIN papers p ON p.id = c.paper_id WHERE (c.is_public = 1 OR c.announced_on IS NOT NULL) AND " + OParlSql.PublicPaper;
    // "+p.body_id": no index on it, so SQLite walks consultations in id order (the page order) instead of sorting the whole body.
    private const string OfBodySql = "SELECT " + OParlSql.ConsultationColumns + FromPublic + " AND +p.body_id = @BodyId";
    public const string PageSql = "SELECT x.* FROM (" + OfBodySql + ") x" + OParlSql.Filter + OParlSql.Page;
    public const string CountSql = "SELECT COUNT(*) FROM (" + OfBodySql + ") x" + OParlSql.Filter;
    public const string BeforeSql = CountSql + OParlSql.UpToCursor;
    public const string ByIdSql = "SELECT " + OParlSql.ConsultationColumns + FromPublic + " AND c.id = @Id";

    /// <summary>The public consultations of the papers with ids in [@FirstId, @LastId] (a page of papers), in Beratungsfolge order.</summary>
    public const string OfPapersSql =
        "SELECT " + OParlSql.ConsultationColumns + FromPublic + " AND c.paper_id >= @FirstId AND c.paper_id <= @LastId ORDER BY c.paper_id, c.position";

    private static readonly Dictionary<string, string> RoleNames = new()
    {
        [ConsultationRoles.Vorberatend] = "Vorberatung",
        [ConsultationRoles.Beschliessend] = "Entscheidung",
        [ConsultationRoles.Kenntnisnahme] = "Kenntnisnahme",
    };

    public static JsonObject ToJson(OParlUrls urls, Row c)
    {
        var x = OParlFormat.Extension;
        var json = OParlFormat.Head(urls.Object("consultation", c.Id), "Consultation", c.Created, c.Modified);
        json["paper"] = urls.Object("paper", c.PaperId);
        if (c.AgendaItemId is { } agendaItem && c.MeetingId is { } meeting)
        {
            json["agendaItem"] = urls.Object("agendaitem", agendaItem);
            json["meeting"] = urls.Object("meeting", meeting);
        }
        json["organization"] = new JsonArray(urls.Object("organization", c.OrganizationId));
        json["authoritative"] = c.Role == ConsultationRoles.Beschliessend;
        json["role"] = RoleNames.GetValueOrDefault(c.Role, c.Role);
        json[x + "status"] = c.Status;
        json.Put(x + "plannedDate", OParlFormat.Date(c.PlannedDate));
        if (c.Outcome is null) return json;
        json[x + "outcome"] = c.Outcome;
        json[x + "result"] = ResultText(c);
        json.Put(x + "resultDate", OParlFormat.Date(c.ResultDate));
        if (c.VotesEntitled is { } entitled)
            json[x + "votes"] = new JsonObject
            {
                ["entitled"] = entitled, ["yes"] = c.VotesYes ?? 0, ["no"] = c.VotesNo ?? 0,
                ["abstain"] = c.VotesAbstain ?? 0, ["recused"] = c.VotesRecused ?? 0,
            };
        json.Put(x + "majority", c.Majority);
        json.Put(x + "resolutionText", c.ResolutionText);
        if (c.ReferredToOrganizationId is { } referred) json[x + "referredTo"] = urls.Object("organization", referred);
        return json;
    }

    /// <summary>"beschlossen (Ja: 27 Nein: 6 Enth: 0 Bef: 0)": the outcome as German RIS write it, with the tally if voted.</summary>
    public static string ResultText(Row c)
    {
        var label = Outcomes.Find(c.Outcome)?.Label ?? c.Outcome!;
        return c.VotesEntitled is null ? label : string.Create(CultureInfo.InvariantCulture,
            $"{label} (Ja: {c.VotesYes ?? 0} Nein: {c.VotesNo ?? 0} Enth: {c.VotesAbstain ?? 0} Bef: {c.VotesRecused ?? 0})");
    }

    /// <summary>The public consultations of a contiguous id range of papers, by paper id.</summary>
    public static Task<ILookup<long, Row>> OfPapersAsync(DbSession db, long firstId, long lastId, CancellationToken cancellationToken) =>
        OParlLists.OfPapersAsync<Row>(db, OfPapersSql, firstId, lastId, r => r.PaperId, cancellationToken);

    public sealed class ListHandler(DbSession db) : IRequestHandler<List, JsonObject?>
    {
        public async Task<JsonObject?> Handle(List query, CancellationToken cancellationToken)
        {
            if (!await OParlBodies.ExistsAsync(db, query.BodyId, cancellationToken)) return null;
            var rows = await OParlLists.ReadAsync<Row>(db, PageSql, CountSql, BeforeSql, new { query.BodyId }, query.Filter, cancellationToken);
            return OParlLists.Page(query.Urls.BodyList(query.BodyId, "consultation"), query.Filter, rows, c => ToJson(query.Urls, c), c => c.Id);
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

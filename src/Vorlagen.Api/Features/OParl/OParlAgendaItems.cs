using System.Text.Json.Nodes;
using Dapper;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Features.Meetings;

namespace Vorlagen.Api.Features.OParl;

/// <summary>
/// Tagesordnungspunkte of the public part of published public meetings; a non-public item is no object (not listed,
/// counted, embedded, numbered around). <c>number</c> and <c>order</c> are those of the public part ("Ö 2.1").
/// The consultation is linked, and its result given, only when that consultation is public (of a public paper);
/// the tally is a vendor extension as on Consultation.
/// </summary>
public static class OParlAgendaItems
{
    public sealed record List(OParlUrls Urls, long BodyId, OParlListFilter Filter) : IRequest<JsonObject?>;
    public sealed record Get(OParlUrls Urls, long Id) : IRequest<(JsonObject Json, string Modified)?>;

    public sealed record Row
    {
        public long Id { get; init; }
        public long MeetingId { get; init; }
        public string Created { get; init; } = "";
        public string Modified { get; init; } = "";
        public int SortOrder { get; init; }
        public bool IsSub { get; init; }
        public string Title { get; init; } = "";
        public long? ConsultationId { get; init; }
        public long? PublicPaperId { get; init; }
        public string? Outcome { get; init; }
        public int? VotesEntitled { get; init; }
        public int? VotesYes { get; init; }
        public int? VotesNo { get; init; }
        public int? VotesAbstain { get; init; }
        public int? VotesRecused { get; init; }
        public string? ResolutionText { get; init; }
    }

    /// <summary>The public items of public meetings; <c>p</c> is set only for a public consultation of a public paper.</summary>
    private const string From =
        " FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id LEFT JOIN consultations c ON c.id = a.consultation_id AND c.is_public = 1 " +
        "LEFT JOIN papers p ON p.id = c.paper_id AND " + OParlSql.PublicPaper + " WHERE a.is_public = 1 AND " + OParlMeetings.PublicMeeting;

    private const string ConsultationChanged = "(CASE WHEN p.id IS NOT NULL THEN COALESCE(c.updated_at, c.recorded_at) END)";

    /// <summary>The meeting's changes (the agenda's included) and the result of its consultation.</summary>
    public const string AgendaItemModified =
        "(CASE WHEN " + ConsultationChanged + " > " + OParlMeetings.MeetingChanged + " THEN " + ConsultationChanged + " ELSE " + OParlMeetings.MeetingChanged + " END)";

    private const string RowsSql =
        "SELECT a.id AS Id, a.meeting_id AS MeetingId, a.created_at AS Created, " + AgendaItemModified + " AS Modified, a.sort_order AS SortOrder, " +
        "a.is_sub AS IsSub, a.title AS Title, a.consultation_id AS ConsultationId, p.id AS PublicPaperId, c.outcome AS Outcome, " +
        "c.votes_entitled AS VotesEntitled, c.votes_yes AS VotesYes, c.votes_no AS VotesNo, c.votes_abstain AS VotesAbstain, " +
        "c.votes_recused AS VotesRecused, c.resolution_text AS ResolutionText" + From;
    public const string OfBodySql = RowsSql + " AND m.body_id = @BodyId";
    public const string PageSql = "SELECT x.* FROM (" + OfBodySql + ") x" + OParlSql.Filter + OParlSql.Page;
    public const string CountSql = "SELECT COUNT(*) FROM (" + OfBodySql + ") x" + OParlSql.Filter;
    public const string BeforeSql = CountSql + OParlSql.UpToCursor;

    private const string NotPublic = " AND x.Id NOT IN (SELECT y.Id FROM (" + OfBodySql + ") y)";
    public const string GonePageSql = "SELECT x.* FROM (" + OParlSql.TombstoneRows + ") x" + OParlSql.Filter + NotPublic + OParlSql.Page;
    public const string GoneCountSql = "SELECT COUNT(*) FROM (" + OParlSql.TombstoneRows + ") x" + OParlSql.Filter + NotPublic;
    public const string GoneBeforeSql = GoneCountSql + OParlSql.UpToCursor;
    private static readonly OParlTombstones.Gone Gone = new(PublicTombstones.AgendaItem, GonePageSql, GoneCountSql, GoneBeforeSql);
    public const string ByIdSql = RowsSql + " AND a.id = @Id";
    public const string OfMeetingsSql = RowsSql + " AND a.meeting_id >= @FirstId AND a.meeting_id <= @LastId";

    public static JsonObject ToJson(OParlUrls urls, Row a, (string Number, int Order) place)
    {
        var x = OParlFormat.Extension;
        var json = OParlFormat.Head(urls.Object("agendaitem", a.Id), "AgendaItem", a.Created, a.Modified);
        json["meeting"] = urls.Object("meeting", a.MeetingId);
        json["number"] = place.Number;
        json["order"] = place.Order;
        json["name"] = a.Title;
        json["public"] = true;
        json["web"] = urls.Web($"/sitzungen/{a.MeetingId}");
        if (a.PublicPaperId is null || a.ConsultationId is not { } consultation) return json;
        json["consultation"] = urls.Object("consultation", consultation);
        if (a.Outcome is null) return json;
        json["result"] = OParlConsultations.ResultText(new OParlConsultations.Row
        {
            Outcome = a.Outcome, VotesEntitled = a.VotesEntitled, VotesYes = a.VotesYes, VotesNo = a.VotesNo, VotesAbstain = a.VotesAbstain,
            VotesRecused = a.VotesRecused,
        });
        json.Put("resolutionText", a.ResolutionText);
        json[x + "outcome"] = a.Outcome;
        if (a.VotesEntitled is { } entitled)
            json[x + "votes"] = new JsonObject
            {
                ["entitled"] = entitled, ["yes"] = a.VotesYes ?? 0, ["no"] = a.VotesNo ?? 0,
                ["abstain"] = a.VotesAbstain ?? 0, ["recused"] = a.VotesRecused ?? 0,
            };
        return json;
    }

    /// <summary>Number and order of every public item of the meetings with ids in [first, last], as the public part numbers them.</summary>
    private static async Task<(IReadOnlyList<Row> Rows, Dictionary<long, (string, int)> Places)> ReadMeetingsAsync(DbSession db, long firstMeeting, long lastMeeting,
        CancellationToken cancellationToken)
    {
        var connection = await db.ConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(OfMeetingsSql, new { FirstId = firstMeeting, LastId = lastMeeting }, db.Transaction,
            cancellationToken: cancellationToken))).ToList();
        var places = new Dictionary<long, (string, int)>();
        foreach (var meeting in rows.GroupBy(r => r.MeetingId))
        {
            var numbered = MeetingSql.Number([.. meeting.Select(r => new MeetingSql.ItemRow { Id = r.Id, IsPublic = true, SortOrder = r.SortOrder, IsSub = r.IsSub, Title = r.Title })], full: true);
            for (var i = 0; i < numbered.Count; i++) places[numbered[i].Id!.Value] = (numbered[i].Number!, i + 1);
        }
        return (rows, places);
    }

    /// <summary>The public agenda items of a contiguous id range of meetings, in agenda order, by meeting id.</summary>
    public static async Task<ILookup<long, JsonObject>> OfMeetingsAsync(DbSession db, OParlUrls urls, long firstMeeting, long lastMeeting,
        CancellationToken cancellationToken)
    {
        var (rows, places) = await ReadMeetingsAsync(db, firstMeeting, lastMeeting, cancellationToken);
        return rows.OrderBy(r => r.MeetingId).ThenBy(r => places[r.Id].Item2).ToLookup(r => r.MeetingId, r => ToJson(urls, r, places[r.Id]));
    }

    public sealed class ListHandler(DbSession db) : IRequestHandler<List, JsonObject?>
    {
        public async Task<JsonObject?> Handle(List query, CancellationToken cancellationToken)
        {
            if (!await OParlBodies.ExistsAsync(db, query.BodyId, cancellationToken)) return null;
            var rows = await OParlLists.ReadAsync<Row>(db, PageSql, CountSql, BeforeSql, new { query.BodyId }, query.Filter, Gone, query.Urls, r => r.Id,
                cancellationToken);
            var places = rows.Items.Count == 0 ? []
                : (await ReadMeetingsAsync(db, rows.Items.Min(r => r.MeetingId), rows.Items.Max(r => r.MeetingId), cancellationToken)).Places;
            return OParlLists.Page(query.Urls.BodyList(query.BodyId, "agendaitem"), query.Filter, rows, a => ToJson(query.Urls, a, places[a.Id]), a => a.Id);
        }
    }

    public sealed class GetHandler(DbSession db) : IRequestHandler<Get, (JsonObject Json, string Modified)?>
    {
        public async Task<(JsonObject Json, string Modified)?> Handle(Get query, CancellationToken cancellationToken)
        {
            var row = await OParlLists.ByIdAsync<Row>(db, ByIdSql, query.Id, cancellationToken);
            if (row is null) return null;
            var (_, places) = await ReadMeetingsAsync(db, row.MeetingId, row.MeetingId, cancellationToken);
            return (ToJson(query.Urls, row, places[row.Id]), row.Modified);
        }
    }
}

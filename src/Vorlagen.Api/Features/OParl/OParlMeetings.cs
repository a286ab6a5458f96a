using System.Globalization;
using System.Text.Json.Nodes;
using Dapper;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Features.Meetings;
using Vorlagen.Api.Infrastructure;

namespace Vorlagen.Api.Features.OParl;

/// <summary>
/// Sitzungen: public meetings once published (the invitation sent), as /api shows them to anonymous callers; a meeting
/// cancelled after that stays, with <c>cancelled</c>. Embeds the public agenda items (dropped with <c>omit_internal=true</c>)
/// and its place as a Location; the non-public part is no object, not even a placeholder. <c>modified</c> moves with
/// every change of the meeting (the agenda included) and with a result recorded for one of its public items.
/// </summary>
public static class OParlMeetings
{
    public sealed record List(OParlUrls Urls, long BodyId, OParlListFilter Filter) : IRequest<JsonObject?>;
    public sealed record Get(OParlUrls Urls, long Id) : IRequest<(JsonObject Json, string Modified)?>;

    public sealed record Row
    {
        public long Id { get; init; }
        public long BodyId { get; init; }
        public long OrganizationId { get; init; }
        public string OrganizationName { get; init; } = "";
        public string Created { get; init; } = "";
        public string Modified { get; init; } = "";
        public string LocationModified { get; init; } = "";
        public string? Number { get; init; }
        public string MeetingDate { get; init; } = "";
        public string? StartTime { get; init; }
        public string? EndTime { get; init; }
        public string? Room { get; init; }
        public string? Address { get; init; }
        public string Status { get; init; } = "";
    }

    public const string PublicMeeting = "m.published_at IS NOT NULL AND m.is_public = 1";

    /// <summary>Every change of a meeting (its agenda included) stamps <c>updated_at</c>; it became public when published.</summary>
    public const string MeetingChanged = "(CASE WHEN m.published_at > m.updated_at THEN m.published_at ELSE m.updated_at END)";

    private const string ResultsChanged =
        "(SELECT MAX(COALESCE(rc.updated_at, rc.recorded_at)) FROM agenda_items ra JOIN consultations rc ON rc.id = ra.consultation_id " +
        "JOIN papers rp ON rp.id = rc.paper_id WHERE ra.meeting_id = m.id AND ra.is_public = 1 AND rc.is_public = 1 " +
        "AND rp.released_on IS NOT NULL AND rp.is_public = 1)";

    public const string MeetingModified = "(CASE WHEN " + ResultsChanged + " > " + MeetingChanged + " THEN " + ResultsChanged + " ELSE " + MeetingChanged + " END)";

    private const string RowsSql =
        "SELECT m.id AS Id, m.body_id AS BodyId, m.organization_id AS OrganizationId, o.name AS OrganizationName, m.created_at AS Created, " +
        MeetingModified + " AS Modified, " + MeetingChanged + " AS LocationModified, m.number AS Number, m.meeting_date AS MeetingDate, " +
        "m.start_time AS StartTime, m.end_time AS EndTime, m.room AS Room, m.address AS Address, m.status AS Status " +
        "FROM meetings m JOIN organizations o ON o.id = m.organization_id WHERE " + PublicMeeting;
    public const string OfBodySql = RowsSql + " AND m.body_id = @BodyId";
    public const string PageSql = "SELECT x.* FROM (" + OfBodySql + ") x" + OParlSql.Filter + OParlSql.Page;
    public const string CountSql = "SELECT COUNT(*) FROM (" + OfBodySql + ") x" + OParlSql.Filter;
    public const string BeforeSql = CountSql + OParlSql.UpToCursor;
    public const string ByIdSql = RowsSql + " AND m.id = @Id";

    /// <summary>The places of public meetings (Location list): meetings with a room or an address.</summary>
    public const string LocationsOfBodySql = RowsSql + " AND m.body_id = @BodyId AND (m.room IS NOT NULL OR m.address IS NOT NULL)";
    public const string LocationPageSql =
        "SELECT x.* FROM (SELECT y.*, y.LocationModified AS Modified2 FROM (" + LocationsOfBodySql + ") y) x" + LocationFilter + OParlSql.Page;
    public const string LocationCountSql = "SELECT COUNT(*) FROM (SELECT y.*, y.LocationModified AS Modified2 FROM (" + LocationsOfBodySql + ") y) x" + LocationFilter;
    public const string LocationBeforeSql = LocationCountSql + OParlSql.UpToCursor;
    public const string LocationByIdSql = RowsSql + " AND m.id = @Id AND (m.room IS NOT NULL OR m.address IS NOT NULL)";

    /// <summary>A Location's own <c>modified</c> is the meeting's without the results (the place is all it shows).</summary>
    private const string LocationFilter =
        " WHERE (@CreatedSince IS NULL OR x.Created >= @CreatedSince) AND (@CreatedBefore IS NULL OR x.Created < @CreatedBefore)" +
        " AND (@ModifiedSince IS NULL OR x.Modified2 >= @ModifiedSince) AND (@ModifiedBefore IS NULL OR x.Modified2 < @ModifiedBefore)";

    public static JsonObject ToJson(OParlUrls urls, Row m, IEnumerable<JsonObject>? agendaItems)
    {
        var x = OParlFormat.Extension;
        var date = DateOnly.ParseExact(OParlFormat.Date(m.MeetingDate)!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var json = OParlFormat.Head(urls.Object("meeting", m.Id), "Meeting", m.Created, m.Modified);
        json["name"] = $"{(m.Number is null ? "" : m.Number + ": ")}Sitzung {m.OrganizationName} am {date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)}";
        json["meetingState"] = MeetingStatuses.Label(m.Status);
        if (m.Status == MeetingStatuses.Cancelled) json["cancelled"] = true;
        json.Put("start", At(date, m.StartTime));
        json.Put("end", At(date, m.EndTime));
        if (Location(urls, m) is { } location) json["location"] = location;
        json["organization"] = new JsonArray(urls.Object("organization", m.OrganizationId));
        if (agendaItems is not null) json["agendaItem"] = new JsonArray([.. agendaItems]);
        json["web"] = urls.Web($"/sitzungen/{m.Id}");
        json[x + "status"] = m.Status;
        json.Put(x + "number", m.Number);
        return json;
    }

    /// <summary>The meeting's place as an OParl Location (its id is the meeting's); null when neither room nor address is known.</summary>
    public static JsonObject? Location(OParlUrls urls, Row m)
    {
        if (m.Room is null && m.Address is null) return null;
        var json = OParlFormat.Head(urls.Object("location", m.Id), "Location", m.Created, m.LocationModified);
        json["description"] = string.Join(", ", new[] { m.Room, m.Address }.Where(s => !string.IsNullOrWhiteSpace(s)));
        json.Put("room", m.Room);
        json.Put("streetAddress", m.Address);
        json["meetings"] = new JsonArray(urls.Object("meeting", m.Id));
        return json;
    }

    /// <summary>A local session time ("17:00") on the session day as an OParl date-time (Berlin time with offset).</summary>
    private static string? At(DateOnly date, string? time)
    {
        if (time is null || !TimeOnly.TryParse(time, CultureInfo.InvariantCulture, out var t)) return null;
        var local = date.ToDateTime(t);
        return new DateTimeOffset(local, BerlinTime.Zone.GetUtcOffset(local)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    public sealed class ListHandler(DbSession db) : IRequestHandler<List, JsonObject?>
    {
        public async Task<JsonObject?> Handle(List query, CancellationToken cancellationToken)
        {
            if (!await OParlBodies.ExistsAsync(db, query.BodyId, cancellationToken)) return null;
            var rows = await OParlLists.ReadAsync<Row>(db, PageSql, CountSql, BeforeSql, new { query.BodyId }, query.Filter, cancellationToken);
            var items = query.Filter.OmitInternal || rows.Items.Count == 0 ? null
                : await OParlAgendaItems.OfMeetingsAsync(db, query.Urls, rows.Items[0].Id, rows.Items[^1].Id, cancellationToken);
            return OParlLists.Page(query.Urls.BodyList(query.BodyId, "meeting"), query.Filter, rows, m => ToJson(query.Urls, m, items?[m.Id]), m => m.Id);
        }
    }

    public sealed class GetHandler(DbSession db) : IRequestHandler<Get, (JsonObject Json, string Modified)?>
    {
        public async Task<(JsonObject Json, string Modified)?> Handle(Get query, CancellationToken cancellationToken)
        {
            var row = await OParlLists.ByIdAsync<Row>(db, ByIdSql, query.Id, cancellationToken);
            if (row is null) return null;
            var items = await OParlAgendaItems.OfMeetingsAsync(db, query.Urls, row.Id, row.Id, cancellationToken);
            return (ToJson(query.Urls, row, items[row.Id]), row.Modified);
        }
    }
}

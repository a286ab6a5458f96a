using System.Text.Json.Nodes;
using Dapper;
using MediatR;
using Vorlagen.Api.Data;

namespace Vorlagen.Api.Features.OParl;

/// <summary>
/// Orte: the place (room, address) of each public meeting, one Location per meeting with the meeting's id
/// (Vorlagen keeps places as the meeting's text, not as shared objects). Embedded in the meeting exactly as here.
/// </summary>
public static class OParlLocations
{
    public sealed record List(OParlUrls Urls, long BodyId, OParlListFilter Filter) : IRequest<JsonObject?>;
    public sealed record Get(OParlUrls Urls, long Id) : IRequest<(JsonObject Json, string Modified)?>;

    public sealed class ListHandler(DbSession db) : IRequestHandler<List, JsonObject?>
    {
        public async Task<JsonObject?> Handle(List query, CancellationToken cancellationToken)
        {
            if (!await OParlBodies.ExistsAsync(db, query.BodyId, cancellationToken)) return null;
            var rows = await OParlLists.ReadAsync<OParlMeetings.Row>(db, OParlMeetings.LocationPageSql, OParlMeetings.LocationCountSql,
                OParlMeetings.LocationBeforeSql, new { query.BodyId }, query.Filter, cancellationToken);
            return OParlLists.Page(query.Urls.BodyList(query.BodyId, "location"), query.Filter, rows, m => OParlMeetings.Location(query.Urls, m)!, m => m.Id);
        }
    }

    public sealed class GetHandler(DbSession db) : IRequestHandler<Get, (JsonObject Json, string Modified)?>
    {
        public async Task<(JsonObject Json, string Modified)?> Handle(Get query, CancellationToken cancellationToken)
        {
            var row = await OParlLists.ByIdAsync<OParlMeetings.Row>(db, OParlMeetings.LocationByIdSql, query.Id, cancellationToken);
            return row is null ? null : (OParlMeetings.Location(query.Urls, row)!, row.LocationModified);
        }
    }
}

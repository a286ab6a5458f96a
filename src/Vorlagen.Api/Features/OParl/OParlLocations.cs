using System.Text.Json.Nodes;
using MediatR;
using Vorlagen.Api.Data;

namespace Vorlagen.Api.Features.OParl;

/// <summary>
/// Ortsangaben — they come with the meetings issue. Until then the body's mandatory list is served valid and empty: truthfully, there is no public
/// object of this type yet. To plug them in, read the rows here like OParlPapers does and map the object URL
/// <c>/oparl/v1.1/location/{id}</c> in OParlEndpoints.
/// </summary>
public static class OParlLocations
{
    public sealed record List(OParlUrls Urls, long BodyId, OParlListFilter Filter) : IRequest<JsonObject?>;

    public sealed class ListHandler(DbSession db) : IRequestHandler<List, JsonObject?>
    {
        public async Task<JsonObject?> Handle(List query, CancellationToken cancellationToken) =>
            await OParlBodies.ExistsAsync(db, query.BodyId, cancellationToken)
                ? OParlLists.Empty(query.Urls.BodyList(query.BodyId, "location"), query.Filter)
                : null;
    }
}

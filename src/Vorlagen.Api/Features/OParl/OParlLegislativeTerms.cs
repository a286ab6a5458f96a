using System.Text.Json.Nodes;
using MediatR;
using Vorlagen.Api.Data;

namespace Vorlagen.Api.Features.OParl;

/// <summary>
/// Wahlperioden. Vorlagen holds none yet (they come with the people issue), so the body's embedded
/// <c>legislativeTerm</c> and its <c>legislativeTermList</c> are empty and no term URL exists.
/// To plug them in: read them here (embedded and listed alike; <c>body</c> only when fetched alone), map
/// <c>/oparl/v1.1/legislativeterm/{id}</c>, and let a term's change raise its body's <c>modified</c>.
/// </summary>
public static class OParlLegislativeTerms
{
    public sealed record List(OParlUrls Urls, long BodyId, OParlListFilter Filter) : IRequest<JsonObject?>;

    /// <summary>The terms embedded in each body's <c>legislativeTerm</c>, by body id.</summary>
    public static Task<ILookup<long, JsonObject>> OfBodiesAsync(DbSession db, OParlUrls urls, IReadOnlyList<long> bodyIds,
        CancellationToken cancellationToken) =>
        Task.FromResult(Array.Empty<(long BodyId, JsonObject Term)>().ToLookup(t => t.BodyId, t => t.Term));

    public sealed class ListHandler(DbSession db) : IRequestHandler<List, JsonObject?>
    {
        public async Task<JsonObject?> Handle(List query, CancellationToken cancellationToken) =>
            await OParlBodies.ExistsAsync(db, query.BodyId, cancellationToken)
                ? OParlLists.Empty(query.Urls.BodyList(query.BodyId, "legislativeterm"), query.Filter)
                : null;
    }
}

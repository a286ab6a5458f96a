using MediatR;
using Vorlagen.Api.Infrastructure;

namespace Vorlagen.Api.Features.Decisions;

/// <summary>/api/decisions: the Beschlussbuch, filtered by visibility.</summary>
public static class DecisionsEndpoints
{
    public static IEndpointRouteBuilder MapDecisions(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/decisions", (IMediator m, CancellationToken ct, long? bodyId, long? organizationId, int? year, int page = 1,
            int pageSize = PagedList<ListDecisions.DecisionDto>.DefaultPageSize) =>
            m.Send(new ListDecisions.Query(bodyId, organizationId, year, page, pageSize), ct)).WithTags("Beschlüsse").WithName("ListDecisions");
        return app;
    }
}

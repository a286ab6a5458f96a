using MediatR;
using Vorlagen.Api.Infrastructure;

namespace Vorlagen.Api.Features.Bodies;

public static class BodiesEndpoints
{
    public static void MapBodies(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/bodies").WithTags("Körperschaften");
        group.MapGet("", List).WithName("ListBodies");
        group.MapGet("{id:long}", Get).WithName("GetBody");
    }

    private static async Task<PagedList<BodyDto>> List(IMediator mediator, CancellationToken ct,
        int page = 1, int pageSize = PagedList<BodyDto>.DefaultPageSize) =>
        await mediator.Send(new ListBodies.Query(page, pageSize), ct);

    private static async Task<IResult> Get(IMediator mediator, HttpContext http, long id, CancellationToken ct)
    {
        var body = await mediator.Send(new GetBody.Query(id), ct);
        return HttpResults.OkWithETag(http, body, body.Version);
    }
}

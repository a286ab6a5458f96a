using MediatR;

namespace Vorlagen.Api.Features.PaperTypes;

public static class PaperTypesEndpoints
{
    public static void MapPaperTypes(this IEndpointRouteBuilder app) =>
        app.MapGroup("/api/paper-types").WithTags("Vorlagenarten")
            .MapGet("", (IMediator mediator, long? bodyId, CancellationToken ct) => mediator.Send(new ListPaperTypes.Query(bodyId), ct))
            .WithName("ListPaperTypes");
}

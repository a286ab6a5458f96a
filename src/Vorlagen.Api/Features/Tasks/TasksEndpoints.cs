using MediatR;

namespace Vorlagen.Api.Features.Tasks;

public static class TasksEndpoints
{
    public static IEndpointRouteBuilder MapTasks(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/tasks", (IMediator mediator, CancellationToken ct) => mediator.Send(new MyTasks.Query(), ct))
            .WithTags("Aufgaben").WithName("MyTasks").RequireAuthorization();
        return app;
    }
}

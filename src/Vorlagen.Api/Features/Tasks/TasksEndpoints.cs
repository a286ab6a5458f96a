using MediatR;
using Vorlagen.Api.Infrastructure;

namespace Vorlagen.Api.Features.Tasks;

public static class TasksEndpoints
{
    public static IEndpointRouteBuilder MapTasks(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/tasks", (IMediator mediator, CancellationToken ct, int page = 1, int pageSize = PagedList<MyTasks.TaskItem>.MaxPageSize) =>
                mediator.Send(new MyTasks.Query(page, pageSize), ct))
            .WithTags("Aufgaben").WithName("MyTasks").RequireAuthorization();
        return app;
    }
}

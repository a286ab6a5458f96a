using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Vorlagen.Api.Features.Health;

public static class HealthEndpoints
{
    public static void MapHealth(this IEndpointRouteBuilder app) =>
        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            ResponseWriter = (context, report) =>
            {
                context.Response.ContentType = "application/json";
                return context.Response.WriteAsJsonAsync(new { status = report.Status.ToString() });
            },
        });
}

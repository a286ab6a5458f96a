using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Vorlagen.Api.Features.Health;

public static class HealthEndpoints
{
    /// <summary>
    /// Exempt from the per-address rate limit: a load balancer polls from one address, and a burst of other traffic must
    /// not make a healthy node answer 429 and be taken out of rotation. The check stays one trivial query.
    /// </summary>
    public static void MapHealth(this IEndpointRouteBuilder app) =>
        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            ResponseWriter = (context, report) =>
            {
                context.Response.ContentType = "application/json";
                return context.Response.WriteAsJsonAsync(new { status = report.Status.ToString() });
            },
        }).DisableRateLimiting();
}

using System.Diagnostics;

namespace Vorlagen.Api.Infrastructure;

/// <summary>
/// One log line per HTTP request: method, path (no query string: it may hold search words), status and duration. The
/// mediator's per-call lines are Debug (<see cref="LoggingBehavior{TRequest, TResponse}"/>); a request sends several.
/// </summary>
public static class RequestLogging
{
    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("Vorlagen.Requests");
        return app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                if (logger.IsEnabled(LogLevel.Information))
                    logger.LogInformation("{Method} {Path} {StatusCode} in {ElapsedMs:0.0} ms", context.Request.Method, context.Request.Path.Value,
                        context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        });
    }
}

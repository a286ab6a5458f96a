using System.Diagnostics;
using MediatR;

namespace Vorlagen.Api.Infrastructure;

/// <summary>
/// Logs each mediator request's name, outcome and duration at Debug (an HTTP request sends several; <see cref="RequestLogging"/>
/// writes its one Information line); never the request body (it may hold non-public text).
/// </summary>
public sealed class LoggingBehavior<TRequest, TResponse>(ILogger<LoggingBehavior<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse> where TRequest : IRequest<TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (!logger.IsEnabled(LogLevel.Debug)) return await next();
        var name = typeof(TRequest).DeclaringType?.Name is { } slice ? $"{slice}.{typeof(TRequest).Name}" : typeof(TRequest).Name;
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next();
            logger.LogDebug("Handled {Request} in {ElapsedMs:0.0} ms", name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (Exception ex)
        {
            logger.LogDebug("Request {Request} ended with {Error} after {ElapsedMs:0.0} ms",
                name, ex.GetType().Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
    }
}

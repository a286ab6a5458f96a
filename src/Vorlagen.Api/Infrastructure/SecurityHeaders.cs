namespace Vorlagen.Api.Infrastructure;

/// <summary>
/// Defensive response headers: no framing, no MIME sniffing, only our own scripts and styles; HSTS on
/// HTTPS outside development; no caching of anything that depends on the caller.
/// </summary>
public static class SecurityHeaders
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    private const string StrictTransportSecurity = "max-age=31536000";

    /// <remarks>Set when the response starts, because the exception handler clears headers set earlier.</remarks>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var hsts = !app.ApplicationServices.GetRequiredService<IHostEnvironment>().IsDevelopment();
        return app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                if (hsts && context.Request.IsHttps) headers.StrictTransportSecurity = StrictTransportSecurity;
                if (DependsOnCaller(context)) headers.CacheControl = "no-store";
                return Task.CompletedTask;
            });
            await next(context);
        });
    }

    // /health and /openapi answer the same for everyone and stay cacheable.
    private static bool DependsOnCaller(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true || context.Request.Path.StartsWithSegments("/api")
        || context.Request.Path.Value?.EndsWith("/druck", StringComparison.OrdinalIgnoreCase) == true;
}

namespace Vorlagen.Api.Infrastructure;

/// <summary>Requests answered in JSON (ProblemDetails on errors); everything else is a page.</summary>
public static class ApiPaths
{
    public static bool IsApi(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/health")
        || http.Request.Path.StartsWithSegments("/openapi");
}

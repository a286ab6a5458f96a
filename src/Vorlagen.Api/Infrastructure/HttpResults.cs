namespace Vorlagen.Api.Infrastructure;

/// <summary>HTTP helpers shared by the endpoint classes: ETags carry the representation's version.</summary>
public static class HttpResults
{
    public static string ETag(int version) => $"\"{version}\"";

    /// <param name="version">null: the caller may not know the version (see <see cref="Features.Papers.PaperDto"/>), so no ETag.</param>
    public static IResult OkWithETag<T>(HttpContext http, T body, int? version)
    {
        if (version is { } known) http.Response.Headers.ETag = ETag(known);
        return Results.Ok(body);
    }
}

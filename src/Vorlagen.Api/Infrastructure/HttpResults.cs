namespace Vorlagen.Api.Infrastructure;

/// <summary>HTTP helpers shared by the endpoint classes: ETags carry the representation's version.</summary>
public static class HttpResults
{
    public static string ETag(int version) => $"\"{version}\"";

    public static IResult OkWithETag<T>(HttpContext http, T body, int version)
    {
        http.Response.Headers.ETag = ETag(version);
        return Results.Ok(body);
    }
}

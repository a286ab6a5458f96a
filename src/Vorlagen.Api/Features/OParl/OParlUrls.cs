namespace Vorlagen.Api.Features.OParl;

/// <summary>
/// Absolute, stateless URLs of the OParl objects and lists, built from the request's scheme and host
/// (which the reverse-proxy setting makes the client-facing ones). The same object always gets the same URL.
/// </summary>
public sealed record OParlUrls(string Origin)
{
    public const string Prefix = "/oparl/v1.1";

    public string Base => Origin + Prefix;
    public string System => $"{Base}/system";
    public string Bodies => $"{Base}/body";
    public string Body(long id) => $"{Base}/body/{id}";

    /// <summary>An external list of a body, e.g. <c>BodyList(1, "paper")</c>.</summary>
    public string BodyList(long bodyId, string list) => $"{Base}/body/{bodyId}/{list}";

    /// <summary>A single object; <paramref name="type"/> is the lower-case OParl type name, e.g. <c>paper</c>.</summary>
    public string Object(string type, long id) => $"{Base}/{type}/{id}";

    /// <summary>A page of the web UI (OParl <c>web</c>).</summary>
    public string Web(string path) => Origin + path;

    public static OParlUrls For(HttpRequest request) => new($"{request.Scheme}://{request.Host}{request.PathBase}");
}

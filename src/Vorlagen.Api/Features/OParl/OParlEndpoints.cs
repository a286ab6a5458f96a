using System.Text.Json.Nodes;
using MediatR;

namespace Vorlagen.Api.Features.OParl;

/// <summary>
/// OParl 1.1 under <c>/oparl/v1.1</c>: read-only, anonymous, public data only — whoever calls gets the public view.
/// Every answer (errors too) allows any origin; errors are OParl error objects, never the HTML error page.
/// </summary>
public static class OParlEndpoints
{
    public static bool IsOParl(HttpContext http) => http.Request.Path.StartsWithSegments("/oparl");

    /// <summary>CORS and error objects for everything under /oparl; inside the app's outer exception handler.</summary>
    public static IApplicationBuilder UseOParlTransport(this IApplicationBuilder app) => app.UseWhen(IsOParl, oparl => oparl.Use(async (http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            http.Response.Headers.AccessControlAllowOrigin = "*";
            http.Response.Headers.AccessControlExposeHeaders = "ETag, Last-Modified";
            return Task.CompletedTask;
        });
        if (HttpMethods.IsOptions(http.Request.Method))
        {
            http.Response.Headers.AccessControlAllowMethods = "GET, HEAD, OPTIONS";
            http.Response.Headers.AccessControlAllowHeaders = "If-None-Match, If-Modified-Since";
            http.Response.Headers.AccessControlMaxAge = "86400";
            http.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }
        try
        {
            await next(http);
        }
        catch (OParlException e) when (!http.Response.HasStarted)
        {
            await OParlResponses.Error(e.Status, e.Code, e.Message).ExecuteAsync(http);
        }
        catch (Exception e) when (!http.Response.HasStarted && e is not OperationCanceledException)
        {
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OParlEndpoints)).LogError(e, "OParl request failed");
            await OParlResponses.Error(500, "server_error", "Beim Lesen ist ein Fehler aufgetreten. Bitte versuchen Sie es später erneut.").ExecuteAsync(http);
        }
    }));

    public static IEndpointRouteBuilder MapOParl(this IEndpointRouteBuilder app)
    {
        var oparl = app.MapGroup(OParlUrls.Prefix).WithTags("OParl 1.1").ExcludeFromDescription().AllowAnonymous();
        oparl.MapGet("system", async (IMediator m, HttpContext http, CancellationToken ct) =>
        {
            var (json, modified) = await m.Send(new OParlSystem.Get(OParlUrls.For(http.Request)), ct);
            return OParlResponses.Json(json, modified);
        });
        oparl.MapGet("body", (IMediator m, HttpContext http, CancellationToken ct) =>
            ListAsync(m, http, (urls, filter) => new OParlBodies.List(urls, filter), ct));
        oparl.MapGet("body/{id:long}", (IMediator m, HttpContext http, long id, CancellationToken ct) =>
            ObjectAsync(m, http, urls => new OParlBodies.Get(urls, id), ct));

        MapBodyList(oparl, "organization", (urls, body, filter) => new OParlOrganizations.List(urls, body, filter));
        MapBodyList(oparl, "person", (urls, body, filter) => new OParlPersons.List(urls, body, filter));
        MapBodyList(oparl, "meeting", (urls, body, filter) => new OParlMeetings.List(urls, body, filter));
        MapBodyList(oparl, "paper", (urls, body, filter) => new OParlPapers.List(urls, body, filter));
        MapBodyList(oparl, "agendaitem", (urls, body, filter) => new OParlAgendaItems.List(urls, body, filter));
        MapBodyList(oparl, "consultation", (urls, body, filter) => new OParlConsultations.List(urls, body, filter));
        MapBodyList(oparl, "file", (urls, body, filter) => new OParlFiles.List(urls, body, filter));
        MapBodyList(oparl, "membership", (urls, body, filter) => new OParlMemberships.List(urls, body, filter));
        MapBodyList(oparl, "location", (urls, body, filter) => new OParlLocations.List(urls, body, filter));
        MapBodyList(oparl, "legislativeterm", (urls, body, filter) => new OParlLegislativeTerms.List(urls, body, filter));

        MapObject(oparl, "organization", (urls, id) => new OParlOrganizations.Get(urls, id));
        MapObject(oparl, "paper", (urls, id) => new OParlPapers.Get(urls, id));
        MapObject(oparl, "consultation", (urls, id) => new OParlConsultations.Get(urls, id));
        MapObject(oparl, "person", (urls, id) => new OParlPersons.Get(urls, id));
        MapObject(oparl, "membership", (urls, id) => new OParlMemberships.Get(urls, id));
        MapObject(oparl, "legislativeterm", (urls, id) => new OParlLegislativeTerms.Get(urls, id));
        MapObject(oparl, "meeting", (urls, id) => new OParlMeetings.Get(urls, id));
        MapObject(oparl, "agendaitem", (urls, id) => new OParlAgendaItems.Get(urls, id));
        MapObject(oparl, "location", (urls, id) => new OParlLocations.Get(urls, id));
        MapObject(oparl, "file", (urls, id) => new OParlFiles.Get(urls, id));

        // Anything else below /oparl: an OParl 404, not the HTML error page.
        app.MapGet("/oparl/{**rest}", () => NotFound()).ExcludeFromDescription().AllowAnonymous();
        return app;
    }

    private static void MapBodyList(RouteGroupBuilder oparl, string segment, Func<OParlUrls, long, OParlListFilter, IRequest<JsonObject?>> request) =>
        oparl.MapGet($"body/{{id:long}}/{segment}", (IMediator m, HttpContext http, long id, CancellationToken ct) =>
            ListAsync(m, http, (urls, filter) => request(urls, id, filter), ct));

    /// <summary>An object; one that left public view answers 410 with its deleted form.</summary>
    private static void MapObject(RouteGroupBuilder oparl, string segment, Func<OParlUrls, long, IRequest<(JsonObject Json, string Modified)?>> request) =>
        oparl.MapGet($"{segment}/{{id:long}}", async (IMediator m, HttpContext http, long id, CancellationToken ct) =>
        {
            var urls = OParlUrls.For(http.Request);
            if (await m.Send(request(urls, id), ct) is { } found) return OParlResponses.Json(found.Json, found.Modified);
            return await m.Send(new OParlTombstones.Get(urls, segment, id), ct) is { } deleted ? OParlResponses.Gone(deleted) : NotFound();
        });

    private static async Task<IResult> ListAsync(IMediator mediator, HttpContext http, Func<OParlUrls, OParlListFilter, IRequest<JsonObject?>> request,
        CancellationToken ct)
    {
        var filter = OParlListFilter.Parse(http.Request.Query);
        var page = await mediator.Send(request(OParlUrls.For(http.Request), filter), ct);
        return page is null ? NotFound() : OParlResponses.Json(page);
    }

    private static async Task<IResult> ObjectAsync(IMediator mediator, HttpContext http, Func<OParlUrls, IRequest<(JsonObject Json, string Modified)?>> request,
        CancellationToken ct) =>
        await mediator.Send(request(OParlUrls.For(http.Request)), ct) is { } found ? OParlResponses.Json(found.Json, found.Modified) : NotFound();

    private static IResult NotFound()
    {
        var e = OParlException.NotFound();
        return OParlResponses.Error(e.Status, e.Code, e.Message);
    }
}

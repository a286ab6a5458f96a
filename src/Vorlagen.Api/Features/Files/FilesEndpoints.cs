using MediatR;
using Microsoft.Net.Http.Headers;
using Vorlagen.Api.Infrastructure;

namespace Vorlagen.Api.Features.Files;

/// <summary>
/// The files API (metadata under /api) and the content URLs under /dateien, which the web UI reaches with its cookie and
/// API clients with their bearer token. Content: <c>accessUrl</c> inline, <c>downloadUrl</c> as attachment, both with
/// ETag (the SHA-256) and range requests. An invisible file is a plain 404 (the German error page).
/// </summary>
public static class FilesEndpoints
{
    public static IEndpointRouteBuilder MapFiles(this IEndpointRouteBuilder app)
    {
        var limit = new LargeBodyLimit(app.ServiceProvider.GetRequiredService<FilesOptions>().MaxRequestBytes,
            () => new FileTooLargeException(app.ServiceProvider.GetRequiredService<FilesOptions>().MaxBytes));

        var papers = app.MapGroup("/api/papers").WithTags("Dateien");
        papers.MapGet("{id:long}/files", (IMediator m, long id, CancellationToken ct) => m.Send(new ListPaperFiles.Query(id), ct)).WithName("ListPaperFiles");
        papers.MapPost("{id:long}/files", Upload).WithName("UploadPaperFile").RequireAuthorization().WithMetadata(limit).DisableAntiforgery();

        var files = app.MapGroup("/api/files").WithTags("Dateien");
        files.MapGet("{id:long}", Get).WithName("GetFile");
        files.MapPost("{id:long}/versions", Replace).WithName("ReplaceFile").RequireAuthorization().WithMetadata(limit).DisableAntiforgery();

        app.MapGet("/dateien/{id:long}", (IMediator m, FileStore s, HttpContext h, long id, CancellationToken ct) => Content(m, s, h, id, null, false, ct))
            .ExcludeFromDescription();
        app.MapGet("/dateien/{id:long}/download", (IMediator m, FileStore s, HttpContext h, long id, CancellationToken ct) => Content(m, s, h, id, null, true, ct))
            .ExcludeFromDescription();
        app.MapGet("/dateien/{id:long}/versionen/{version:int}",
            (IMediator m, FileStore s, HttpContext h, long id, int version, CancellationToken ct) => Content(m, s, h, id, version, false, ct)).ExcludeFromDescription();
        app.MapGet("/dateien/{id:long}/versionen/{version:int}/download",
            (IMediator m, FileStore s, HttpContext h, long id, int version, CancellationToken ct) => Content(m, s, h, id, version, true, ct)).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> Get(IMediator mediator, HttpContext http, long id, CancellationToken ct)
    {
        var file = await mediator.Send(new GetFile.Query(id), ct);
        return HttpResults.OkWithETag(http, file, file.Version);
    }

    private static async Task<IResult> Upload(IMediator mediator, FileIntake intake, HttpContext http, long id, CancellationToken ct)
    {
        await mediator.Send(new UploadFile.Check(id), ct); // before reading the body: 404/403/409 without streaming the file
        var form = await UploadForms.ReadAsync(http.Request, intake, ct);
        var file = await mediator.Send(new UploadFile.Command(id, form.Text("title"), form.Flag("public"), form.File ?? throw new EmptyFileException()), ct);
        http.Response.Headers.ETag = HttpResults.ETag(file.Version);
        return Results.Created($"/api/files/{file.Id}", file);
    }

    private static async Task<IResult> Replace(IMediator mediator, FileIntake intake, HttpContext http, long id, CancellationToken ct)
    {
        var expected = await IfMatch.ParseAsync(http.Request, async () => (await mediator.Send(new GetFile.Query(id), ct)).Version);
        await mediator.Send(new ReplaceFile.Check(id), ct);
        var form = await UploadForms.ReadAsync(http.Request, intake, ct);
        var file = await mediator.Send(new ReplaceFile.Command(id, expected, form.Text("title"), form.File ?? throw new EmptyFileException()), ct);
        http.Response.Headers.ETag = HttpResults.ETag(file.Version);
        return Results.Created($"/api/files/{file.Id}", file);
    }

    private static async Task<IResult> Content(IMediator mediator, FileStore store, HttpContext http, long id, int? version, bool attachment,
        CancellationToken ct)
    {
        GetFileContent.Content content;
        try
        {
            content = await mediator.Send(new GetFileContent.Query(id, version), ct);
        }
        catch (NotFoundException)
        {
            return Results.NotFound(); // rendered as the German error page
        }
        if (!attachment)
        {
            var inline = new ContentDispositionHeaderValue("inline");
            inline.SetHttpFileName(content.FileName);
            http.Response.Headers.ContentDisposition = inline.ToString();
        }
        // Caches must ask again (visibility can change); signed-in callers get no-store from SecurityHeaders.
        http.Response.Headers.CacheControl = "no-cache";
        return Results.File(store.OpenRead(content.Sha256), content.MimeType, attachment ? content.FileName : null, content.LastModified,
            new EntityTagHeaderValue($"\"{content.Sha256}\""), enableRangeProcessing: true);
    }
}

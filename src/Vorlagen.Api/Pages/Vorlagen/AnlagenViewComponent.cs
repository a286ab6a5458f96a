using MediatR;
using Microsoft.AspNetCore.Mvc;
using Vorlagen.Api.Features.Files;
using Vorlagen.Api.Features.Papers;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Pages.Papers;

/// <summary>
/// The "Anlagen" section of a Vorlage: the files the caller may see with their versions, and for the office while the
/// paper is open the forms to upload and replace (posting to <see cref="AnlagenModel"/>).
/// </summary>
public sealed class AnlagenViewComponent(IMediator mediator, Caller caller, FilesOptions options) : ViewComponent
{
    public sealed record AnlagenView(PaperDto Paper, IReadOnlyList<FileDto> Files, bool MayWrite, string MaxSize, string? TypedTitle);

    public async Task<IViewComponentResult> InvokeAsync(PaperDto paper, string? typedTitle = null)
    {
        var files = new List<FileDto>();
        foreach (var file in await mediator.Send(new ListPaperFiles.Query(paper.Id), HttpContext.RequestAborted))
            files.Add(file.Version > 1 ? await mediator.Send(new GetFile.Query(file.Id), HttpContext.RequestAborted) : file);
        return View(new AnlagenView(paper, files, FileWriting.MayWrite(caller, paper.BodyId, paper.Status), FileSizes.Format(options.MaxBytes), typedTitle));
    }
}

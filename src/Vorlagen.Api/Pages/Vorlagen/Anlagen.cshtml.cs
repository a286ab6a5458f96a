using MediatR;
using Microsoft.AspNetCore.Mvc;
using Vorlagen.Api.Features.Files;
using Vorlagen.Api.Features.Papers;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;
using Vorlagen.Api.Pages.Shared;

namespace Vorlagen.Api.Pages.Papers;

/// <summary>
/// The Anlagen of a Vorlage on their own page, and the target of the upload and replace forms (which the Vorlage page
/// shows too). The browser's file goes through the same <see cref="FileIntake"/> and commands as the API's.
/// </summary>
public sealed class AnlagenModel(IMediator mediator, Caller caller, FileIntake intake) : UiPageModel
{
    public sealed class AnlageInput
    {
        public string? Title { get; set; }
        public bool Public { get; set; }
        public IFormFile? File { get; set; }
        public long? FileId { get; set; }
        public int? Version { get; set; }
    }

    [BindProperty]
    public AnlageInput Anlage { get; set; } = new();

    public PaperDto Paper { get; private set; } = default!;

    public async Task OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct);

    public Task<IActionResult> OnPostHochladenAsync(long id, CancellationToken ct) => SaveAsync(id, async incoming =>
    {
        var file = await mediator.Send(new UploadFile.Command(id, Anlage.Title, Anlage.Public, incoming), ct);
        return $"{file.Label} „{file.Title}“ wurde hochgeladen.";
    }, () => mediator.Send(new UploadFile.Check(id), ct), ct);

    public Task<IActionResult> OnPostErsetzenAsync(long id, CancellationToken ct) => SaveAsync(id, async incoming =>
    {
        var file = await mediator.Send(new ReplaceFile.Command(Anlage.FileId ?? 0, Anlage.Version, Anlage.Title, incoming), ct);
        return $"{file.Label} „{file.Title}“ wurde ersetzt; Version {file.Version - 1} bleibt in der Versionsliste.";
    }, () => mediator.Send(new ReplaceFile.Check(Anlage.FileId ?? 0), ct), ct);

    private async Task<IActionResult> SaveAsync(long id, Func<IncomingFile, Task<string>> save, Func<Task<bool>> check, CancellationToken ct)
    {
        if (!caller.IsAuthenticated) return Challenge();
        try
        {
            await check();
            if (Anlage.File is not { Length: > 0 } upload) throw new EmptyFileException();
            await using var content = upload.OpenReadStream();
            Notice = await save(await intake.TakeAsync(content, upload.FileName, ct));
            return Redirect(Url.Page("/Vorlagen/Details", null, new { id }, null, null, "anlagen")!);
        }
        catch (AppException e) when (e is EmptyFileException or FileTooLargeException or UnsupportedFileTypeException)
        {
            ModelState.AddModelError("Anlage.File", e.Message);
        }
        catch (Exception e) when (FormErrors.Show(e, ModelState, "Anlage"))
        {
        }
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task LoadAsync(long id, CancellationToken ct)
    {
        Paper = await mediator.Send(new GetPaper.Query(id), ct);
        ViewData["Title"] = $"Anlagen zu {Paper.Reference}";
    }
}

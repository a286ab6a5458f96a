using MediatR;
using Microsoft.AspNetCore.Mvc;
using Vorlagen.Api.Features.Papers;
using Vorlagen.Api.Infrastructure.Auth;
using Vorlagen.Api.Pages.Shared;

namespace Vorlagen.Api.Pages.Entwurf;

/// <summary>A clerk edits a draft; the version the form was loaded at guards against overwriting someone else's change.</summary>
public sealed class BearbeitenModel(IMediator mediator, Caller caller) : EditorModel(mediator)
{
    public PaperDto Paper { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await PrepareAsync(id, ct) is { } refused) return refused;
        Form = PaperForm.FromPaper(Paper);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (await PrepareAsync(id, ct) is { } refused) return refused;
        var paper = await TrySendAsync(input => new UpdatePaper.Command(id, Form.Version, Form.Reference, input), ct);
        if (paper is null) return Page();
        Notice = $"Der Entwurf {paper.Reference} wurde gespeichert.";
        return RedirectToPage("/Vorlagen/Details", new { id });
    }

    public async Task<IActionResult> OnPostZeilenAsync(long id, CancellationToken ct)
    {
        if (await PrepareAsync(id, ct) is { } refused) return refused;
        ApplyRowButton();
        return Page();
    }

    private async Task<IActionResult?> PrepareAsync(long id, CancellationToken ct)
    {
        Paper = await Mediator.Send(new GetPaper.Query(id), ct);
        PaperEditing.RequireClerk(caller, Paper.BodyId);
        if (Paper.Status != PaperStatuses.Draft)
            return ErrorPage(409, $"Nur Entwürfe können bearbeitet werden; diese Vorlage ist „{Paper.StatusLabel}“.");
        await LoadBodyAsync(Paper.BodyId, ct);
        ViewData["Title"] = $"Entwurf {Paper.Reference} bearbeiten";
        return null;
    }
}

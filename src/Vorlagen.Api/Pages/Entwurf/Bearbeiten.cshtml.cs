using MediatR;
using Microsoft.AspNetCore.Mvc;
using Vorlagen.Api.Features.Papers;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;
using Vorlagen.Api.Pages.Shared;

namespace Vorlagen.Api.Pages.Entwurf;

/// <summary>A clerk edits a draft; the version the form was loaded at guards against overwriting someone else's change.</summary>
public sealed class BearbeitenModel(IMediator mediator, Caller caller, Infrastructure.PaperTypes.PaperTypeCatalog types) : EditorModel(mediator, types)
{
    public PaperDto Paper { get; private set; } = default!;

    /// <summary>Why the Landrat returned the draft, if the last step was a return (as Meine Aufgaben says it).</summary>
    public string? ReturnNote { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await PrepareAsync(id, ct) is { } refused) return refused;
        Form = PaperForm.FromPaper(Paper, Body.Finance ?? Features.Bodies.FinanceBlock.Default);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (await PrepareAsync(id, ct) is { } refused) return refused;
        var paper = await TrySendAsync(input => new UpdatePaper.Command(id, Form.Version, Form.Reference, input), ct, ChangedMeanwhileAsync);
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

    /// <summary>
    /// Someone else saved (or moved on) the draft while this form was open: say who and when, keep the entries,
    /// and let the hidden version follow the draft as it is now, so saving again replaces that change on purpose.
    /// </summary>
    private async Task ChangedMeanwhileAsync(CancellationToken ct)
    {
        Paper = await Mediator.Send(new GetPaper.Query(Paper.Id), ct);
        if (Paper.Status != PaperStatuses.Draft)
        {
            ModelState.AddModelError("", FormErrors.NoLongerDraft(Paper.UpdatedBy, Paper.UpdatedAt, Paper.StatusLabel));
            return;
        }
        ModelState.AddModelError("", FormErrors.OverwriteDraft(Paper.UpdatedBy, Paper.UpdatedAt));
        Form.Version = Paper.Version;
        ModelState.Remove($"{Prefix}.{nameof(PaperForm.Version)}");
    }

    private async Task<string?> ReturnNoteAsync(long id, CancellationToken ct)
    {
        var last = (await Mediator.Send(new GetPaperHistory.Query(id), ct)).LastOrDefault(h => h.Kind == "transition");
        if (last?.Action != "return") return null;
        var when = $"Zurückgegeben von {last.ActorName} am {Format.Date(DateOnly.FromDateTime(BerlinTime.ToBerlin(last.Time).DateTime))}";
        return string.IsNullOrWhiteSpace(last.Comment) ? when + "." : $"{when}: {last.Comment}";
    }

    private async Task<IActionResult?> PrepareAsync(long id, CancellationToken ct)
    {
        Paper = await Mediator.Send(new GetPaper.Query(id), ct);
        PaperEditing.RequireClerk(caller, Paper.BodyId);
        if (Paper.Status != PaperStatuses.Draft)
            return ErrorPage(409, $"Nur Entwürfe können bearbeitet werden; diese Vorlage ist „{Paper.StatusLabel}“.");
        await LoadBodyAsync(Paper.BodyId, ct);
        Type = Catalog.Get(Paper.PaperType);
        ReturnNote = await ReturnNoteAsync(id, ct);
        ViewData["Title"] = $"Entwurf {Paper.Reference} bearbeiten";
        return null;
    }
}

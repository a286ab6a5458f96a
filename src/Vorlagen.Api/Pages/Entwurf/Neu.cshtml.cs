using MediatR;
using Microsoft.AspNetCore.Mvc;
using Vorlagen.Api.Features.Papers;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Pages.Entwurf;

/// <summary>A clerk drafts a new Vorlage; the Beratungsfolge starts from the body's template.</summary>
public sealed class NeuModel(IMediator mediator, Caller caller, TimeProvider clock, Infrastructure.PaperTypes.PaperTypeCatalog types) : EditorModel(mediator)
{
    public async Task OnGetAsync(CancellationToken ct)
    {
        await PrepareAsync(ct);
        // This form drafts papers of the first type (the Vorlage layout); other types are drafted over the API.
        Form = PaperForm.FromTemplate(Body, BerlinTime.Today(clock), types.Default.TemplateKey);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await PrepareAsync(ct);
        var paper = await TrySendAsync(input => new CreatePaper.Command(Body.Id, Form.Reference?.Trim() is { Length: > 0 } r ? r : null, input), ct);
        if (paper is null) return Page();
        Notice = $"Der Entwurf {paper.Reference} wurde angelegt. Reichen Sie ihn ein, wenn er fertig ist.";
        return RedirectToPage("/Vorlagen/Details", new { id = paper.Id });
    }

    public async Task<IActionResult> OnPostZeilenAsync(CancellationToken ct)
    {
        await PrepareAsync(ct);
        ApplyRowButton();
        return Page();
    }

    private async Task PrepareAsync(CancellationToken ct)
    {
        // Only a body's clerks draft: the same check the command makes, so a 403 comes before the form.
        PaperEditing.RequireClerk(caller, caller.BodyId ?? 0);
        await LoadBodyAsync(caller.BodyId!.Value, ct);
        ViewData["Title"] = "Neue Vorlage";
    }
}

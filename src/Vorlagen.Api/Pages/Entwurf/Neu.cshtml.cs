using MediatR;
using Microsoft.AspNetCore.Mvc;
using Vorlagen.Api.Features.Papers;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Pages.Entwurf;

/// <summary>
/// A clerk drafts a new Vorlage; the Beratungsfolge starts from the body's template. Saving redirects to the new
/// draft (post-redirect-get), and the form's token makes a second sending of the same form (back button, double
/// click) open the draft it created instead of creating another.
/// </summary>
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
        var sent = clock.GetUtcNow();
        Form.Token = Form.Token is { Length: > 0 } token ? token : Guid.NewGuid().ToString("N");
        var paper = await TrySendAsync(input => new CreatePaper.Command(Body.Id, TextRules.Clean(Form.Reference)?.Trim() is { Length: > 0 } r ? r : null, input,
            Form.Token), ct);
        if (paper is null) return Page();
        Notice = paper.CreatedAt < sent.AddSeconds(-1)
            ? $"Dieses Formular wurde schon gespeichert: Der Entwurf {paper.Reference} bestand bereits und wurde nicht doppelt angelegt."
            : $"Der Entwurf {paper.Reference} wurde angelegt. Reichen Sie ihn ein, wenn er fertig ist.";
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

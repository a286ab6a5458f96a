using MediatR;
using Microsoft.AspNetCore.Mvc;
using Vorlagen.Api.Features.Papers;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Pages.Entwurf;

/// <summary>
/// A clerk drafts a new paper of a type from <c>workflows/types</c> (<c>?art=anfrage</c>; else the default type), with the
/// fields that type has; the Beratungsfolge starts from the body's template for it. Saving redirects to the new
/// draft (post-redirect-get), and the form's token makes a second sending of the same form (back button, double
/// click) open the draft it created instead of creating another.
/// </summary>
public sealed class NeuModel(IMediator mediator, Caller caller, TimeProvider clock, Infrastructure.PaperTypes.PaperTypeCatalog types)
    : EditorModel(mediator, types)
{
    /// <summary>The type to draft, by code (the type switch above the form sends it).</summary>
    [BindProperty(SupportsGet = true, Name = "art")]
    public string? Art { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await PrepareAsync(Art, ct);
        Form = PaperForm.FromTemplate(Body, BerlinTime.Today(clock), Type);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await PrepareAsync(Form.PaperType, ct);
        var sent = clock.GetUtcNow();
        Form.Token = Form.Token is { Length: > 0 } token ? token : Guid.NewGuid().ToString("N");
        var paper = await TrySendAsync(input => new CreatePaper.Command(Body.Id, TextRules.Clean(Form.Reference)?.Trim() is { Length: > 0 } r ? r : null, input,
            Form.Token), ct);
        if (paper is null) return Page();
        Notice = paper.CreatedAt < sent.AddSeconds(-1)
            ? $"Dieses Formular wurde schon gespeichert: Der Entwurf {paper.Reference} bestand bereits und wurde nicht doppelt angelegt."
            : paper.Status == PaperStatuses.Draft ? $"Der Entwurf {paper.Reference} wurde angelegt. Reichen Sie ihn ein, wenn er fertig ist."
            : $"{paper.PaperTypeLabel} {paper.Reference} wurde angelegt; Status: {paper.StatusLabel}.";
        return RedirectToPage("/Vorlagen/Details", new { id = paper.Id });
    }

    public async Task<IActionResult> OnPostZeilenAsync(CancellationToken ct)
    {
        await PrepareAsync(Form.PaperType, ct);
        ApplyRowButton();
        return Page();
    }

    private async Task PrepareAsync(string? type, CancellationToken ct)
    {
        Type = Catalog.Find(type) ?? Catalog.Default;
        Form.PaperType = Type.Code;
        // Only a body's clerks draft: the same check the command makes, so a 403 comes before the form.
        PaperEditing.RequireClerk(caller, caller.BodyId ?? 0);
        await LoadBodyAsync(caller.BodyId!.Value, ct);
        ViewData["Title"] = $"Neue {Type.Label}";
    }
}

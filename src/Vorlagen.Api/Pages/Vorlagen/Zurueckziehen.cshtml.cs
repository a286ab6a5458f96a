using MediatR;
using Microsoft.AspNetCore.Mvc;
using Vorlagen.Api.Features.Papers;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;
using Vorlagen.Api.Pages.Shared;

namespace Vorlagen.Api.Pages.Papers;

/// <summary>
/// The confirmation step before a Vorlage is withdrawn: it cannot be undone, so the page says so, asks for the
/// reason (the API requires it too) and for an explicit confirmation. A draft never submitted can instead be deleted.
/// </summary>
public sealed class ZurueckziehenModel(IMediator mediator, Caller caller, Infrastructure.PaperTypes.PaperTypeCatalog types) : UiPageModel
{
    [BindProperty] public string? Grund { get; set; }
    [BindProperty] public bool Bestaetigt { get; set; }
    [BindProperty] public int? Version { get; set; }

    public PaperDto Paper { get; private set; } = default!;
    public Infrastructure.PaperTypes.PaperTypeDescriptor Type { get; private set; } = default!;

    /// <summary>The label of the reason, from the type descriptor (every type that can be withdrawn requires a reason).</summary>
    public string ReasonLabel => Type.Action("withdraw")?.CommentLabel ?? "Grund für das Zurückziehen";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (!Bestaetigt)
            ModelState.AddModelError(nameof(Bestaetigt), "Bitte bestätigen Sie, dass die Vorlage endgültig zurückgezogen werden soll.");
        if (ModelState.ErrorCount == 0)
        {
            try
            {
                await mediator.Send(new PerformAction.Command(id, "withdraw", FormValues.Text(Grund), null, Version), ct);
                Notice = Actions.For(Type, "withdraw").Done;
                return RedirectToPage("/Vorlagen/Details", new { id });
            }
            catch (Exception e) when (FormErrors.Show(e, ModelState, ""))
            {
                if (ModelState.TryGetValue("Comment", out var comment))
                    foreach (var error in comment.Errors) ModelState.AddModelError(nameof(Grund), error.ErrorMessage);
                ModelState.Remove("Comment");
            }
        }
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(long id, CancellationToken ct)
    {
        if (!caller.IsAuthenticated) return Challenge();
        Paper = await mediator.Send(new GetPaper.Query(id), ct);
        Type = types.Get(Paper.PaperType);
        Version ??= Paper.Version;
        ViewData["Title"] = $"Vorlage {Paper.Reference} zurückziehen";
        return Paper.AvailableActions.Contains("withdraw") ? null
            : ErrorPage(409, $"Die Vorlage ist „{Paper.StatusLabel}“ und kann von Ihnen nicht zurückgezogen werden.");
    }
}

using MediatR;
using Microsoft.AspNetCore.Mvc;
using Vorlagen.Api.Features.People;
using Vorlagen.Api.Infrastructure.Auth;
using Vorlagen.Api.Pages.Shared;

namespace Vorlagen.Api.Pages.Verwaltung.Wahlperioden;

/// <summary>The Wahlperioden of a body, with a form to add one; a row's link opens it for editing.</summary>
public sealed class IndexModel(IMediator mediator, Caller caller) : UiPageModel
{
    [BindProperty(SupportsGet = true)] public long? BodyId { get; set; }
    [BindProperty] public TermForm Form { get; set; } = new();

    public AdminScope Scope { get; private set; } = default!;
    public IReadOnlyList<LegislativeTermDto> Terms { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await PrepareAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await PrepareAsync(ct);
        if (Form.Input(ModelState) is not { } input) return Page();
        try
        {
            var created = await mediator.Send(new LegislativeTerms.CreateCommand(Scope.BodyId ?? 0, input), ct);
            Notice = $"Die Wahlperiode „{created.Name}“ wurde angelegt.";
            return RedirectToPage("/Verwaltung/Wahlperioden/Index", new { bodyId = created.BodyId });
        }
        catch (Exception e) when (FormErrors.Show(e, ModelState, "Form"))
        {
            return Page();
        }
    }

    private async Task PrepareAsync(CancellationToken ct)
    {
        Scope = await AdminScope.ResolveAsync(mediator, caller, BodyId, allowAll: false, ct);
        if (Scope.BodyId is { } body) Terms = await mediator.Send(new LegislativeTerms.ListQuery(body), ct);
        ViewData["Title"] = "Wahlperioden";
    }
}

using MediatR;
using Microsoft.AspNetCore.Mvc;
using Vorlagen.Api.Features.People;
using Vorlagen.Api.Infrastructure.Auth;
using Vorlagen.Api.Pages.Shared;

namespace Vorlagen.Api.Pages.Verwaltung.Wahlperioden;

public sealed class BearbeitenModel(IMediator mediator, Caller caller) : UiPageModel
{
    [BindProperty] public TermForm Form { get; set; } = new();

    public LegislativeTermDto Term { get; private set; } = default!;

    public async Task OnGetAsync(long id, CancellationToken ct)
    {
        await PrepareAsync(id, ct);
        Form = TermForm.From(Term);
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        await PrepareAsync(id, ct);
        if (Form.Input(ModelState) is not { } input) return Page();
        try
        {
            var updated = await mediator.Send(new LegislativeTerms.UpdateCommand(id, Form.Version, input), ct);
            Notice = $"Die Wahlperiode „{updated.Name}“ wurde gespeichert.";
            return RedirectToPage("/Verwaltung/Wahlperioden/Index", new { bodyId = updated.BodyId });
        }
        catch (Exception e) when (FormErrors.Show(e, ModelState, "Form"))
        {
            return Page();
        }
    }

    private async Task PrepareAsync(long id, CancellationToken ct)
    {
        Term = await mediator.Send(new LegislativeTerms.GetQuery(id), ct);
        PeopleAccess.RequireAdmin(caller, Term.BodyId);
        ViewData["Title"] = $"Wahlperiode {Term.Name}";
    }
}

using MediatR;
using Microsoft.AspNetCore.Mvc;
using Vorlagen.Api.Features.Organizations;
using Vorlagen.Api.Infrastructure.Auth;
using Vorlagen.Api.Pages.Shared;

namespace Vorlagen.Api.Pages.Verwaltung.Gremien;

public sealed class NeuModel(IMediator mediator, Caller caller) : UiPageModel
{
    [BindProperty(SupportsGet = true)] public long? BodyId { get; set; }
    [BindProperty] public OrganizationForm Form { get; set; } = new();

    public AdminScope Scope { get; private set; } = default!;

    public async Task OnGetAsync(CancellationToken ct) => await PrepareAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await PrepareAsync(ct);
        var seats = FormValues.Integer(Form.Seats, ModelState, "Form.Seats", "Sitze");
        if (ModelState.ErrorCount > 0) return Page();
        try
        {
            var created = await mediator.Send(new CreateOrganization.Command(Scope.BodyId ?? 0, Form.Name, Form.ShortName, Form.Kind, seats ?? 0,
                Form.ChairVotes, Form.DefaultMajority), ct);
            Notice = $"Das Gremium „{created.Name}“ wurde angelegt.";
            return RedirectToPage("/Verwaltung/Gremien/Index", new { bodyId = created.BodyId });
        }
        catch (Exception e) when (FormErrors.Show(e, ModelState, "Form"))
        {
            return Page();
        }
    }

    private async Task PrepareAsync(CancellationToken ct)
    {
        Scope = await AdminScope.ResolveAsync(mediator, caller, BodyId, allowAll: false, ct);
        ViewData["Title"] = "Neues Gremium";
    }
}

using MediatR;
using Microsoft.AspNetCore.Mvc;
using Vorlagen.Api.Features.Organizations;
using Vorlagen.Api.Infrastructure.Auth;
using Vorlagen.Api.Pages.Shared;

namespace Vorlagen.Api.Pages.Verwaltung.Gremien;

public sealed class BearbeitenModel(IMediator mediator, Caller caller) : UiPageModel
{
    [BindProperty] public OrganizationForm Form { get; set; } = new();

    public OrganizationDto Organization { get; private set; } = default!;

    public async Task OnGetAsync(long id, CancellationToken ct)
    {
        await PrepareAsync(id, ct);
        Form = OrganizationForm.From(Organization);
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        await PrepareAsync(id, ct);
        var seats = FormValues.Integer(Form.Seats, ModelState, "Form.Seats", "Sitze");
        if (ModelState.ErrorCount > 0) return Page();
        try
        {
            var updated = await mediator.Send(new UpdateOrganization.Command(id, Form.Version, Form.Name, Form.ShortName, Form.Kind, seats ?? 0,
                Form.ChairVotes, Form.DefaultMajority, Form.Active), ct);
            Notice = $"Das Gremium „{updated.Name}“ wurde gespeichert.";
            return RedirectToPage("/Verwaltung/Gremien/Index", new { bodyId = updated.BodyId });
        }
        catch (Exception e) when (FormErrors.Show(e, ModelState, "Form"))
        {
            return Page();
        }
    }

    private async Task PrepareAsync(long id, CancellationToken ct)
    {
        Organization = await mediator.Send(new GetOrganization.Query(id), ct);
        OrganizationAccess.RequireAdmin(caller, Organization.BodyId);
        ViewData["Title"] = $"Gremium {Organization.Name}";
    }
}

using MediatR;
using Microsoft.AspNetCore.Mvc;
using Vorlagen.Api.Features.Bodies;
using Vorlagen.Api.Features.Organizations;
using Vorlagen.Api.Features.Users;
using Vorlagen.Api.Infrastructure.Auth;
using Vorlagen.Api.Pages.Shared;

namespace Vorlagen.Api.Pages.Verwaltung.Benutzer;

public sealed class NeuModel(IMediator mediator, Caller caller) : UiPageModel
{
    [BindProperty(SupportsGet = true)] public long? BodyId { get; set; }
    [BindProperty] public UserForm Form { get; set; } = new();

    public AdminScope Scope { get; private set; } = default!;
    public UserFormView View => new(Form, true, Scope.BodyId, Organizations);
    public IReadOnlyList<OrganizationDto> Organizations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await PrepareAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await PrepareAsync(ct);
        try
        {
            var user = await mediator.Send(new CreateUser.Command(Scope.BodyId, Form.Username?.Trim(), Form.DisplayName, Form.Password, Form.Active,
                Form.Roles()), ct);
            Notice = $"Der Benutzer {user.Username} wurde angelegt.";
            return RedirectToPage("/Verwaltung/Benutzer/Index", new { bodyId = user.BodyId });
        }
        catch (Exception e) when (FormErrors.Show(e, ModelState, "Form", UserForm.MapError))
        {
            Form.Password = null; // never echo a password back into the page
            return Page();
        }
    }

    private async Task PrepareAsync(CancellationToken ct)
    {
        Scope = await AdminScope.ResolveAsync(mediator, caller, BodyId, allowAll: true, ct);
        if (Scope.BodyId is { } body) Organizations = (await mediator.Send(new GetBody.Query(body), ct)).Organizations ?? [];
        ViewData["Title"] = "Neuer Benutzer";
    }
}

using MediatR;
using Microsoft.AspNetCore.Mvc;
using Vorlagen.Api.Features.Bodies;
using Vorlagen.Api.Features.Organizations;
using Vorlagen.Api.Features.Users;
using Vorlagen.Api.Pages.Shared;

namespace Vorlagen.Api.Pages.Verwaltung.Benutzer;

/// <summary>Name, active flag and roles with <see cref="UpdateUser"/>; a new password with <see cref="ResetPassword"/>.</summary>
public sealed class BearbeitenModel(IMediator mediator) : UiPageModel
{
    [BindProperty] public UserForm Form { get; set; } = new();
    [BindProperty] public string? NewPassword { get; set; }

    public UserDto Account { get; private set; } = default!;
    public IReadOnlyList<OrganizationDto> Organizations { get; private set; } = [];
    public UserFormView View => new(Form, false, Account.BodyId, Organizations, Account);

    public async Task OnGetAsync(long id, CancellationToken ct)
    {
        await PrepareAsync(id, ct);
        Form = UserForm.From(Account);
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        await PrepareAsync(id, ct);
        try
        {
            var user = await mediator.Send(new UpdateUser.Command(id, Form.Version, Form.DisplayName, Form.Active, Form.Roles()), ct);
            Notice = $"Der Benutzer {user.Username} wurde gespeichert.";
            return RedirectToPage("/Verwaltung/Benutzer/Index", new { bodyId = user.BodyId });
        }
        catch (Exception e) when (FormErrors.Show(e, ModelState, "Form", UserForm.MapError))
        {
            return Page();
        }
    }

    public async Task<IActionResult> OnPostPasswortAsync(long id, CancellationToken ct)
    {
        await PrepareAsync(id, ct);
        Form = UserForm.From(Account);
        ModelState.Clear();
        try
        {
            await mediator.Send(new ResetPassword.Command(id, NewPassword), ct);
            Notice = $"Das Passwort von {Account.Username} wurde neu gesetzt; eine Sperre ist aufgehoben.";
            return RedirectToPage(new { id });
        }
        catch (Exception e) when (FormErrors.Show(e, ModelState, "", path => path == "Password" ? nameof(NewPassword) : null))
        {
            return Page();
        }
    }

    private async Task PrepareAsync(long id, CancellationToken ct)
    {
        Account = await mediator.Send(new GetUser.Query(id), ct);
        if (Account.BodyId is { } body) Organizations = (await mediator.Send(new GetBody.Query(body), ct)).Organizations ?? [];
        ViewData["Title"] = $"Benutzer {Account.Username}";
    }
}

using MediatR;
using Microsoft.AspNetCore.Mvc;
using Vorlagen.Api.Features.People;
using Vorlagen.Api.Features.Users;
using Vorlagen.Api.Infrastructure.Auth;
using Vorlagen.Api.Pages.Shared;

namespace Vorlagen.Api.Pages.Verwaltung.Personen;

public sealed class NeuModel(IMediator mediator, Caller caller) : UiPageModel
{
    [BindProperty(SupportsGet = true)] public long? BodyId { get; set; }
    [BindProperty] public PersonForm Form { get; set; } = new();

    public AdminScope Scope { get; private set; } = default!;
    public IReadOnlyList<UserDto> Users { get; private set; } = [];
    public PersonFormView View => new(Form, Users);

    public async Task OnGetAsync(CancellationToken ct) => await PrepareAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await PrepareAsync(ct);
        try
        {
            var created = await mediator.Send(new CreatePerson.Command(Scope.BodyId ?? 0, Form.Input), ct);
            Notice = $"Die Person „{created.Name}“ wurde angelegt. Tragen Sie jetzt ihre Mitgliedschaften ein.";
            return RedirectToPage("/Verwaltung/Personen/Bearbeiten", new { id = created.Id });
        }
        catch (Exception e) when (FormErrors.Show(e, ModelState, "Form"))
        {
            return Page();
        }
    }

    private async Task PrepareAsync(CancellationToken ct)
    {
        Scope = await AdminScope.ResolveAsync(mediator, caller, BodyId, allowAll: false, ct);
        if (Scope.BodyId is { } body) Users = (await mediator.Send(new ListUsers.Query(body, 1, 200), ct)).Items;
        ViewData["Title"] = "Neue Person";
    }
}

using MediatR;
using Microsoft.AspNetCore.Mvc;
using Vorlagen.Api.Features.People;
using Vorlagen.Api.Features.Users;
using Vorlagen.Api.Infrastructure.Auth;
using Vorlagen.Api.Pages.Shared;

namespace Vorlagen.Api.Pages.Verwaltung.Personen;

/// <summary>A person: their data, their memberships (with a form for a new one) and the history of changes.</summary>
public sealed class BearbeitenModel(IMediator mediator, Caller caller) : UiPageModel
{
    [BindProperty] public PersonForm Form { get; set; } = new();
    [BindProperty] public MembershipForm Membership { get; set; } = new();

    public PersonDto Person { get; private set; } = default!;
    public IReadOnlyList<UserDto> Users { get; private set; } = [];
    public MembershipChoices Choices { get; private set; } = default!;
    public IReadOnlyList<GetPeopleHistory.ChangeDto> History { get; private set; } = [];
    public PersonFormView View => new(Form, Users);

    public async Task OnGetAsync(long id, CancellationToken ct)
    {
        await PrepareAsync(id, ct);
        Form = PersonForm.From(Person);
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        await PrepareAsync(id, ct);
        try
        {
            var updated = await mediator.Send(new UpdatePerson.Command(id, Form.Version, Form.Input), ct);
            Notice = $"Die Person „{updated.Name}“ wurde gespeichert.";
            return RedirectToPage("/Verwaltung/Personen/Bearbeiten", new { id });
        }
        catch (Exception e) when (FormErrors.Show(e, ModelState, "Form"))
        {
            return Page();
        }
    }

    public async Task<IActionResult> OnPostMitgliedschaftAsync(long id, CancellationToken ct)
    {
        await PrepareAsync(id, ct);
        Form = PersonForm.From(Person);
        if (Membership.Input(id, ModelState) is not { } input) return Page();
        try
        {
            var created = await mediator.Send(new CreateMembership.Command(input), ct);
            Notice = $"Mitgliedschaft in „{created.OrganizationName}“ eingetragen.";
            return RedirectToPage("/Verwaltung/Personen/Bearbeiten", new { id });
        }
        catch (Exception e) when (FormErrors.Show(e, ModelState, "Membership"))
        {
            return Page();
        }
    }

    private async Task PrepareAsync(long id, CancellationToken ct)
    {
        Person = await mediator.Send(new GetPerson.Query(id), ct);
        PeopleAccess.RequireAdmin(caller, Person.BodyId);
        Users = (await mediator.Send(new ListUsers.Query(Person.BodyId, 1, 200), ct)).Items;
        Choices = await MembershipChoices.LoadAsync(mediator, Person.BodyId, ct);
        History = await mediator.Send(new GetPeopleHistory.Query(id), ct);
        ViewData["Title"] = $"Person {Person.Name}";
    }
}

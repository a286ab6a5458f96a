using MediatR;
using Microsoft.AspNetCore.Mvc;
using Vorlagen.Api.Features.People;
using Vorlagen.Api.Infrastructure.Auth;
using Vorlagen.Api.Pages.Shared;

namespace Vorlagen.Api.Pages.Verwaltung.Personen;

/// <summary>Changes or ends a membership (person and Gremium stay).</summary>
public sealed class MitgliedschaftModel(IMediator mediator, Caller caller) : UiPageModel
{
    [BindProperty] public MembershipForm Membership { get; set; } = new();

    public MembershipDto Current { get; private set; } = default!;
    public MembershipChoices Choices { get; private set; } = default!;

    public async Task OnGetAsync(long id, CancellationToken ct)
    {
        await PrepareAsync(id, ct);
        Membership = MembershipForm.From(Current);
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        await PrepareAsync(id, ct);
        if (Membership.Input(Current.PersonId, ModelState) is not { } input) return Page();
        try
        {
            await mediator.Send(new UpdateMembership.Command(id, Membership.Version, input with { OrganizationId = Current.OrganizationId }), ct);
            Notice = $"Die Mitgliedschaft in „{Current.OrganizationName}“ wurde gespeichert.";
            return RedirectToPage("/Verwaltung/Personen/Bearbeiten", new { id = Current.PersonId });
        }
        catch (Exception e) when (FormErrors.Show(e, ModelState, "Membership"))
        {
            return Page();
        }
    }

    private async Task PrepareAsync(long id, CancellationToken ct)
    {
        Current = await mediator.Send(new GetMembership.Query(id), ct);
        var person = await mediator.Send(new GetPerson.Query(Current.PersonId), ct);
        PeopleAccess.RequireAdmin(caller, person.BodyId);
        Choices = await MembershipChoices.LoadAsync(mediator, person.BodyId, ct);
        ViewData["Title"] = $"Mitgliedschaft {Current.PersonName}";
    }
}

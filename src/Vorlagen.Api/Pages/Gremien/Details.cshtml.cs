using MediatR;
using Vorlagen.Api.Features.Organizations;
using Vorlagen.Api.Features.People;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Pages.Shared;

namespace Vorlagen.Api.Pages.Gremien;

/// <summary>A Gremium or Fraktion: its statutory size and its current members (public memberships for the public).</summary>
public sealed class DetailsModel(IMediator mediator, TimeProvider clock) : UiPageModel
{
    public OrganizationDto Organization { get; private set; } = default!;
    public IReadOnlyList<MembershipDto> Members { get; private set; } = [];
    public DateOnly Today => BerlinTime.Today(clock);

    public async Task OnGetAsync(long id, CancellationToken ct)
    {
        Organization = await mediator.Send(new GetOrganization.Query(id), ct);
        Members = (await mediator.Send(new ListMemberships.Query(id, null, null, Today, 1, PagedList<MembershipDto>.MaxPageSize), ct)).Items
            .OrderBy(m => m.Role switch { MembershipRoles.Vorsitz => 0, MembershipRoles.StellvVorsitz => 1, MembershipRoles.Mitglied => 2, MembershipRoles.Beratend => 3, _ => 4 })
            .ThenBy(m => m.PersonName, StringComparer.CurrentCulture).ToList();
        ViewData["Title"] = Organization.Name;
    }
}

using MediatR;
using Vorlagen.Api.Features.Organizations;
using Vorlagen.Api.Features.People;
using Vorlagen.Api.Infrastructure;

namespace Vorlagen.Api.Pages.Verwaltung.Personen;

/// <summary>The choices of the membership form: organizations, Wahlperioden and the seat holders a deputy may stand for.</summary>
public sealed record MembershipChoices(IReadOnlyList<OrganizationDto> Organizations, IReadOnlyList<LegislativeTermDto> Terms, IReadOnlyList<MembershipDto> SeatHolders)
{
    public static async Task<MembershipChoices> LoadAsync(IMediator mediator, long bodyId, CancellationToken ct)
    {
        var organizations = (await mediator.Send(new ListOrganizations.Query(bodyId, 1, PagedList<OrganizationDto>.MaxPageSize), ct)).Items;
        var terms = await mediator.Send(new LegislativeTerms.ListQuery(bodyId), ct);
        var holders = new List<MembershipDto>();
        for (var page = 1; page <= 10; page++)
        {
            var list = await mediator.Send(new ListMemberships.Query(null, null, bodyId, null, page, PagedList<MembershipDto>.MaxPageSize), ct);
            holders.AddRange(list.Items.Where(m => MembershipRoles.HoldsSeat(m.Role) && m.OrganizationKind is not ("fraktion" or "gruppe")));
            if (page * PagedList<MembershipDto>.MaxPageSize >= list.Total) break;
        }
        return new MembershipChoices(organizations, terms, holders);
    }
}

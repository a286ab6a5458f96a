using MediatR;
using Vorlagen.Api.Features.Meetings;
using Vorlagen.Api.Features.People;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Pages.Shared;

namespace Vorlagen.Api.Pages.Sitzungen;

/// <summary>The Einladung as a printable A4 document: Gremium, day, time, place, Tagesordnung with TOP and Vorlagen numbers, signed by the chair.</summary>
public sealed class EinladungModel(IMediator mediator) : UiPageModel
{
    public MeetingDto Meeting { get; private set; } = default!;
    public MembershipDto? Chair { get; private set; }

    public async Task OnGetAsync(long id, CancellationToken ct)
    {
        Meeting = await mediator.Send(new GetMeeting.Query(id), ct);
        var members = (await mediator.Send(new ListMemberships.Query(Meeting.OrganizationId, null, null, Meeting.Date, 1, PagedList<MembershipDto>.MaxPageSize), ct)).Items;
        // The Landrat chairs the Kreistag and Kreisausschuss by law (statutory seat); other Gremien have an elected Vorsitz.
        Chair = members.FirstOrDefault(m => m.Role == MembershipRoles.Vorsitz) ?? members.FirstOrDefault(m => m.Statutory);
        ViewData["Title"] = $"Einladung {Meeting.OrganizationName} {Format.Date(Meeting.Date)}";
    }
}

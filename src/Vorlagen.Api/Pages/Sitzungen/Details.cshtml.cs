using MediatR;
using Vorlagen.Api.Features.Meetings;
using Vorlagen.Api.Infrastructure.Auth;
using Vorlagen.Api.Pages.Shared;

namespace Vorlagen.Api.Pages.Sitzungen;

/// <summary>
/// A Sitzung: time, place and Tagesordnung with links to the papers (§ 32 Abs. 4, § 32b SächsLKrO: published once invited). The public sees
/// the non-public part only as "nichtöffentlicher Teil"; the office also sees the Ladungsfrist and the invitations.
/// </summary>
public sealed class DetailsModel(IMediator mediator, Caller caller) : UiPageModel
{
    public MeetingDto Meeting { get; private set; } = default!;
    public bool Office => MeetingAccess.IsOffice(caller, Meeting.BodyId);
    /// <summary>The Niederschrift's state when the caller may read it (the public: once published), else null.</summary>
    public string? MinutesState { get; private set; }

    public async Task OnGetAsync(long id, CancellationToken ct)
    {
        Meeting = await mediator.Send(new GetMeeting.Query(id), ct);
        if (Meeting.Status is MeetingStatuses.Held or MeetingStatuses.Closed)
        {
            try { MinutesState = (await mediator.Send(new GetMinutes.Query(id), ct)).StateLabel; }
            catch (Infrastructure.NotFoundException) { MinutesState = null; }
        }
        ViewData["Title"] = $"Sitzung {Meeting.OrganizationName} am {Format.Date(Meeting.Date)}";
    }
}

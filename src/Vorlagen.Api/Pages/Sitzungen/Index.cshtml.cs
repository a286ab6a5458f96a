using MediatR;
using Microsoft.AspNetCore.Mvc;
using Vorlagen.Api.Features.Meetings;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;
using Vorlagen.Api.Pages.Shared;

namespace Vorlagen.Api.Pages.Sitzungen;

/// <summary>The Sitzungskalender: sessions from a month ago on, as the caller may see them (the public: published public sessions), and the iCal feeds.</summary>
public sealed class IndexModel(IMediator mediator, Caller caller, TimeProvider clock) : UiPageModel
{
    [FromQuery(Name = "gremium")] public long? Gremium { get; set; }

    public IReadOnlyList<MeetingSummaryDto> Meetings { get; private set; } = [];
    public bool Office => caller.BodyId is { } body && MeetingAccess.IsOffice(caller, body);
    public long? BodyId => caller.BodyId;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Meetings = (await mediator.Send(new ListMeetings.Query(null, Gremium, BerlinTime.Today(clock).AddMonths(-1), null, 1, PagedList<MeetingSummaryDto>.MaxPageSize), ct)).Items;
        ViewData["Title"] = "Sitzungskalender";
    }
}

using MediatR;
using Vorlagen.Api.Features.Meetings;
using Vorlagen.Api.Features.Papers;
using Vorlagen.Api.Features.Tasks;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;
using Vorlagen.Api.Pages.Shared;

namespace Vorlagen.Api.Pages;

/// <summary>Start page: "Meine Aufgaben" for signed-in users, the newest public Vorlagen for everyone else.</summary>
public sealed class IndexModel(IMediator mediator, Caller caller, TimeProvider clock) : UiPageModel
{
    public bool SignedIn => caller.IsAuthenticated;
    public DateOnly Today => BerlinTime.Today(clock);
    public IReadOnlyList<MyTasks.TaskItem> Tasks { get; private set; } = [];
    public IReadOnlyList<Features.People.MembershipDto> Memberships { get; private set; } = [];
    /// <summary>All of the caller's tasks; the page shows the most urgent <see cref="PagedList{T}.MaxPageSize"/>.</summary>
    public int TaskTotal { get; private set; }
    public PagedList<PaperSummaryDto>? Latest { get; private set; }
    /// <summary>The office's Niederschriften not yet approved, with the day they are due at the Gremium.</summary>
    public IReadOnlyList<MinutesTasks.MinutesTaskDto> Minutes { get; private set; } = [];

    /// <summary>Coming sessions: for the office every session of the body (with the last day to send the Einladung while planned),
    /// for Kreisräte the published sessions of their Gremien.</summary>
    public IReadOnlyList<(MeetingSummaryDto Meeting, DateOnly? InviteBy)> Sessions { get; private set; } = [];

    public static readonly (string Kind, string Heading, string Empty)[] Groups =
    [
        (MyTasks.Agenda, "Anträge auf die Tagesordnung", "Kein Antrag wartet auf die Tagesordnung."),
        (MyTasks.Result, "Ergebnisse erfassen", "Keine Beratungsergebnisse zu erfassen."),
        (Vorlagen.Api.Infrastructure.PaperTypes.TaskGroups.Release, "Vorlagen freigeben", "Keine Vorlagen zur Freigabe."),
        (Vorlagen.Api.Infrastructure.PaperTypes.TaskGroups.Sign, "Beschlüsse ausfertigen", "Keine Beschlüsse zur Ausfertigung."),
        (MyTasks.Draft, "Entwürfe fertigstellen", "Keine offenen Entwürfe."),
        // A type's own steps (an Anfrage's assign, answer, sign, send), labelled by its descriptor.
        (Vorlagen.Api.Infrastructure.PaperTypes.TaskGroups.Action, "Weitere Schritte und Fristen", "Keine weiteren Schritte."),
    ];

    /// <summary>The member's personal calendar feed (only for callers with Gremien); <see cref="FeedUrl"/> only right after creating it.</summary>
    public PersonalCalendar.FeedDto? Feed { get; private set; }
    public string? FeedUrl { get; private set; }

    public async Task<Microsoft.AspNetCore.Mvc.IActionResult> OnPostCalendarAsync(CancellationToken ct)
    {
        var created = await mediator.Send(new PersonalCalendar.Create(), ct);
        await OnGetAsync(ct);
        FeedUrl = $"{Request.Scheme}://{Request.Host}{created.Url}";
        return Page();
    }

    public async Task<Microsoft.AspNetCore.Mvc.IActionResult> OnPostRevokeCalendarAsync(CancellationToken ct)
    {
        await mediator.Send(new PersonalCalendar.Revoke(), ct);
        Notice = "Die Kalenderadresse ist gesperrt.";
        return RedirectToPage();
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (caller.IsAuthenticated)
        {
            var tasks = await mediator.Send(new MyTasks.Query(), ct);
            (Tasks, Memberships, TaskTotal) = (tasks.Items, tasks.Memberships, tasks.Total);
            Sessions = await SessionsAsync(ct);
            Minutes = await mediator.Send(new MinutesTasks.Query(), ct);
            if (Memberships.Count > 0) Feed = await mediator.Send(new PersonalCalendar.Status(), ct);
            ViewData["Title"] = "Meine Aufgaben";
        }
        else
        {
            Latest = await mediator.Send(new ListPapers.Query(null, null, null, null, null, 1, 10), ct);
            ViewData["Title"] = "Start";
        }
    }

    private async Task<IReadOnlyList<(MeetingSummaryDto, DateOnly?)>> SessionsAsync(CancellationToken ct)
    {
        if (caller.BodyId is not { } body) return [];
        var office = MeetingAccess.IsOffice(caller, body);
        var gremien = Memberships.Select(m => m.OrganizationId).ToHashSet();
        var coming = (await mediator.Send(new ListMeetings.Query(body, null, Today, null, 1, 20), ct)).Items
            .Where(m => office || gremien.Contains(m.OrganizationId)).Take(10).ToList();
        var result = new List<(MeetingSummaryDto, DateOnly?)>();
        foreach (var m in coming)
        {
            DateOnly? inviteBy = null;
            if (office && m.Status is MeetingStatuses.Planned or MeetingStatuses.Postponed)
                inviteBy = (await mediator.Send(new GetMeeting.Query(m.Id), ct)).Notice?.LatestDispatch.Values.Where(d => d is not null).Min();
            result.Add((m, inviteBy));
        }
        return result;
    }
}

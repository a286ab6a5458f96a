using MediatR;
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
    public PagedList<PaperSummaryDto>? Latest { get; private set; }

    public static readonly (string Kind, string Heading, string Empty)[] Groups =
    [
        (MyTasks.Result, "Ergebnisse erfassen", "Keine Beratungsergebnisse zu erfassen."),
        (MyTasks.Release, "Vorlagen freigeben", "Keine Vorlagen zur Freigabe."),
        (MyTasks.Sign, "Beschlüsse ausfertigen", "Keine Beschlüsse zur Ausfertigung."),
        (MyTasks.Draft, "Entwürfe fertigstellen", "Keine offenen Entwürfe."),
    ];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (caller.IsAuthenticated)
        {
            var list = await mediator.Send(new MyTasks.Query(), ct);
            (Tasks, Memberships) = (list.Items, list.Memberships);
            ViewData["Title"] = "Meine Aufgaben";
        }
        else
        {
            Latest = await mediator.Send(new ListPapers.Query(null, null, null, null, null, 1, 10), ct);
            ViewData["Title"] = "Start";
        }
    }
}

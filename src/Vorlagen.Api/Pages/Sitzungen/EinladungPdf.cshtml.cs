using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Vorlagen.Api.Features.Documents;
using Vorlagen.Api.Features.Meetings;
using Vorlagen.Api.Features.People;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Pages.Shared;

namespace Vorlagen.Api.Pages.Sitzungen;

/// <summary>The Einladung as PDF (<see cref="MeetingFolderPdf.RenderInvitation"/>), for whoever may open the Einladung print view.</summary>
public sealed class EinladungPdfModel(IMediator mediator, IConfiguration configuration) : UiPageModel
{
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var meeting = await mediator.Send(new GetMeeting.Query(id), ct);
        var body = await mediator.Send(new Features.Bodies.GetBody.Query(meeting.BodyId), ct);
        var chair = await ChairAsync(mediator, meeting, ct);
        var pdf = MeetingFolderPdf.RenderInvitation(meeting, body.Name, chair, configuration["Vorlagen:Documents:FontFolder"]);
        var disposition = new ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName($"Einladung-{FileName(meeting)}.pdf");
        Response.Headers.ContentDisposition = disposition.ToString();
        Response.Headers.CacheControl = "no-store";
        return File(pdf, "application/pdf");
    }

    /// <summary>Who signs the Einladung: the Vorsitz membership on the day, else the Landrat's statutory seat (Kreistag, Kreisausschuss).</summary>
    public static async Task<string?> ChairAsync(IMediator mediator, MeetingDto meeting, CancellationToken ct)
    {
        var members = (await mediator.Send(new ListMemberships.Query(meeting.OrganizationId, null, null, meeting.Date, 1, PagedList<MembershipDto>.MaxPageSize), ct)).Items;
        return (members.FirstOrDefault(m => m.Role == MembershipRoles.Vorsitz) ?? members.FirstOrDefault(m => m.Statutory))?.PersonName;
    }

    public static string FileName(MeetingDto meeting) =>
        string.Concat((meeting.Number ?? meeting.Date.ToString("yyyy-MM-dd")).Select(c => char.IsLetterOrDigit(c) ? c : '-'));
}

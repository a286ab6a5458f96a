using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Vorlagen.Api.Features.Documents;
using Vorlagen.Api.Features.Files;
using Vorlagen.Api.Features.Meetings;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;
using Vorlagen.Api.Pages.Papers;
using Vorlagen.Api.Pages.Shared;

namespace Vorlagen.Api.Pages.Sitzungen;

/// <summary>
/// The Sitzungsmappe as one PDF (<see cref="MeetingFolderPdf"/>), for whoever may see the meeting: each paper the caller may open, as its
/// PDF (the same as /vorlagen/{id}/pdf), and its Anlagen the caller may open. The public gets the public part only.
/// </summary>
public sealed class MappeModel(IMediator mediator, Caller caller, RuleProfiles profiles, IConfiguration configuration,
    Infrastructure.PaperTypes.PaperTypeCatalog types, FileStore store) : UiPageModel
{
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var meeting = await mediator.Send(new GetMeeting.Query(id), ct);
        var body = await mediator.Send(new Features.Bodies.GetBody.Query(meeting.BodyId), ct);
        var fonts = configuration["Vorlagen:Documents:FontFolder"];
        var items = new List<MeetingFolderPdf.Item>();
        foreach (var item in meeting.AgendaItems.Where(i => i.PaperId is not null))
        {
            PaperView view;
            try
            {
                view = await PaperView.LoadAsync(mediator, caller, profiles, types, item.PaperId!.Value, ct);
            }
            catch (NotFoundException)
            {
                continue; // a paper the caller may not see stays out, without a trace
            }
            var anlagen = await mediator.Send(new ListPaperFiles.Query(view.Paper.Id), ct);
            items.Add(new(item, PaperPdf.Render(PdfModel.Input(view, anlagen), fonts),
                [.. anlagen.Select(a => ($"{a.Label}: {a.Title}", a.MimeType == "application/pdf" ? () => store.OpenRead(a.Sha256) : (Func<Stream>?)null))]));
        }
        var pdf = MeetingFolderPdf.Render(meeting, body.Name, await EinladungPdfModel.ChairAsync(mediator, meeting, ct), items, fonts);
        var disposition = new ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName($"Sitzungsmappe-{EinladungPdfModel.FileName(meeting)}.pdf");
        Response.Headers.ContentDisposition = disposition.ToString();
        Response.Headers.CacheControl = "no-store"; // built for this caller
        return File(pdf, "application/pdf");
    }
}

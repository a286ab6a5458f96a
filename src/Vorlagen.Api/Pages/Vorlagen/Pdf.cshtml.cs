using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Vorlagen.Api.Features.Documents;
using Vorlagen.Api.Features.Files;
using Vorlagen.Api.Features.Papers;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;
using Vorlagen.Api.Pages.Shared;
using Vorlagen.Domain.Voting;

namespace Vorlagen.Api.Pages.Papers;

/// <summary>
/// A paper as PDF (inline; "Beschlussvorlage-2021-7-014.pdf" when saved, named by the type's label), with what the print view shows
/// the same caller: the same <see cref="PaperView"/>, the same marking, Beschluss wording and Ausfertigung.
/// </summary>
public sealed class PdfModel(IMediator mediator, Caller caller, RuleProfiles profiles, IConfiguration configuration, Infrastructure.PaperTypes.PaperTypeCatalog types) : UiPageModel
{
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var view = await PaperView.LoadAsync(mediator, caller, profiles, types, id, ct);
        var anlagen = await mediator.Send(new ListPaperFiles.Query(id), ct);
        var pdf = PaperPdf.Render(Input(view, anlagen), configuration["Vorlagen:Documents:FontFolder"]);
        var disposition = new ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName($"{view.Type.Label}-{string.Concat(view.Paper.Reference.Select(c => char.IsLetterOrDigit(c) ? c : '-'))}.pdf");
        Response.Headers.ContentDisposition = disposition.ToString();
        Response.Headers.CacheControl = "no-store"; // built for this caller; the paper may change any time
        return File(pdf, "application/pdf");
    }

    /// <summary>The print view's (Druck.cshtml.cs) derivations, applied to the same view.</summary>
    public static PaperPdf.Input Input(PaperView view, IReadOnlyList<FileDto> anlagen)
    {
        var paper = view.Paper;
        (string, string)? marking = paper.Status switch
        {
            PaperStatuses.Draft => ("ENTWURF", "Die Vorlage ist noch nicht eingereicht."),
            PaperStatuses.Submitted => ("ENTWURF", "Die Vorlage ist eingereicht, aber noch nicht freigegeben."),
            PaperStatuses.InDeliberation => ("ENTWURF", "Die Vorlage ist in Beratung; es gibt noch keinen Beschluss."),
            PaperStatuses.Adopted => ("ENTWURF", "Der Beschluss ist gefasst, aber noch nicht ausgefertigt."),
            PaperStatuses.Withdrawn => ("ZURÜCKGEZOGEN", "Die Vorlage wurde zurückgezogen und wird nicht weiter beraten."),
            _ => null,
        };
        var adoption = paper.Status is PaperStatuses.Adopted or PaperStatuses.Signed
            && view.Decision?.Result is { Outcome: Outcomes.Adopted or Outcomes.AdoptedAmended } result ? result : null;
        var date = Format.Date(view.Decision?.Result?.Date ?? paper.Date);
        var signatory = paper.SignedDate is not null && view.Signing?.ActorName is { } name ? OfficeTitles.ForSignature(name, paper.Originator) : null;
        return new PaperPdf.Input(paper, view.Body.Name, marking, adoption is null ? null : adoption.ResolutionText ?? paper.Proposal, view.Decision,
            view.Body.Seat is { Length: > 0 } seat ? $"{seat}, den {date}" : date, signatory,
            paper.Consultations.Where(view.IsRehearing).Select(c => c.Id).ToHashSet(),
            [.. anlagen.Select(a => $"{a.Label}: {a.Title} ({FileTypes.ByMimeType(a.MimeType)?.Label ?? a.MimeType}, {FileSizes.Format(a.Size)})")],
            new FinanceView(view.Body.Finance ?? Features.Bodies.FinanceBlock.Default, paper.FinancialImpact),
            [.. view.OwnFields.Select(f => (f.Field.Label, f.Value is System.Text.Json.Nodes.JsonArray items
                ? string.Join("\n", items.Select((item, i) => $"{i + 1}. {(item is null ? "" : TypeFields.Display(f.Field, item))}"))
                : TypeFields.Display(f.Field, f.Value)))],
            name => name == "beratungsfolge" ? view.Type.Beratungsfolge != Infrastructure.PaperTypes.BeratungsfolgeRules.None : view.Type.Has(name));
    }
}

using MediatR;
using Vorlagen.Api.Features.Papers;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;
using Vorlagen.Api.Pages.Shared;
using Vorlagen.Domain.Voting;

namespace Vorlagen.Api.Pages.Papers;

/// <summary>The Beschlussvorlage as a document on A4, laid out like the real ones (seeds 001 and 004).</summary>
public sealed class DruckModel(IMediator mediator, Caller caller, RuleProfiles profiles, Infrastructure.PaperTypes.PaperTypeCatalog types) : UiPageModel
{
    public PaperView View { get; private set; } = default!;

    public async Task OnGetAsync(long id, CancellationToken ct)
    {
        View = await PaperView.LoadAsync(mediator, caller, profiles, types, id, ct);
        ViewData["Title"] = $"{View.Paper.PaperTypeLabel} {View.Paper.Reference}";
        var type = View.Type;
        Letter = type.PrintLayout == Infrastructure.PaperTypes.PrintLayouts.Letter ? new LetterView(View, type) : null;
    }

    /// <summary>Set when the paper's type prints as a letter (e.g. an Anfrage's answer); else the Vorlage layout below.</summary>
    public LetterView? Letter { get; private set; }

    /// <summary>
    /// A mark across a paper that is not final yet: "ENTWURF" until the decision is signed (or rejected),
    /// "ZURÜCKGEZOGEN" for a withdrawn one; null for final documents. The note says why.
    /// </summary>
    public (string Mark, string Note)? Marking => View.Paper.Status switch
    {
        PaperStatuses.Draft => ("ENTWURF", "Die Vorlage ist noch nicht eingereicht."),
        PaperStatuses.Submitted => ("ENTWURF", "Die Vorlage ist eingereicht, aber noch nicht freigegeben."),
        PaperStatuses.InDeliberation => ("ENTWURF", "Die Vorlage ist in Beratung; es gibt noch keinen Beschluss."),
        PaperStatuses.Adopted => ("ENTWURF", "Der Beschluss ist gefasst, aber noch nicht ausgefertigt."),
        PaperStatuses.Withdrawn => ("ZURÜCKGEZOGEN", "Die Vorlage wurde zurückgezogen und wird nicht weiter beraten."),
        _ => null,
    };

    public string? ResolutionText => View.Resolution;

    /// <summary>
    /// The date line above the Ausfertigung, as "Sondershausen, den 31.03.2021" in seed 004: the body's seat and
    /// the day of the decision, else the paper's date. Without a configured seat only the date is printed.
    /// </summary>
    public string PlaceAndDate => View.Body.Seat is { Length: > 0 } seat
        ? $"{seat}, den {Format.Date(View.Decision?.Result?.Date ?? View.Paper.Date)}"
        : Format.Date(View.Decision?.Result?.Date ?? View.Paper.Date);

    /// <summary>Seed 001's layout for Saxon bodies (Beratungsfolge with Termin and Beratungsstatus, the Landrat under the proposal); seed 004's otherwise.</summary>
    public bool SaxonLayout => string.Equals(View.Body.State, "sachsen", StringComparison.OrdinalIgnoreCase);

    public FinanceView Finance => new(View.Body.Finance ?? Features.Bodies.FinanceBlock.Default, View.Paper.FinancialImpact);

    /// <summary>
    /// Who put the proposal to the council, as seed 001 prints it under the Beschlussvorschlag ("F. Vogel"): whoever
    /// released the paper, initial and surname. Null before the release or when the caller may not see it.
    /// </summary>
    public string? ProposalSigner => View.History.LastOrDefault(h => h.Action == "release")?.ActorName is { } name ? OfficeTitles.Short(name) : null;

    /// <summary>The recommendations so far, for "Vorlage beraten mit" (seed 001: "Ausschuss …, bei einer Enthaltung einstimmig angenommen").</summary>
    public IEnumerable<string> Recommendations => View.Paper.Consultations
        .Where(c => c.Role == ConsultationRoles.Vorberatend && c.Result is not null)
        .Select(c => $"{c.OrganizationName}, {c.Result!.OutcomeLabel}{(c.Result.UnanimityText is { } unanimity ? $", {unanimity}" : "")}" +
                     (c.Result.Votes is { } v ? $" ({Format.Votes(v)})" : ""));

    /// <summary>Name and title of whoever signed; null when not signed or the caller may not see who did.</summary>
    public OfficeTitles.Signatory? Signatory =>
        View.Paper.SignedDate is not null && View.Signing?.ActorName is { } name ? OfficeTitles.ForSignature(name, View.Paper.Originator) : null;
}

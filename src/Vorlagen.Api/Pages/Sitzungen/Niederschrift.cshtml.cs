using MediatR;
using Vorlagen.Api.Features.Meetings;
using Vorlagen.Api.Pages.Shared;

namespace Vorlagen.Api.Pages.Sitzungen;

/// <summary>
/// The Niederschrift as a printable A4 document (§ 36 SächsLKrO, § 42 ThürKO): Gremium, day, place, times, chair, Schriftführer/in,
/// number present and the absent with reason, the items with motion, result and wording, recorded statements, and the signature
/// lines the rule profile asks for. The paper original is signed by hand; the signatures are then recorded on the Verfahren page.
/// </summary>
public sealed class NiederschriftModel(IMediator mediator) : UiPageModel
{
    public MinutesDto Minutes { get; private set; } = default!;

    public async Task OnGetAsync(long id, CancellationToken ct)
    {
        Minutes = await mediator.Send(new GetMinutes.Query(id), ct);
        ViewData["Title"] = $"Niederschrift {Minutes.OrganizationName} {Format.Date(Minutes.Date)}";
    }

    /// <summary>The signature lines to print: the recorded signer's name, or an empty line per required signer.</summary>
    public IReadOnlyList<(string Label, string? Name)> SignatureLines() => MinutesStates.SignatureLines(Minutes);
}

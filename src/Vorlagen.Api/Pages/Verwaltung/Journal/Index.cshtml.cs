using MediatR;
using Microsoft.AspNetCore.Mvc;
using Vorlagen.Api.Features.Papers;
using Vorlagen.Api.Infrastructure.Auth;
using Vorlagen.Api.Pages.Shared;

namespace Vorlagen.Api.Pages.Verwaltung.Journal;

/// <summary>
/// Verifies every journal of the body (the system administrator: of all bodies) and lists the papers with
/// findings; writes a checkpoint on demand.
/// </summary>
public sealed class IndexModel(IMediator mediator, Caller caller) : UiPageModel
{
    [BindProperty(SupportsGet = true)] public long? BodyId { get; set; }

    public AdminScope Scope { get; private set; } = default!;
    public VerifyAllJournals.Result Report { get; private set; } = default!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Scope = await AdminScope.ResolveAsync(mediator, caller, BodyId, allowAll: true, ct);
        Report = await mediator.Send(new VerifyAllJournals.Query(Scope.BodyId, OnlyInvalid: true, 1, Infrastructure.PagedList<object>.MaxPageSize), ct);
        ViewData["Title"] = "Journalprüfung";
        ViewData["AllowAll"] = true;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var written = await mediator.Send(new WriteJournalCheckpoint.Command(), ct);
        Notice = $"Sicherungspunkt Nr. {written.Line} geschrieben: {written.Heads} geänderte Journale festgehalten" +
                 (written.Refused > 0 ? $", {written.Refused} wegen Befunden abgelehnt." : ".");
        return RedirectToPage("/Verwaltung/Journal/Index", new { bodyId = BodyId });
    }
}

using MediatR;
using Microsoft.AspNetCore.Mvc;
using Vorlagen.Api.Features.Meetings;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Pages.Shared;

namespace Vorlagen.Api.Pages.Sitzungen.Niederschrift;

/// <summary>
/// The office moves the Niederschrift on: records who signed the paper original and when, the approval at a following session with
/// the objections, the publication of the public decisions, and the Bekanntgabe of each non-public decision.
/// </summary>
public sealed class VerfahrenModel(IMediator mediator, TimeProvider clock) : UiPageModel
{
    public MinutesDto Minutes { get; private set; } = default!;
    public IReadOnlyList<MeetingSummaryDto> Later { get; private set; } = [];
    public DateOnly Today => BerlinTime.Today(clock);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) { await LoadAsync(id, ct); return Page(); }

    public Task<IActionResult> OnPostSignAsync(long id, string? role, long? personId, string? name, string? signedOn, CancellationToken ct) =>
        Run(id, new SignMinutes.Command(id, null, [new SignMinutes.Signer(FormValues.Text(role), personId, FormValues.Text(name), Date(signedOn))]),
            "Die Unterschrift wurde erfasst.", ct);

    public Task<IActionResult> OnPostApproveAsync(long id, long? approvingMeetingId, string? raisedBy, string? objection, string? outcome, string? resolution,
        CancellationToken ct)
    {
        IReadOnlyList<ApproveMinutes.Objection> objections = TextRules.HasContent(objection) || TextRules.HasContent(raisedBy)
            ? [new ApproveMinutes.Objection(FormValues.Text(raisedBy), FormValues.Text(objection), FormValues.Text(outcome), FormValues.Text(resolution))] : [];
        return Run(id, new ApproveMinutes.Command(id, null, approvingMeetingId, objections), "Die Bestätigung der Niederschrift wurde erfasst.", ct);
    }

    public Task<IActionResult> OnPostPublishAsync(long id, CancellationToken ct) =>
        Run(id, new PublishMinutes.Command(id, null), "Die Beschlüsse des öffentlichen Teils sind veröffentlicht.", ct);

    public Task<IActionResult> OnPostAnnounceAsync(long id, long? consultationId, string? announcedOn, CancellationToken ct) =>
        Run(id, new AnnounceDecision.Command(id, consultationId, Date(announcedOn), null), "Der Beschluss wurde bekanntgegeben; er ist jetzt öffentlich.", ct);

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), ["yyyy-MM-dd", "dd.MM.yyyy", "d.M.yyyy"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d : null;

    private async Task<IActionResult> Run(long id, IRequest<MinutesDto> command, string done, CancellationToken ct)
    {
        try
        {
            await mediator.Send(command, ct);
            Notice = done;
            return Redirect($"/sitzungen/{id}/niederschrift/verfahren");
        }
        catch (Exception e) when (FormErrors.Show(e, ModelState, "", _ => "")) { }
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task LoadAsync(long id, CancellationToken ct)
    {
        var meeting = await mediator.Send(new GetMeeting.Query(id), ct);
        if (meeting.Notice is null) throw new ForbiddenException("Die Niederschrift bearbeitet nur der Sitzungsdienst (Kreistagsbüro), der Landrat oder die Administration.");
        Minutes = await mediator.Send(new GetMinutes.Query(id), ct);
        Later = [.. (await mediator.Send(new ListMeetings.Query(meeting.BodyId, meeting.OrganizationId, meeting.Date.AddDays(1), null, 1, PagedList<MeetingSummaryDto>.MaxPageSize), ct)).Items];
        ViewData["Title"] = $"Niederschrift: {Minutes.OrganizationName} am {Format.Date(Minutes.Date)}";
    }
}

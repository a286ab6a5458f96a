using MediatR;
using Microsoft.AspNetCore.Mvc;
using Vorlagen.Api.Features.Meetings;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Pages.Shared;

namespace Vorlagen.Api.Pages.Sitzungen;

/// <summary>
/// The office plans a Sitzung: puts due Vorlagen and template items on the agenda, orders them (up/down, sub-item), vertagt or removes
/// items, sends the Einladung or a Nachtrag (with the Ladungsfrist verdict and the urgency path) and moves the status on.
/// </summary>
public sealed class PlanungModel(IMediator mediator, MeetingRules rules, TimeProvider clock) : UiPageModel
{
    public MeetingDto Meeting { get; private set; } = default!;
    public IReadOnlyList<ListDueConsultations.DueDto> Due { get; private set; } = [];
    public IReadOnlyList<MeetingSummaryDto> Targets { get; private set; } = [];
    public IReadOnlyList<MeetingRules.TemplateItem> Template => rules.Template;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) { await LoadAsync(id, ct); return Page(); }

    public Task<IActionResult> OnPostConsultationAsync(long id, long consultationId, CancellationToken ct) =>
        Run(id, new AddAgendaItem.Command(id, consultationId, null), "Die Vorlage steht auf der Tagesordnung.", ct);

    public Task<IActionResult> OnPostTemplateAsync(long id, string templateKey, CancellationToken ct) =>
        Run(id, new AddAgendaItem.Command(id, null, templateKey), "Der Punkt steht auf der Tagesordnung.", ct);

    public Task<IActionResult> OnPostRemoveAsync(long id, long itemId, CancellationToken ct) =>
        Run(id, new RemoveAgendaItem.Command(id, itemId), "Der Punkt wurde abgesetzt.", ct);

    public Task<IActionResult> OnPostPostponeAsync(long id, long itemId, long targetMeetingId, CancellationToken ct) =>
        Run(id, new PostponeAgendaItem.Command(id, itemId, targetMeetingId), "Die Beratung wurde vertagt.", ct);

    public Task<IActionResult> OnPostInviteAsync(long id, bool supplement, bool urgent, string? urgencyReason, string? channel, CancellationToken ct) =>
        Run(id, new SendInvitations.Command(id, supplement, urgent, FormValues.Text(urgencyReason), FormValues.Text(channel)),
            supplement ? "Der Nachtrag wurde versandt." : "Die Einladung wurde versandt; die Sitzung ist veröffentlicht.", ct);

    public Task<IActionResult> OnPostStatusAsync(long id, string? status, string? newDate, string? reason, CancellationToken ct) =>
        Run(id, new ChangeMeetingStatus.Command(id, status, DateOnly.TryParse(newDate, out var d) ? d : null, FormValues.Text(reason)), "Der Status wurde geändert.", ct);

    /// <summary>Moves an item one place up or down (or makes it a sub-item / top item) by sending the whole new order.</summary>
    public async Task<IActionResult> OnPostMoveAsync(long id, long itemId, string direction, CancellationToken ct)
    {
        var meeting = await mediator.Send(new GetMeeting.Query(id), ct);
        var items = meeting.AgendaItems.Select(i => new ReorderAgenda.Item(i.Id!.Value, i.Sub)).ToList();
        var index = items.FindIndex(i => i.Id == itemId);
        if (index < 0) return NotFound();
        var isPublic = meeting.AgendaItems[index].Public;
        var other = direction == "up" ? index - 1 : index + 1;
        if (direction is "sub" or "top") items[index] = items[index] with { Sub = direction == "sub" };
        else if (other >= 0 && other < items.Count && meeting.AgendaItems[other].Public == isPublic) (items[index], items[other]) = (items[other], items[index]);
        return await Run(id, new ReorderAgenda.Command(id, items), "Die Tagesordnung wurde neu geordnet.", ct);
    }

    private async Task<IActionResult> Run(long id, IRequest<MeetingDto> command, string done, CancellationToken ct)
    {
        try
        {
            await mediator.Send(command, ct);
            Notice = done;
            return Redirect($"/sitzungen/{id}/planung");
        }
        catch (Exception e) when (FormErrors.Show(e, ModelState, "", _ => "")) { }
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task LoadAsync(long id, CancellationToken ct)
    {
        Meeting = await mediator.Send(new GetMeeting.Query(id), ct);
        Due = await mediator.Send(new ListDueConsultations.Query(id), ct);
        Targets = [.. (await mediator.Send(new ListMeetings.Query(Meeting.BodyId, Meeting.OrganizationId, BerlinTime.Today(clock), null, 1, PagedList<MeetingSummaryDto>.MaxPageSize), ct))
            .Items.Where(m => m.Id != id && MeetingStatuses.AgendaOpen(m.Status))];
        ViewData["Title"] = $"Sitzung planen: {Meeting.OrganizationName} am {Format.Date(Meeting.Date)}";
    }
}

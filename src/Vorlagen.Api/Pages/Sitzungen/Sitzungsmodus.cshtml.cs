using MediatR;
using Microsoft.AspNetCore.Mvc;
using Vorlagen.Api.Features.Meetings;
using Vorlagen.Api.Features.Papers;
using Vorlagen.Api.Features.Tallies;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Pages.Shared;

namespace Vorlagen.Api.Pages.Sitzungen;

/// <summary>
/// The Sitzungsmodus: one screen for the whole session — opening, attendance, per item the live count of those present and entitled
/// with the quorum, Befangenheit, the result (through RecordResult), its correction, roll calls, statements and elections. Every
/// post redirects (post-redirect-get) and carries the Idempotency-Key its form got when rendered: a post repeated after a lost
/// connection replays the first outcome.
/// </summary>
public sealed class SitzungsmodusModel(IMediator mediator, PagePostIdempotency posts) : UiPageModel
{
    public MeetingDto Meeting { get; private set; } = default!;
    public AttendanceDto Attendance { get; private set; } = default!;
    public Dictionary<long, PaperDto> Papers { get; } = [];
    public Dictionary<long, ElectionSql.ElectionDto> Elections { get; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) { await LoadAsync(id, ct); return Page(); }

    public Task<IActionResult> OnPostOpenAsync(long id, long? chairPersonId, string? secretaryName, CancellationToken ct) =>
        Run(id, null, new OpenSession.Command(id, chairPersonId, FormValues.Text(secretaryName)), "Die Sitzung ist eröffnet.", ct);

    public Task<IActionResult> OnPostAttendanceAsync(long id, int version, List<AttendanceRow> rows, CancellationToken ct) =>
        Run(id, null, new RecordAttendance.Command(id, version, [.. rows.Select(r => new RecordAttendance.Entry(r.PersonId, r.Status, FormValues.Text(r.Reason),
            r.Arrives, r.Leaves, r.DeputyFor, r.Status == "present" ? r.Objection switch { "yes" => true, "no" => false, _ => null } : null))]),
            "Die Anwesenheit ist gespeichert.", ct);

    public Task<IActionResult> OnPostRecusalAsync(long id, int version, long itemId, long personId, bool recused, CancellationToken ct) =>
        Run(id, itemId, new SetRecusal.Command(id, itemId, personId, recused, null, version), recused ? "Die Befangenheit ist vermerkt." : "Die Befangenheit ist aufgehoben.", ct);

    public async Task<IActionResult> OnPostResultAsync(long id, long itemId, long paperId, long consultationId, string? outcome, bool unanimous,
        int? entitled, int? yes, int? no, int? abstain, int? recused, CancellationToken ct)
    {
        var meeting = await mediator.Send(new GetMeeting.Query(id), ct);
        var votes = Outcomes().TryGetValue(outcome ?? "", out var o) && o.TakesTally && (o.RequiresTally || yes is not null || unanimous)
            ? unanimous ? new VotesInput(entitled, entitled, 0, 0, recused) : new VotesInput(entitled, yes, no, abstain ?? 0, recused)
            : null;
        return await Run(id, itemId, new RecordResult.Command(paperId, consultationId, null, meeting.Date, outcome, votes, null, false, null, null, null),
            "Das Ergebnis ist gespeichert.", ct);
    }

    /// <summary>Until the Niederschrift is signed the office corrects a recorded result, with a reason (through CorrectResult).</summary>
    public Task<IActionResult> OnPostCorrectAsync(long id, long itemId, long paperId, long consultationId, string? outcome, bool unanimous,
        int? entitled, int? yes, int? no, int? abstain, int? recused, string? reason, CancellationToken ct)
    {
        var votes = Outcomes().TryGetValue(outcome ?? "", out var o) && o.TakesTally && (o.RequiresTally || yes is not null || unanimous)
            ? unanimous ? new VotesInput(entitled, entitled, 0, 0, recused) : new VotesInput(entitled, yes, no, abstain ?? 0, recused)
            : null;
        return Run(id, itemId, new CorrectResult.Command(paperId, consultationId, null, outcome, votes, null, false, null, FormValues.Text(reason)),
            "Das Ergebnis ist berichtigt.", ct);
    }

    /// <summary>Namentliche Abstimmung: the members given a vote (the others were not there or took no part).</summary>
    public Task<IActionResult> OnPostRollCallAsync(long id, long itemId, Dictionary<long, string?> rollCall, CancellationToken ct) =>
        Run(id, itemId, new RecordRollCall.Command(id, itemId, [.. rollCall.Where(v => !string.IsNullOrEmpty(v.Value)).Select(v => new RecordRollCall.Vote(v.Key, v.Value))]),
            (RecordRollCall.RollCallDto r) => $"Die namentliche Abstimmung ist gespeichert: Ja {r.Yes}, Nein {r.No}, Enthaltungen {r.Abstain}.", ct);

    public Task<IActionResult> OnPostStatementAsync(long id, long itemId, long? personId, string? kind, string? text, CancellationToken ct) =>
        Run(id, itemId, new RecordStatement.Command(id, itemId, personId, kind, FormValues.Text(text)), "Die Erklärung ist für die Niederschrift aufgenommen.", ct);

    public Task<IActionResult> OnPostElectionAsync(long id, long itemId, string? office, List<long> candidates, CancellationToken ct) =>
        Run(id, itemId, new CreateElection.Command(id, itemId, FormValues.Text(office), candidates), "Die Wahl ist angelegt.", ct);

    public Task<IActionResult> OnPostBallotAsync(long id, long itemId, int round, int? valid, int? invalid, Dictionary<long, int?> votes, long? lotWinner, CancellationToken ct) =>
        Run(id, itemId, new RecordElectionRound.Command(id, itemId, valid, invalid, [.. votes.Select(v => new RecordElectionRound.CandidateVotes(v.Key, v.Value))], lotWinner, round),
            "Der Wahlgang ist gespeichert.", ct);

    /// <param name="Objection">for a member with a defective invitation: "yes" (objected), "no" (did not object: cured), empty (not recorded).</param>
    public sealed record AttendanceRow(long? PersonId, string? Status, string? Reason, long? Arrives, long? Leaves, long? DeputyFor, string? Objection = null);

    public static IReadOnlyDictionary<string, Vorlagen.Domain.Voting.Outcome> Outcomes() =>
        Vorlagen.Domain.Voting.Outcomes.All.ToDictionary(o => o.Code);

    private Task<IActionResult> Run<T>(long id, long? itemId, IRequest<T> command, string done, CancellationToken ct) =>
        Run(id, itemId, command, (T _) => done, ct);

    /// <summary>
    /// Sends the command and redirects (post-redirect-get). The form's Idempotency-Key makes a repeated post (lost connection)
    /// replay the first redirect and message instead of running again.
    /// </summary>
    private async Task<IActionResult> Run<T>(long id, long? itemId, IRequest<T> command, Func<T, string> done, CancellationToken ct)
    {
        var location = $"/sitzungen/{id}/sitzungsmodus{(itemId is null ? "" : $"#top-{itemId}")}";
        try
        {
            if (await posts.BeginAsync(Request) is { } earlier) return Replayed(earlier);
            Notice = done(await mediator.Send(command, ct));
            await posts.CompleteAsync(new PagePostIdempotency.Outcome(location, Notice));
            return Redirect(location);
        }
        catch (IdempotencyKeyTakenException)
        {
            return Replayed(await posts.ReplayTakenAsync());
        }
        catch (Exception e) when (FormErrors.Show(e, ModelState, "", _ => "")) { }
        finally
        {
            await posts.EndAsync();
        }
        await LoadAsync(id, ct);
        return Page();
    }

    private RedirectResult Replayed(PagePostIdempotency.Outcome earlier)
    {
        Notice = earlier.Notice;
        return Redirect(earlier.Location);
    }

    private async Task LoadAsync(long id, CancellationToken ct)
    {
        Meeting = await mediator.Send(new GetMeeting.Query(id), ct);
        Attendance = await mediator.Send(new GetAttendance.Query(id), ct);
        foreach (var item in Attendance.Items)
        {
            if (item.ConsultationId is not null && Meeting.AgendaItems.FirstOrDefault(a => a.Id == item.Id)?.PaperId is { } paperId)
                Papers[item.Id] = await mediator.Send(new GetPaper.Query(paperId), ct);
            else if (Meeting.AgendaItems.FirstOrDefault(a => a.Id == item.Id)?.TemplateKey == "wahl")
            {
                try { Elections[item.Id] = await mediator.Send(new GetElection.Query(id, item.Id), ct); }
                catch (Vorlagen.Api.Infrastructure.NotFoundException) { }
            }
        }
        ViewData["Title"] = $"Sitzungsmodus: {Meeting.OrganizationName} am {Format.Date(Meeting.Date)}";
    }
}

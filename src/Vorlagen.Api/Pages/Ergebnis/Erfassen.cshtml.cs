using MediatR;
using Microsoft.AspNetCore.Mvc;
using Vorlagen.Api.Features.Bodies;
using Vorlagen.Api.Features.Organizations;
using Vorlagen.Api.Features.Papers;
using Vorlagen.Api.Features.Tallies;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Pages.Shared;
using Vorlagen.Domain.Voting;

namespace Vorlagen.Api.Pages.Ergebnis;

/// <summary>
/// Records a consultation's outcome and tally with <see cref="RecordResult.Command"/>. "Prüfen"
/// runs <see cref="CheckTally.Query"/> (the engine behind the live check in tally.js) so the check
/// works without JavaScript too; a rejected tally shows each broken rule with its citation.
/// </summary>
public sealed class ErfassenModel(IMediator mediator, TimeProvider clock, RuleProfiles profiles) : UiPageModel
{
    private const string Prefix = "Form";

    [BindProperty]
    public ResultForm Form { get; set; } = new();

    public PaperDto Paper { get; private set; } = default!;
    public ConsultationDto Consultation { get; private set; } = default!;
    public OrganizationDto Organization { get; private set; } = default!;
    public IReadOnlyList<OrganizationDto> ReferralTargets { get; private set; } = [];
    public TallyCheckResult? Check { get; private set; }
    public IReadOnlyList<Outcome> Outcomes { get; private set; } = [];

    /// <summary>After a Widerspruch: the last day for this session (warned, not enforced).</summary>
    public Domain.Rules.Deadline? Rehearing { get; private set; }

    /// <summary>Set when the paper changed while the form was open: what happened, in plain words; the entries stay in the form.</summary>
    public ChangedMeanwhile? Conflict { get; private set; }

    /// <param name="CanRetry">the result is still expected here, so the entries can be saved again (against the current version).</param>
    public sealed record ChangedMeanwhile(string Heading, string WhatHappened, bool CanRetry);

    /// <summary>Today in Berlin: session dates after it are refused (results are recorded after the session).</summary>
    public DateOnly Today => BerlinTime.Today(clock);

    public async Task<IActionResult> OnGetAsync(long id, long consultationId, CancellationToken ct)
    {
        if (await LoadAsync(id, consultationId, ct) is { } refused) return refused;
        // The planned date is a good guess once it has passed; a planned date still ahead is not, and the server would refuse it.
        var planned = Consultation.PlannedDate;
        var date = planned is null ? Today : planned <= Today ? planned : null;
        Form = new ResultForm { Date = Format.Iso(date), Version = Paper.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, long consultationId, CancellationToken ct)
    {
        if (await LoadAsync(id, consultationId, ct) is { } refused) return ChangedSinceLoaded ? Explain() : refused;
        var command = Command(id, consultationId);
        if (command is null) return Page();
        try
        {
            await mediator.Send(command, ct);
            Notice = $"Das Ergebnis der Beratung im Gremium {Consultation.OrganizationName} wurde gespeichert." +
                (Rehearing is { } due && command.Date is { } held && due.IsMissedBy(held)
                    ? $" Die Frist für die erneute Sitzung nach dem Widerspruch endete am {Format.Date(due.Due)} ({due.Citation}); die Überschreitung ist im Journal vermerkt."
                    : "");
            return RedirectToPage("/Vorlagen/Details", new { id });
        }
        catch (TallyRejectedException)
        {
            // The same engine again, for the typed violations (field and citation) and the derived facts.
            Check = await mediator.Send(CheckQuery(command), ct);
            foreach (var violation in Check.Errors) ModelState.AddModelError(Key(violation), Describe(violation));
        }
        catch (AppException e) when (e.Code is "stale_version" or "concurrent_change" or "already_recorded" or "not_in_deliberation" or "not_current_consultation")
        {
            // Someone else was quicker: read the paper as it is now and say what changed.
            await LoadAsync(id, consultationId, ct);
            return Explain();
        }
        catch (Exception e) when (FormErrors.Show(e, ModelState, Prefix))
        {
        }
        return Page();
    }

    public async Task<IActionResult> OnPostPruefenAsync(long id, long consultationId, CancellationToken ct)
    {
        if (await LoadAsync(id, consultationId, ct) is { } refused) return ChangedSinceLoaded ? Explain() : refused;
        ModelState.Clear();
        if (Command(id, consultationId) is not { } command) return Page();
        try
        {
            Check = await mediator.Send(CheckQuery(command), ct);
        }
        catch (Exception e) when (FormErrors.Show(e, ModelState, Prefix))
        {
        }
        return Page();
    }

    public static string Describe(TallyViolation v) => string.IsNullOrEmpty(v.Citation) ? v.Message
        : $"{v.Message} ({v.Citation}{(v.WordingVerified == false ? ", Wortlaut nicht geprüft" : "")})";

    private RecordResult.Command? Command(long id, long consultationId)
    {
        var date = FormValues.Date(Form.Date, ModelState, $"{Prefix}.Date", "Sitzungsdatum");
        var planned = FormValues.Date(Form.PlannedDate, ModelState, $"{Prefix}.PlannedDate", "Neuer Termin");
        var votes = Form.ReadVotes(ModelState, Prefix);
        if (ModelState.ErrorCount > 0) return null;
        return new RecordResult.Command(id, consultationId, Form.Version, date, Form.Outcome, votes, FormValues.Text(Form.Majority), Form.SecondSession,
            FormValues.Text(Form.ResolutionText), Form.ReferredToOrganizationId, planned);
    }

    // The form carries the version it was loaded with; another version means someone changed the paper in between.
    private bool ChangedSinceLoaded => Form.Version is { } loaded && loaded != Paper.Version;

    /// <summary>The form again, with the entries as posted and a plain account of what changed meanwhile.</summary>
    private IActionResult Explain()
    {
        var by = string.IsNullOrWhiteSpace(Paper.UpdatedBy) ? "jemand anderem" : Paper.UpdatedBy;
        var when = Format.Instant(Paper.UpdatedAt ?? Paper.CreatedAt);
        var pending = Paper.Consultations.FirstOrDefault(c => c.Status == ConsultationStatuses.Pending);
        string heading, what;
        var canRetry = false;
        if (Consultation.Status == ConsultationStatuses.Done)
        {
            heading = "Das Ergebnis wurde inzwischen schon erfasst";
            what = Consultation.Result is { } result
                ? $"Während Sie das Formular ausgefüllt haben, hat {result.RecordedBy ?? by} das Ergebnis dieser Beratung im Gremium {Consultation.OrganizationName} erfasst: „{result.OutcomeLabel}“{(result.Date is { } d ? $", Sitzung am {Format.Date(d)}" : "")}."
                : $"Während Sie das Formular ausgefüllt haben, wurde das Ergebnis dieser Beratung im Gremium {Consultation.OrganizationName} erfasst ({when}).";
        }
        else if (Paper.Status != PaperStatuses.InDeliberation)
        {
            heading = "Die Vorlage ist nicht mehr in Beratung";
            what = $"Während Sie das Formular ausgefüllt haben, hat {by} die Vorlage geändert ({when}); sie ist jetzt „{Paper.StatusLabel}“. Ein Beratungsergebnis wird nicht mehr erwartet.";
        }
        else if (pending?.Id != Consultation.Id || !Paper.AvailableActions.Contains(PaperWorkflow.RecordResultAction))
        {
            heading = "Diese Beratung ist nicht mehr an der Reihe";
            what = $"Während Sie das Formular ausgefüllt haben, hat {by} die Vorlage geändert ({when}); als Nächstes ist die Beratung im Gremium „{pending?.OrganizationName}“ an der Reihe.";
        }
        else
        {
            heading = "Die Vorlage wurde inzwischen geändert";
            what = $"Während Sie das Formular ausgefüllt haben, hat {by} die Vorlage geändert ({when}). Das Ergebnis dieser Beratung wird weiterhin erwartet.";
            canRetry = true;
            // Saving again is meant against the paper as it is now: the hidden version follows it.
            Form.Version = Paper.Version;
            ModelState.Remove($"{Prefix}.{nameof(ResultForm.Version)}");
        }
        Conflict = new ChangedMeanwhile(heading, what, canRetry);
        return Page();
    }

    private CheckTally.Query CheckQuery(RecordResult.Command c) =>
        new(Consultation.OrganizationId, c.Votes, c.Majority, c.SecondSession, c.Outcome, Consultation.Role, c.Date);

    private static string Key(TallyViolation v) => v.Field switch
    {
        "entitled" or "votes" => $"{Prefix}.Votes.Entitled",
        "yes" or "no" or "abstain" or "recused" => $"{Prefix}.Votes.{char.ToUpperInvariant(v.Field[0])}{v.Field[1..]}",
        "outcome" => $"{Prefix}.Outcome",
        "majority" => $"{Prefix}.Majority",
        null when v.Code.StartsWith("tally.", StringComparison.Ordinal) || v.Code.StartsWith("quorum.", StringComparison.Ordinal) => $"{Prefix}.Votes.Entitled",
        _ => "",
    };

    /// <summary>Loads paper, consultation and Gremium; returns the error page when the caller may not record this result now.</summary>
    private async Task<IActionResult?> LoadAsync(long id, long consultationId, CancellationToken ct)
    {
        Paper = await mediator.Send(new GetPaper.Query(id), ct);
        Consultation = Paper.Consultations.FirstOrDefault(c => c.Id == consultationId) ?? throw new NotFoundException("Beratung", consultationId);
        ViewData["Title"] = $"Ergebnis erfassen: {Consultation.OrganizationName}";
        Organization = await mediator.Send(new GetOrganization.Query(Consultation.OrganizationId), ct);
        var body = await mediator.Send(new GetBody.Query(Paper.BodyId), ct);
        ReferralTargets = [.. (body.Organizations ?? []).Where(o => o.Active && o.Id != Organization.Id)];
        Outcomes = Domain.Voting.Outcomes.ForRole(Consultation.Role);
        Rehearing = Features.Tasks.DecisionDeadlines.Rehearing(Paper, Consultation, profiles.Get(body.RuleProfile));
        // A bookmark or the back button leads here after the result was saved: that is no lack of permission.
        if (Consultation.Status == ConsultationStatuses.Done)
            return ErrorPage(409, $"Das Ergebnis dieser Beratung ist bereits erfasst" +
                (Consultation.Result is { } done ? $" ({done.OutcomeLabel}, Sitzung am {Format.Date(done.Date)})" : "") +
                ". Ein erfasstes Ergebnis kann nicht mehr geändert werden.");
        // Whether the caller may record now is the workflow's answer (availableActions), not a rule of this page.
        if (!Paper.AvailableActions.Contains(PaperWorkflow.RecordResultAction))
            return ErrorPage(403, $"Sie können für die Vorlage {Paper.Reference} zurzeit kein Beratungsergebnis erfassen.");
        var next = Paper.Consultations.FirstOrDefault(c => c.Status == ConsultationStatuses.Pending);
        if (next?.Id != Consultation.Id)
            return ErrorPage(409, $"Ergebnisse werden in der Reihenfolge der Beratungsfolge erfasst; an der Reihe ist die Beratung im Gremium „{next?.OrganizationName}“.");
        return null;
    }
}

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
public sealed class ErfassenModel(IMediator mediator, TimeProvider clock) : UiPageModel
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

    public async Task<IActionResult> OnGetAsync(long id, long consultationId, CancellationToken ct)
    {
        if (await LoadAsync(id, consultationId, ct) is { } refused) return refused;
        Form = new ResultForm { Date = Format.Iso(Consultation.PlannedDate ?? BerlinTime.Today(clock)), Version = Paper.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, long consultationId, CancellationToken ct)
    {
        if (await LoadAsync(id, consultationId, ct) is { } refused) return refused;
        var command = Command(id, consultationId);
        if (command is null) return Page();
        try
        {
            await mediator.Send(command, ct);
            Notice = $"Das Ergebnis der Beratung im Gremium {Consultation.OrganizationName} wurde gespeichert.";
            return RedirectToPage("/Vorlagen/Details", new { id });
        }
        catch (TallyRejectedException)
        {
            // The same engine again, for the typed violations (field and citation) and the derived facts.
            Check = await mediator.Send(CheckQuery(command), ct);
            foreach (var violation in Check.Errors) ModelState.AddModelError(Key(violation), Describe(violation));
        }
        catch (Exception e) when (FormErrors.Show(e, ModelState, Prefix))
        {
        }
        return Page();
    }

    public async Task<IActionResult> OnPostPruefenAsync(long id, long consultationId, CancellationToken ct)
    {
        if (await LoadAsync(id, consultationId, ct) is { } refused) return refused;
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

    public static string Describe(TallyViolation v) => string.IsNullOrEmpty(v.Citation) ? v.Message : $"{v.Message} ({v.Citation})";

    private RecordResult.Command? Command(long id, long consultationId)
    {
        var date = FormValues.Date(Form.Date, ModelState, $"{Prefix}.Date", "Sitzungsdatum");
        var planned = FormValues.Date(Form.PlannedDate, ModelState, $"{Prefix}.PlannedDate", "Neuer Termin");
        var votes = Form.ReadVotes(ModelState, Prefix);
        if (ModelState.ErrorCount > 0) return null;
        return new RecordResult.Command(id, consultationId, Form.Version, date, Form.Outcome, votes, FormValues.Text(Form.Majority), Form.SecondSession,
            FormValues.Text(Form.ResolutionText), Form.ReferredToOrganizationId, planned);
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

    private async Task<IActionResult?> LoadAsync(long id, long consultationId, CancellationToken ct)
    {
        Paper = await mediator.Send(new GetPaper.Query(id), ct);
        Consultation = Paper.Consultations.FirstOrDefault(c => c.Id == consultationId) ?? throw new NotFoundException("Beratung", consultationId);
        ViewData["Title"] = $"Ergebnis erfassen: {Consultation.OrganizationName}";
        // Whether the caller may record now is the workflow's answer (availableActions), not a rule of this page.
        if (!Paper.AvailableActions.Contains(PaperWorkflow.RecordResultAction))
            return ErrorPage(403, $"Sie können für die Vorlage {Paper.Reference} zurzeit kein Beratungsergebnis erfassen.");
        var next = Paper.Consultations.FirstOrDefault(c => c.Status == ConsultationStatuses.Pending);
        if (next?.Id != Consultation.Id)
            return ErrorPage(409, $"Ergebnisse werden in der Reihenfolge der Beratungsfolge erfasst; an der Reihe ist die Beratung im Gremium „{next?.OrganizationName}“.");
        Organization = await mediator.Send(new GetOrganization.Query(Consultation.OrganizationId), ct);
        var body = await mediator.Send(new GetBody.Query(Paper.BodyId), ct);
        ReferralTargets = [.. (body.Organizations ?? []).Where(o => o.Active && o.Id != Organization.Id)];
        Outcomes = Domain.Voting.Outcomes.ForRole(Consultation.Role);
        return null;
    }
}

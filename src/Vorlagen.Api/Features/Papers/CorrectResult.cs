using System.Text.Json.Nodes;
using Dapper;
using FluentValidation;
using MediatR;
using Vorlagen.Api.Activities;
using Vorlagen.Api.Data;
using Vorlagen.Api.Features.Meetings;
using Vorlagen.Api.Features.Organizations;
using Vorlagen.Api.Features.Tallies;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;
using Vorlagen.Domain.Voting;

namespace Vorlagen.Api.Features.Papers;

/// <summary>
/// The office corrects a recorded result until the Niederschrift is signed (issue #14): same checks as recording, a reason is
/// required, the row takes the new values and a ResultCorrected record joins the journal beside the ResultRecorded one. When the
/// outcome takes another way (beschlossen ↔ abgelehnt) the workflow is re-run from that consultation, and only while nothing followed
/// it (no later result, no Ausfertigung or Widerspruch); a correction that keeps the way is recorded whatever followed.
/// </summary>
public static class CorrectResult
{
    public sealed record Command(long PaperId, long ConsultationId, int? ExpectedVersion, string? Outcome, VotesInput? Votes, string? Majority,
        bool SecondSession, string? ResolutionText, string? Reason) : ICommand<PaperDto>, IWritesLate;

    public const string Action = "correct_result";

    /// <summary>Outcomes that close a consultation without changing the Beratungsfolge: those can be corrected into each other.</summary>
    public static readonly string[] Correctable =
        [Outcomes.Recommended, Outcomes.NotRecommended, Outcomes.Adopted, Outcomes.AdoptedAmended, Outcomes.Rejected, Outcomes.NoRecommendation, Outcomes.Noted];

    public const string StoreSql =
        "UPDATE consultations SET outcome = @Outcome, majority = @Majority, votes_entitled = @Entitled, votes_yes = @Yes, votes_no = @No, " +
        "votes_abstain = @Abstain, votes_recused = @Recused, resolution_text = @ResolutionText, updated_at = @Now " +
        "WHERE id = @Id AND status = 'done' AND outcome = @Previous";

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Reason).Cascade(CascadeMode.Stop).RequiredText().WithMessage("Bitte geben Sie den Grund der Berichtigung an.")
                .MaximumLength(2000).WithMessage("Der Grund darf höchstens 2.000 Zeichen lang sein.").MultiLineText("Der Grund");
            RuleFor(c => c.Outcome).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Bitte wählen Sie das berichtigte Ergebnis.")
                .Must(o => Correctable.Contains(o)).WithMessage(
                    "Berichtigt werden kann nur ein Abstimmungsergebnis (empfohlen, beschlossen, abgelehnt …); vertagt, verwiesen oder an den Kreistag abgegeben wird nicht berichtigt.");
            RuleFor(c => c.Votes!).SetValidator(new VotesInputValidator()).When(c => c.Votes is not null);
            RuleFor(c => c.ResolutionText).MultiLineText("Der Beschlusstext");
            RuleFor(c => c.ResolutionText).MaximumLength(20_000).WithMessage("Der Beschlusstext darf höchstens 20.000 Zeichen lang sein.");
            RuleFor(c => c.ResolutionText).RequiredText().When(c => c.Outcome == Outcomes.AdoptedAmended)
                .WithMessage("Bei „geändert beschlossen“ ist der beschlossene Wortlaut anzugeben.");
            RuleFor(c => c.ResolutionText).Must(t => !TextRules.HasContent(t)).When(c => c.Outcome != Outcomes.AdoptedAmended)
                .WithMessage("Einen geänderten Beschlusstext gibt es nur bei „geändert beschlossen“.");
            RuleFor(c => c.Majority).Null().When(c => Outcomes.Find(c.Outcome) is { RequiresTally: false })
                .WithMessage("Ein Mehrheitserfordernis gibt es nur bei einem Ergebnis mit Abstimmung.");
            RuleFor(c => c.SecondSession).Equal(false).When(c => Outcomes.Find(c.Outcome) is { RequiresTally: false })
                .WithMessage("„Zweite Sitzung“ betrifft nur die Beschlussfähigkeit einer Abstimmung; dieses Ergebnis hat keine.");
        }
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, PaperReader reader, PaperWorkflow workflow, TallyRules tallies,
        IMediator mediator, SessionReader sessions) : IRequestHandler<Command, PaperDto>
    {
        public async Task<PaperDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var loaded = await reader.LoadVisibleAsync(command.PaperId, cancellationToken);
            PaperActing.RequireSameBody(caller, loaded.Paper.BodyId);
            var role = caller.SeesAllOf(loaded.Paper.BodyId) && caller.Is(Roles.Clerk) ? Roles.Clerk
                : caller.SeesAllOf(loaded.Paper.BodyId) && caller.Is(Roles.Admin) ? Roles.Admin
                : throw new ForbiddenException("Ein erfasstes Ergebnis berichtigt nur der Sitzungsdienst (Kreistagsbüro) oder die Administration.");
            IfMatch.Check(command.ExpectedVersion, loaded.Paper.Version);
            var consultation = loaded.Consultations.FirstOrDefault(c => c.Id == command.ConsultationId)
                               ?? throw new NotFoundException("Beratung", command.ConsultationId);
            if (consultation.Status != ConsultationStatuses.Done || consultation.Outcome is null)
                throw new ConflictException("no_result", "Für diese Beratung ist noch kein Ergebnis erfasst; es gibt nichts zu berichtigen.");
            if (!Correctable.Contains(consultation.Outcome))
                throw new ConflictException("correction_not_possible",
                    $"„{Outcomes.Find(consultation.Outcome)?.Label}“ hat die Beratungsfolge geändert und kann nicht berichtigt werden.");
            if (await sessions.MinutesSignedAsync(consultation.Id, cancellationToken))
                throw new ConflictException("minutes_signed",
                    "Die Niederschrift der Sitzung ist bereits unterschrieben; das Ergebnis kann nicht mehr berichtigt werden. " +
                    "Einwendungen gegen die Niederschrift werden bei ihrer Bestätigung behandelt.");
            var journaled = loaded.Paper.WorkflowInstanceId is { } instanceId ? await workflow.LastResultAsync(instanceId, consultation.Id, cancellationToken) : null;
            if (journaled is null)
                throw new ConflictException("correction_not_possible", "Das Ergebnis dieser Beratung steht nicht im Journal der Vorlage und kann hier nicht berichtigt werden.");
            // A correction that keeps the paper's way (a tally, or empfohlen ↔ nicht empfohlen) is only recorded, whatever followed it.
            // One that changes the way re-runs the workflow from this consultation, which what followed it would contradict.
            var pathChanges = Deliberate.Path(consultation.Outcome) != Deliberate.Path(command.Outcome);
            if (pathChanges && loaded.Consultations.FirstOrDefault(c => c.Position > consultation.Position && c.Status == ConsultationStatuses.Done) is { } later)
                throw new ConflictException("later_result_recorded",
                    $"Nach dieser Beratung ist bereits das Ergebnis im Gremium „{later.OrganizationName}“ erfasst, das auf ihr aufbaut. " +
                    "Ein Ergebnis, das den Weg der Vorlage ändert, kann nur berichtigt werden, solange ihm nichts gefolgt ist.");
            if (pathChanges && journaled.MovedOn)
                throw new ConflictException("paper_moved_on",
                    "Nach diesem Ergebnis wurde die Vorlage bereits weiterbearbeitet (z. B. ausgefertigt, beanstandet oder zurückgezogen); " +
                    "ein Ergebnis, das ihren Weg ändert, kann nicht mehr berichtigt werden.");

            var date = DateOnly.Parse(consultation.ResultDate![..10], System.Globalization.CultureInfo.InvariantCulture);
            var organization = await mediator.Send(new GetOrganization.Query(consultation.OrganizationId), cancellationToken);
            var session = await sessions.ForConsultationAsync(consultation.Id, cancellationToken);
            if (session is not null && command.Votes is { } submitted) RecordResult.Handler.CheckAgainstSession(submitted, session);
            var check = await tallies.CheckAsync(organization, consultation.Role, command.Outcome!, command.Votes?.ToTally(), date,
                command.Majority, command.SecondSession, cancellationToken);
            if (!check.Valid) throw new TallyRejectedException(check.Errors);
            var votes = command.Votes?.ToTally();
            var text = command.Outcome == Outcomes.AdoptedAmended ? command.ResolutionText : null;
            var majority = check.Derived?.Majority.Rule;
            if ((command.Outcome, majority, votes?.Entitled, votes?.Yes, votes?.No, votes?.Abstain, votes?.Recused, text) ==
                (consultation.Outcome, consultation.Majority, consultation.VotesEntitled, consultation.VotesYes, consultation.VotesNo, consultation.VotesAbstain,
                    consultation.VotesRecused, consultation.ResolutionText))
                throw new ValidationException([new FluentValidation.Results.ValidationFailure("outcome", "Die Berichtigung ändert nichts am erfassten Ergebnis.")]);

            await PaperActing.ClaimVersionAsync(db, loaded.Paper, caller, clock, cancellationToken);
            var stored = await db.Connection.ExecuteAsync(new CommandDefinition(StoreSql, new
            {
                consultation.Id, command.Outcome, Majority = majority, votes?.Entitled, votes?.Yes, votes?.No, votes?.Abstain, votes?.Recused,
                ResolutionText = text, Now = Instants.Format(clock.GetUtcNow()), Previous = consultation.Outcome,
            }, db.Transaction, cancellationToken: cancellationToken));
            if (stored == 0) throw new ConflictException("concurrent_change", "Das Ergebnis wurde gerade von jemand anderem geändert. Bitte laden Sie die Vorlage neu.");
            await SearchIndex.RefreshAsync(db, consultation.PaperId, cancellationToken);
            var payload = Payload(command, consultation, check, date);
            if (session is not null) payload["session"] = new JsonObject { ["meetingId"] = session.MeetingId, ["agendaItemId"] = session.AgendaItemId,
                ["entitledPresent"] = session.EntitledPresent, ["recused"] = session.Recused };
            await workflow.CorrectResultAsync(loaded.Paper.WorkflowInstanceId!, journaled.ActivityId, consultation, pathChanges, payload,
                await Deliberate.StoredConsultationAsync(db.Connection, db.Transaction, consultation.Id, cancellationToken), caller, role, cancellationToken);
            await db.CompleteWritesAsync(cancellationToken);
            return await reader.ReadAsync(command.PaperId, cancellationToken);
        }

        private static JsonObject Payload(Command command, ConsultationRow consultation, TallyCheckResult check, DateOnly date) => new()
        {
            ["consultationId"] = consultation.Id,
            ["organizationId"] = consultation.OrganizationId,
            ["organizationName"] = consultation.OrganizationName,
            ["position"] = consultation.Position,
            ["action"] = Action,
            ["comment"] = command.Reason!.Trim(),
            ["outcome"] = command.Outcome,
            ["date"] = date.ToString("yyyy-MM-dd"),
            ["votes"] = Votes(command.Votes?.Entitled, command.Votes?.Yes, command.Votes?.No, command.Votes?.Abstain, command.Votes?.Recused),
            ["majority"] = check.Derived?.Majority.Rule,
            ["unanimous"] = check.Derived?.Unanimous,
            ["unanimityText"] = check.Derived?.UnanimityText,
            ["resolutionText"] = command.Outcome == Outcomes.AdoptedAmended ? command.ResolutionText : null,
            [CouncilActivityTypes.CorrectionKey] = new JsonObject
            {
                ["reason"] = command.Reason.Trim(),
                ["previous"] = new JsonObject
                {
                    ["outcome"] = consultation.Outcome, ["majority"] = consultation.Majority, ["resolutionText"] = consultation.ResolutionText,
                    ["votes"] = Votes(consultation.VotesEntitled, consultation.VotesYes, consultation.VotesNo, consultation.VotesAbstain, consultation.VotesRecused),
                },
            },
        };

        private static JsonObject? Votes(int? entitled, int? yes, int? no, int? abstain, int? recused) => entitled is null ? null : new JsonObject
        {
            ["entitled"] = entitled, ["yes"] = yes ?? 0, ["no"] = no ?? 0, ["abstain"] = abstain ?? 0, ["recused"] = recused ?? 0,
        };
    }
}

using System.Text.Json.Nodes;
using Dapper;
using FluentValidation;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Features.Meetings;
using Vorlagen.Api.Features.Organizations;
using Vorlagen.Api.Features.Tallies;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;
using Vorlagen.Domain.Voting;

namespace Vorlagen.Api.Features.Papers;

/// <summary>
/// The chair (or the Landrat where he chairs, or a clerk on their behalf) records a consultation's
/// result. Strictly in Beratungsfolge order; the tally is checked by the same engine as the
/// tally-check endpoint; a recorded result is immutable. Then the workflow continues.
/// </summary>
public static class RecordResult
{
    public sealed record Command(long PaperId, long ConsultationId, int? ExpectedVersion, DateOnly? Date, string? Outcome, VotesInput? Votes,
        string? Majority, bool SecondSession, string? ResolutionText, long? ReferredToOrganizationId, DateOnly? PlannedDate) : ICommand<PaperDto>, IWritesLate;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Date).NotNull().WithMessage("Bitte geben Sie das Datum der Sitzung an.").PlausibleDate();
            RuleFor(c => c.PlannedDate).PlausibleDate()
                .Must((c, planned) => planned is null || c.Date is null || planned > c.Date)
                .WithMessage(c => $"Der neue Termin muss nach der Sitzung am {c.Date:dd.MM.yyyy} liegen.");
            RuleFor(c => c.Outcome).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Bitte wählen Sie das Ergebnis der Beratung.")
                .Must(o => Outcomes.Find(o) is not null).WithMessage($"Unbekanntes Ergebnis. Erlaubt: {string.Join(", ", Outcomes.All.Select(o => o.Code))}.");
            RuleFor(c => c.Votes!).SetValidator(new VotesInputValidator()).When(c => c.Votes is not null);
            RuleFor(c => c.ResolutionText).MultiLineText("Der Beschlusstext");
            RuleFor(c => c.ResolutionText).RequiredText().When(c => c.Outcome == Outcomes.AdoptedAmended)
                .WithMessage("Bei „geändert beschlossen“ ist der beschlossene Wortlaut anzugeben.");
            RuleFor(c => c.ResolutionText).MaximumLength(20_000).WithMessage("Der Beschlusstext darf höchstens 20.000 Zeichen lang sein.");
            RuleFor(c => c.ReferredToOrganizationId).NotNull().When(c => c.Outcome == Outcomes.Referred)
                .WithMessage("Bei „verwiesen“ ist das Gremium anzugeben, an das verwiesen wird.");
            // Fields of another outcome are refused rather than dropped: the record must say exactly what was decided.
            RuleFor(c => c.ResolutionText).Must(t => !TextRules.HasContent(t)).When(c => c.Outcome != Outcomes.AdoptedAmended)
                .WithMessage("Einen geänderten Beschlusstext gibt es nur bei „geändert beschlossen“.");
            RuleFor(c => c.ReferredToOrganizationId).Null().When(c => c.Outcome != Outcomes.Referred)
                .WithMessage("Ein Gremium, an das verwiesen wird, gibt es nur bei „verwiesen“.");
            // Procedural outcomes may carry a vote ("mehrheitlich vertagt"); without one there is no majority to name.
            RuleFor(c => c.Majority).Null().When(c => Outcomes.Find(c.Outcome) is { RequiresTally: false } o && (c.Votes is null || !o.OptionalTally))
                .WithMessage("Ein Mehrheitserfordernis gibt es nur bei einem Ergebnis mit Abstimmung.");
            RuleFor(c => c.SecondSession).Equal(false).When(c => Outcomes.Find(c.Outcome) is { RequiresTally: false } o && (c.Votes is null || !o.OptionalTally))
                .WithMessage("„Zweite Sitzung“ betrifft nur die Beschlussfähigkeit einer Abstimmung; dieses Ergebnis hat keine.");
            RuleFor(c => c.PlannedDate).Null().When(c => !ConsultationResults.StaysPending.Contains(c.Outcome))
                .WithMessage("Einen neuen Termin gibt es nur bei „vertagt“, „zurückgestellt“ oder „von der Tagesordnung abgesetzt“.");
        }
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, PaperReader reader, PaperWorkflow workflow, TallyRules tallies,
        IMediator mediator, PaperRules rules, SessionReader sessions) : IRequestHandler<Command, PaperDto>
    {
        public async Task<PaperDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var loaded = await reader.LoadVisibleAsync(command.PaperId, cancellationToken);
            PaperActing.RequireSameBody(caller, loaded.Paper.BodyId);
            IfMatch.Check(command.ExpectedVersion, loaded.Paper.Version);
            var consultation = loaded.Consultations.FirstOrDefault(c => c.Id == command.ConsultationId)
                               ?? throw new NotFoundException("Beratung", command.ConsultationId);
            var waiting = await workflow.WaitingConsultationAsync(loaded, cancellationToken);
            if (waiting?.ConsultationId != consultation.Id)
                throw NotCurrent(loaded, PaperAccess.ShownStatus(caller, loaded.Paper, loaded.Consultations), waiting,
                    await workflow.AvailableActionsAsync(loaded, caller, cancellationToken));
            var role = PaperWorkflow.RoleForResult(caller, waiting)
                       ?? throw new ForbiddenException($"Das Ergebnis im Gremium „{consultation.OrganizationName}“ erfasst dessen Vorsitz oder der Sitzungsdienst.");

            PaperChronology.CheckSessionDate(command.Date!.Value, await mediator.Send(new GetPaperHistory.Query(command.PaperId), cancellationToken), clock);
            var organization = await mediator.Send(new GetOrganization.Query(consultation.OrganizationId), cancellationToken);
            // A session with recorded attendance fixes who was present and entitled at the item: the tally must agree with it.
            var session = await sessions.ForConsultationAsync(consultation.Id, cancellationToken);
            if (session is not null && command.Votes is { } submitted) CheckAgainstSession(submitted, session);
            var check = await tallies.CheckAsync(organization, consultation.Role, command.Outcome!, command.Votes?.ToTally(), command.Date!.Value,
                command.Majority, command.SecondSession, cancellationToken);
            if (!check.Valid) throw new TallyRejectedException(check.Errors);
            var referredTo = await ReferredOrganizationAsync(command, loaded.Paper.BodyId, consultation, cancellationToken);
            // § 37 Abs. 5 Satz 3 SächsLKrO: the Ausschuss was not quorate because of Befangenheit; the Kreistag decides in its place.
            long? handOverTo = command.Outcome == Outcomes.HandedToKreistag
                ? (await rules.KreistagForHandOverAsync(loaded.Paper.BodyId, consultation.OrganizationName, cancellationToken)).Id
                : null;
            if ((referredTo is not null || handOverTo is not null)
                && loaded.Consultations.Count + (consultation.Role == ConsultationRoles.Beschliessend ? 2 : 1) > PaperInputValidator.MaxConsultations)
                throw new ConflictException("beratungsfolge_full",
                    $"Die Beratungsfolge hat bereits {loaded.Consultations.Count} Beratungen; eine weitere Verweisung würde die Grenze von " +
                    $"{PaperInputValidator.MaxConsultations} überschreiten. Bitte entscheiden Sie in diesem Gremium oder ziehen Sie die Vorlage zurück.");

            await PaperActing.ClaimVersionAsync(db, loaded.Paper, caller, clock, cancellationToken);
            await ConsultationResults.StoreAsync(db, consultation, command, check, referredTo, caller, role, clock, cancellationToken, handOverTo);
            // The session after a Widerspruch should lie within the rehearing period; a later one did happen, so it is journaled, not refused.
            var payload = Payload(command, consultation, check);
            if (session is not null) payload["session"] = SessionPayload(session);
            payload["rehearingOverrun"] = PaperRules.Overrun(await rules.RehearingDeadlineAsync(loaded, consultation, cancellationToken), command.Date.Value);
            await workflow.ResumeResultAsync(command.PaperId, consultation.Id, payload, caller, role, cancellationToken);
            await db.CompleteWritesAsync(cancellationToken);
            return await reader.ReadAsync(command.PaperId, cancellationToken);
        }

        private async Task<OrganizationDto?> ReferredOrganizationAsync(Command command, long bodyId, ConsultationRow consultation, CancellationToken ct)
        {
            if (command.Outcome != Outcomes.Referred) return null;
            OrganizationDto? target;
            try
            {
                target = await mediator.Send(new GetOrganization.Query(command.ReferredToOrganizationId!.Value), ct);
            }
            catch (NotFoundException)
            {
                target = null; // an unknown id is bad input like another body's Gremium: same 400, so ids of other bodies do not show
            }
            if (target is null || target.BodyId != bodyId || target.Id == consultation.OrganizationId || !target.Active)
                throw new ValidationException([new FluentValidation.Results.ValidationFailure("referredToOrganizationId",
                    "Verwiesen werden kann nur an ein anderes, aktives Gremium derselben Körperschaft.")]);
            return target;
        }

        internal static void CheckAgainstSession(VotesInput votes, SessionReader.ItemFacts session)
        {
            var violations = new List<TallyViolation>();
            if (votes.Entitled != session.EntitledPresent)
                violations.Add(new("entitled_contradicts_attendance",
                    $"Nach der Anwesenheitsliste waren bei diesem Tagesordnungspunkt {session.EntitledPresent} Mitglieder anwesend und stimmberechtigt; " +
                    $"angegeben sind {votes.Entitled}. Bitte prüfen Sie die Anwesenheit oder das Abstimmungsergebnis.", session.Quorum.Citation, "votes.entitled",
                    session.Quorum.WordingVerified));
            if ((votes.Recused ?? 0) != session.Recused)
                violations.Add(new("recused_contradicts_attendance",
                    $"Nach der Sitzung sind bei diesem Tagesordnungspunkt {session.Recused} Mitglieder befangen; angegeben sind {votes.Recused ?? 0}.", Field: "votes.recused"));
            if (session.RollCall is { } roll && (roll.Yes, roll.No, roll.Abstain) != (votes.Yes ?? 0, votes.No ?? 0, votes.Abstain ?? 0))
                violations.Add(new("tally_contradicts_roll_call",
                    $"Die namentliche Abstimmung ergab Ja {roll.Yes}, Nein {roll.No}, Enthaltungen {roll.Abstain}; angegeben sind Ja {votes.Yes}, Nein {votes.No}, " +
                    $"Enthaltungen {votes.Abstain ?? 0}.", Field: "votes"));
            if (violations.Count > 0) throw new TallyRejectedException(violations);
        }

        private static ConflictException NotCurrent(PaperReader.Loaded loaded, string shownStatus, PaperWorkflow.WaitingConsultation? waiting,
            IReadOnlyList<string> allowed)
        {
            if (waiting is null)
                return new ConflictException("not_in_deliberation",
                    $"Die Vorlage ist „{PaperStatuses.Label(shownStatus)}“; es wird kein Beratungsergebnis erwartet.", allowed);
            var due = loaded.Consultations.First(c => c.Id == waiting.ConsultationId);
            return new ConflictException("not_current_consultation",
                $"Ergebnisse werden in der Reihenfolge der Beratungsfolge erfasst; als Nächstes ist die Beratung im Gremium „{due.OrganizationName}“ (Nr. {due.Position}) an der Reihe.", allowed);
        }

        private static JsonObject Payload(Command command, ConsultationRow consultation, TallyCheckResult check) => new()
        {
            ["consultationId"] = consultation.Id,
            ["organizationId"] = consultation.OrganizationId,
            ["organizationName"] = consultation.OrganizationName,
            ["position"] = consultation.Position,
            ["outcome"] = command.Outcome,
            ["date"] = command.Date!.Value.ToString("yyyy-MM-dd"),
            ["votes"] = command.Votes is { } v ? new JsonObject
            {
                ["entitled"] = v.Entitled, ["yes"] = v.Yes, ["no"] = v.No, ["abstain"] = v.Abstain ?? 0, ["recused"] = v.Recused ?? 0,
            } : null,
            ["majority"] = check.Derived?.Majority.Rule,
            ["unanimous"] = check.Derived?.Unanimous,
            ["unanimityText"] = check.Derived?.UnanimityText,
            ["resolutionText"] = ConsultationResults.ResolutionText(command),
            ["referredToOrganizationId"] = command.ReferredToOrganizationId,
            ["plannedDate"] = command.PlannedDate?.ToString("yyyy-MM-dd"),
        };

        private static JsonObject? SessionPayload(SessionReader.ItemFacts? session) => session is null ? null : new JsonObject
        {
            ["meetingId"] = session.MeetingId, ["agendaItemId"] = session.AgendaItemId, ["entitledPresent"] = session.EntitledPresent,
            ["recused"] = session.Recused, ["quorumRequired"] = session.Quorum.Required, ["quorumBasis"] = session.Quorum.Basis,
            ["rollCall"] = session.RollCall is not null,
        };
    }
}

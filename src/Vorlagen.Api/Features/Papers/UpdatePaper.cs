using Dapper;
using FluentValidation;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;
using Vorlagen.Api.Infrastructure.PaperTypes;

namespace Vorlagen.Api.Features.Papers;

/// <summary>
/// Edits a draft. PUT replaces the whole content: what is omitted is empty afterwards, so the fields
/// without an empty value (Vorlagen-Nr., date, public) and the Beratungsfolge must be sent — the body's
/// template only starts new drafts. If-Match guards against lost updates.
/// </summary>
public static class UpdatePaper
{
    /// <param name="BodyId">as sent, if sent: a paper cannot move to another body.</param>
    public sealed record Command(long Id, int? ExpectedVersion, string? Reference, PaperInput Paper, long? BodyId = null) : ICommand<PaperDto>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(PaperTypeCatalog types)
        {
            RuleFor(c => c.Reference).SingleLineText("Die Vorlagen-Nr.");
            RuleFor(c => c.Reference).NotEmpty().WithMessage("Bitte geben Sie die Vorlagen-Nr. an.")
                .MaximumLength(60).WithMessage("Die Vorlagen-Nr. darf höchstens 60 Zeichen lang sein.");
            RuleFor(c => c.Paper.Date).NotNull().OverridePropertyName("date").WithMessage("Bitte geben Sie das Datum der Vorlage an.");
            RuleFor(c => c.Paper.Public).NotNull().OverridePropertyName("public")
                .WithMessage("Bitte geben Sie an, ob die Vorlage öffentlich ist.");
            // Reported with the other fields at once; a PUT that names a type without Beratungsfolge (e.g. "anfrage") sends none.
            RuleFor(c => c.Paper.Consultations).NotEmpty().OverridePropertyName("consultations").WithMessage(MissingConsultations)
                .When(c => types.Find(c.Paper.PaperType?.Trim()) is not { Beratungsfolge: BeratungsfolgeRules.None });
            RuleFor(c => c.Paper).SetValidator(new PaperInputValidator()).OverridePropertyName("");
        }
    }

    public const string MissingConsultations =
        "Bitte geben Sie die Beratungsfolge an; die Vorlage-Beratungsfolge der Körperschaft gilt nur für neue Entwürfe.";

    public const string UpdateSql =
        "UPDATE papers SET reference = @Reference, title = @Title, paper_date = @PaperDate, originator = @Originator, legal_basis = @LegalBasis, " +
        "consulted_with = @ConsultedWith, proposal = @Proposal, reasoning = @Reasoning, financial_impact = @FinancialImpact, " +
        "effective_date = @EffectiveDate, is_public = @IsPublic, fields = @Fields, search_text = @SearchText, version = version + 1, updated_at = @Now, updated_by = @Actor " +
        "WHERE id = @Id AND version = @Version AND status = 'draft'";

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, PaperReader reader, Beratungsfolge beratungsfolge,
        ReferenceNumbers numbers, PaperWorkflow workflow, PaperTypeCatalog types, PaperReferences references) : IRequestHandler<Command, PaperDto>
    {
        public async Task<PaperDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var current = (await reader.LoadVisibleAsync(command.Id, cancellationToken)).Paper;
            PaperEditing.RequireClerk(caller, current.BodyId);
            IfMatch.Check(command.ExpectedVersion, current.Version);
            if (current.Status != PaperStatuses.Draft)
            {
                var allowed = await workflow.AvailableActionsAsync(await reader.LoadVisibleAsync(command.Id, cancellationToken), caller, cancellationToken);
                throw new ConflictException("not_editable", $"Nur Entwürfe können bearbeitet werden; diese Vorlage ist „{types.StatusLabel(current.PaperType, current.Status)}“.", allowed);
            }
            if (command.BodyId is { } bodyId && bodyId != current.BodyId)
                throw new ValidationException([new FluentValidation.Results.ValidationFailure("bodyId",
                    "Eine Vorlage kann nicht in eine andere Körperschaft verschoben werden.")]);
            var input = command.Paper;
            var type = types.Get(current.PaperType);
            if (input.PaperType is not null && types.Find(input.PaperType) != type)
                throw new ValidationException([new FluentValidation.Results.ValidationFailure("paperType", "Die Vorlagenart eines Entwurfs kann nicht geändert werden.")]);
            // A type with a Beratungsfolge names it in full (the body's template only starts new drafts); one without has none.
            if (type.Beratungsfolge != BeratungsfolgeRules.None && input.Consultations is not { Count: > 0 })
                throw new ValidationException([new FluentValidation.Results.ValidationFailure("consultations", MissingConsultations)]);
            PaperFields.CheckDraft(type, input);
            var reference = command.Reference!.Trim();
            if (reference != current.Reference && await numbers.IsTakenAsync(current.BodyId, reference, cancellationToken))
                throw new ConflictException("reference_taken", $"Die Vorlagen-Nr. „{reference}“ ist in dieser Körperschaft bereits vergeben.");
            var paperPublic = input.Public!.Value;
            var finance = FinancialImpact.Normalize(input.FinancialImpact, await FinancialImpact.BlockAsync(db, current.BodyId, cancellationToken));
            var steps = await beratungsfolge.ResolveAsync(current.BodyId, type, paperPublic, input.Consultations, cancellationToken);

            var changed = await db.Connection.ExecuteAsync(new CommandDefinition(UpdateSql, new
            {
                command.Id, current.Version, Reference = reference, Title = input.Title!.Trim(),
                PaperDate = input.Date!.Value.ToString("yyyy-MM-dd"), Originator = input.Originator!.Trim(),
                input.LegalBasis, input.ConsultedWith, Proposal = input.Proposal ?? "", Reasoning = input.Reasoning ?? "", Fields = PaperFields.Merge(null, input.Fields),
                FinancialImpact = finance,
                SearchText = SearchText.Of(reference, input.Title, input.Originator, input.LegalBasis, input.ConsultedWith, input.Proposal, input.Reasoning),
                EffectiveDate = input.EffectiveDate?.ToString("yyyy-MM-dd"),
                IsPublic = paperPublic, Now = Instants.Format(clock.GetUtcNow()), Actor = caller.DisplayName,
            }, db.Transaction, cancellationToken: cancellationToken));
            if (changed == 0) throw new PreconditionFailedException(current.Version + 1);
            await db.Connection.ExecuteAsync(new CommandDefinition(PaperEditing.DeleteConsultationsSql, new { PaperId = command.Id }, db.Transaction, cancellationToken: cancellationToken));
            await PaperEditing.InsertConsultationsAsync(db, command.Id, steps, cancellationToken);
            await references.LinkAsync(command.Id, current.BodyId, type, input.Fields, cancellationToken);
            await SearchIndex.RefreshAsync(db, command.Id, cancellationToken);
            return await reader.ReadAsync(command.Id, cancellationToken);
        }
    }
}

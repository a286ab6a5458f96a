using Dapper;
using FluentValidation;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;
using Vorlagen.Api.Infrastructure.PaperTypes;

namespace Vorlagen.Api.Features.Papers;

/// <summary>
/// A clerk drafts a paper of a type from <c>workflows/types</c>; its fields are checked against the type, and the type's
/// workflow instance starts in the same transaction. The drafting form sends a <see cref="Command.FormToken"/>: the same
/// form sent again (back button, double click) gets the paper it created, not a duplicate.
/// </summary>
public static class CreatePaper
{
    public sealed record Command(long BodyId, string? Reference, PaperInput Paper, string? FormToken = null) : ICommand<PaperDto>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(PaperTypeCatalog types)
        {
            RuleFor(c => c.BodyId).GreaterThan(0).WithMessage("Bitte geben Sie die Körperschaft (bodyId) an.");
            RuleFor(c => c.Reference).SingleLineText("Die Vorlagen-Nr.");
            RuleFor(c => c.Reference).MaximumLength(60).WithMessage("Die Vorlagen-Nr. darf höchstens 60 Zeichen lang sein.")
                .Must(r => r is null || r.Trim().Length > 0).WithMessage("Die Vorlagen-Nr. darf nicht leer sein; lassen Sie sie weg, um sie vergeben zu lassen.");
            RuleFor(c => c.Paper).SetValidator(new PaperInputValidator()).OverridePropertyName("");
            RuleFor(c => c.FormToken).Matches("^[A-Za-z0-9-]{8,64}$").WithMessage("Das Formular ist beschädigt; bitte laden Sie die Seite neu.");
            // The fields the type has and needs (workflows/types), reported together with the rules above.
            RuleFor(c => c.Paper).Custom((input, context) =>
            {
                if (PaperFields.FindType(types, input.PaperType) is not { } type)
                    context.AddFailure(new FluentValidation.Results.ValidationFailure("paperType", PaperFields.UnknownType(types, input.PaperType)));
                else
                    PaperFields.DraftFailures(type, input).ForEach(context.AddFailure);
            });
        }
    }

    public const string BodyExistsSql = "SELECT COUNT(*) FROM bodies WHERE id = @BodyId";
    public const string InsertSql =
        "INSERT INTO papers (body_id, reference, paper_type, title, paper_date, originator, legal_basis, consulted_with, proposal, reasoning, " +
        "financial_impact, effective_date, is_public, status, version, created_at, created_by, updated_at, updated_by, search_text, form_token, fields) " +
        "VALUES (@BodyId, @Reference, @PaperType, @Title, @PaperDate, @Originator, @LegalBasis, @ConsultedWith, @Proposal, @Reasoning, @FinancialImpact, " +
        "@EffectiveDate, @IsPublic, 'draft', 1, @Now, @Actor, @Now, @Actor, @SearchText, @FormToken, @Fields) {{ReturnId}}";
    public const string ByFormTokenSql = "SELECT id FROM papers WHERE body_id = @BodyId AND form_token = @FormToken";
    public const string InsertConsultationSql =
        // Stamped with the paper's change time: every Beratungsfolge write follows the paper's own update in the same transaction.
        "INSERT INTO consultations (paper_id, position, organization_id, role, is_public, planned_date, status, created_at, updated_at) " +
        "SELECT @PaperId, @Position, @OrganizationId, @Role, @IsPublic, @PlannedDate, 'pending', p.updated_at, p.updated_at FROM papers p WHERE p.id = @PaperId";
    public const string SetInstanceSql = "UPDATE papers SET workflow_instance_id = @InstanceId WHERE id = @Id";

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, Beratungsfolge beratungsfolge, ReferenceNumbers numbers,
        PaperWorkflow workflow, PaperReader reader, PaperTypeCatalog types, PaperReferences references) : IRequestHandler<Command, PaperDto>
    {
        public async Task<PaperDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var connection = await db.ConnectionAsync(cancellationToken);
            if (await connection.ExecuteScalarAsync<int>(new CommandDefinition(BodyExistsSql, command, db.Transaction, cancellationToken: cancellationToken)) == 0)
                throw new NotFoundException("Körperschaft", command.BodyId);
            PaperEditing.RequireClerk(caller, command.BodyId);
            if (command.FormToken is not null && await connection.ExecuteScalarAsync<long?>(new CommandDefinition(ByFormTokenSql,
                    new { command.BodyId, command.FormToken }, db.Transaction, cancellationToken: cancellationToken)) is { } existing)
                return await reader.ReadAsync(existing, cancellationToken);
            var input = command.Paper;
            var type = PaperFields.ResolveType(types, input.PaperType);
            var finance = FinancialImpact.Normalize(input.FinancialImpact, await FinancialImpact.BlockAsync(db, command.BodyId, cancellationToken));
            var paperPublic = input.Public ?? true;
            var date = input.Date ?? BerlinTime.Today(clock);
            var steps = await beratungsfolge.ResolveAsync(command.BodyId, type, paperPublic, input.Consultations, cancellationToken);

            var reference = command.Reference?.Trim() ?? await numbers.NextAsync(command.BodyId, date, cancellationToken);
            if (command.Reference is not null && await numbers.IsTakenAsync(command.BodyId, reference, cancellationToken))
                throw new ConflictException("reference_taken", $"Die Vorlagen-Nr. „{reference}“ ist in dieser Körperschaft bereits vergeben.");

            var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(db.Dialect.Render(InsertSql), new
            {
                command.BodyId, Reference = reference, PaperType = type.Code, Title = input.Title!.Trim(),
                PaperDate = date.ToString("yyyy-MM-dd"), Originator = input.Originator!.Trim(), input.LegalBasis, input.ConsultedWith,
                Proposal = input.Proposal ?? "", Reasoning = input.Reasoning ?? "", FinancialImpact = finance, Fields = PaperFields.Merge(null, input.Fields),
                EffectiveDate = input.EffectiveDate?.ToString("yyyy-MM-dd"), IsPublic = paperPublic,
                Now = Instants.Format(clock.GetUtcNow()), Actor = caller.DisplayName, command.FormToken,
                SearchText = SearchText.Of(reference, input.Title, input.Originator, input.LegalBasis, input.ConsultedWith, input.Proposal, input.Reasoning),
            }, db.Transaction, cancellationToken: cancellationToken));
            await PaperEditing.InsertConsultationsAsync(db, id, steps, cancellationToken);
            await references.LinkAsync(id, command.BodyId, type, input.Fields, cancellationToken);
            await SearchIndex.RefreshAsync(db, id, cancellationToken);

            var instanceId = await workflow.StartAsync(id, type.Workflow, caller, cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(SetInstanceSql, new { Id = id, InstanceId = instanceId }, db.Transaction, cancellationToken: cancellationToken));
            return await reader.ReadAsync(id, cancellationToken);
        }
    }
}

using System.Text.Json.Nodes;
using Dapper;
using FluentValidation;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.Papers;

/// <summary>
/// submit, release, return, withdraw, sign, object: resumes the workflow's waiting action in the
/// caller's name. Which role may do what comes from the workflow definition.
/// </summary>
public static class PerformAction
{
    public static readonly string[] Actions = ["submit", "release", "return", "withdraw", "sign", "object", "set_aside"];

    public sealed record Command(long PaperId, string Action, string? Comment, DateOnly? Date, int? ExpectedVersion) : ICommand<PaperDto>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Action).Must(a => Actions.Contains(a))
                .WithMessage($"Unbekannte Aktion. Erlaubt: {string.Join(", ", Actions)}.");
            RuleFor(c => c.Comment).NotEmpty().When(c => c.Action == "object")
                .WithMessage("Ein Widerspruch braucht eine Begründung.");
            RuleFor(c => c.Comment).NotEmpty().When(c => c.Action == "set_aside")
                .WithMessage("Bitte nennen Sie die Entscheidung der Rechtsaufsichtsbehörde (Datum, Aktenzeichen).");
            // Withdrawing cannot be undone: the reason belongs in the record.
            RuleFor(c => c.Comment).Must(TextRules.HasContent).When(c => c.Action == "withdraw")
                .WithMessage("Bitte geben Sie den Grund für das Zurückziehen an (comment); es kann nicht rückgängig gemacht werden.");
            RuleFor(c => c.Date).PlausibleDate();
            RuleFor(c => c.Comment).MultiLineText("Der Kommentar");
            RuleFor(c => c.Comment).MaximumLength(5_000).WithMessage("Der Kommentar darf höchstens 5.000 Zeichen lang sein.");
        }
    }

    public const string TouchSql = "UPDATE papers SET version = version + 1, updated_at = @Now, updated_by = @Actor WHERE id = @Id AND version = @Version";

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, PaperReader reader, PaperWorkflow workflow, PaperRules rules)
        : IRequestHandler<Command, PaperDto>
    {
        public async Task<PaperDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var loaded = await reader.LoadVisibleAsync(command.PaperId, cancellationToken);
            PaperActing.RequireSameBody(caller, loaded.Paper.BodyId);
            IfMatch.Check(command.ExpectedVersion, loaded.Paper.Version);
            var role = await workflow.RoleForActionAsync(command.PaperId, command.Action, caller, cancellationToken)
                       ?? throw await PaperActing.NotAllowedAsync(workflow, loaded, caller, command.Action, cancellationToken);

            var date = command.Date ?? BerlinTime.Today(clock);
            PaperChronology.CheckActionDate(command.Action, date, loaded.Consultations, clock);
            if (command.Action is "submit" or "release") Beratungsfolge.RequireActive(loaded);
            // § 48 Abs. 2, 3 SächsLKrO: a late Widerspruch is refused; against an Ausschuss the Kreistag decides anew.
            var rehearingOrganization = command.Action == "object" ? await rules.PlanObjectionAsync(loaded, date, cancellationToken) : null;

            // Claim the paper's current version first: a concurrent action on the same paper gets a conflict, not a double transition.
            await PaperActing.ClaimVersionAsync(db, loaded.Paper, caller, clock, cancellationToken);
            var input = new JsonObject
            {
                ["comment"] = command.Comment,
                ["date"] = date.ToString("yyyy-MM-dd"),
                ["rehearingOrganizationId"] = rehearingOrganization,
            };
            await workflow.ActAsync(command.PaperId, command.Action, input, caller, role, cancellationToken);
            return await reader.ReadAsync(command.PaperId, cancellationToken);
        }
    }
}

using System.Text.Json.Nodes;
using Dapper;
using FluentValidation;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;
using Vorlagen.Api.Infrastructure.PaperTypes;

namespace Vorlagen.Api.Features.Papers;

/// <summary>
/// An action of the paper's workflow (submit, release, …, or a type's own, e.g. an Anfrage's assign and answer): resumes
/// the waiting action in the caller's name. Which role may do what comes from the workflow definition; which comment
/// and fields an action takes comes from the type descriptor, and its fields are stored with the paper.
/// </summary>
public static class PerformAction
{
    public sealed record Command(long PaperId, string Action, string? Comment, DateOnly? Date, int? ExpectedVersion, JsonObject? Fields = null)
        : ICommand<PaperDto>, IWritesLate;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(PaperTypeCatalog types)
        {
            // Results have their own endpoint; every other action some type's workflow offers is known here.
            var actions = types.AllActions.Where(a => a != PaperTypeCatalog.RecordResultAction).ToList();
            RuleFor(c => c.Action).Must(actions.Contains)
                .WithMessage($"Unbekannte Aktion. Erlaubt: {string.Join(", ", actions)}.");
            RuleFor(c => c.Date).PlausibleDate();
            RuleFor(c => c.Comment).MultiLineText("Der Kommentar");
            RuleFor(c => c.Comment).MaximumLength(5_000).WithMessage("Der Kommentar darf höchstens 5.000 Zeichen lang sein.");
        }
    }

    public const string SetFieldsSql = "UPDATE papers SET fields = @Fields WHERE id = @Id";
    public const string TouchSql = "UPDATE papers SET version = version + 1, updated_at = @Now, updated_by = @Actor WHERE id = @Id AND version = @Version";

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, PaperReader reader, PaperWorkflow workflow, PaperRules rules, PaperTypeCatalog types)
        : IRequestHandler<Command, PaperDto>
    {
        public async Task<PaperDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var loaded = await reader.LoadVisibleAsync(command.PaperId, cancellationToken);
            PaperActing.RequireSameBody(caller, loaded.Paper.BodyId);
            IfMatch.Check(command.ExpectedVersion, loaded.Paper.Version);
            var role = await workflow.RoleForActionAsync(command.PaperId, command.Action, caller, cancellationToken)
                       ?? throw await PaperActing.NotAllowedAsync(workflow, loaded, caller, command.Action, cancellationToken);

            PaperFields.CheckAction(types.Get(loaded.Paper.PaperType), command.Action, command.Comment, command.Fields);
            var date = command.Date ?? BerlinTime.Today(clock);
            PaperChronology.CheckActionDate(command.Action, date, loaded.Consultations, clock);
            if (command.Action is "submit" or "release") Beratungsfolge.RequireActive(loaded);
            // § 48 Abs. 2, 3 SächsLKrO: a late Widerspruch is refused; against an Ausschuss the Kreistag decides anew.
            var rehearingOrganization = command.Action == "object" ? await rules.PlanObjectionAsync(loaded, date, cancellationToken) : null;

            var related = await RelatedEffectAsync(loaded, command, cancellationToken);

            // Claim the paper's current version first: a concurrent action on the same paper gets a conflict, not a double transition.
            await PaperActing.ClaimVersionAsync(db, loaded.Paper, caller, clock, cancellationToken);
            if (command.Fields is { Count: > 0 })
            {
                await db.Connection.ExecuteAsync(new CommandDefinition(SetFieldsSql,
                    new { Id = command.PaperId, Fields = PaperFields.Merge(loaded.Paper.Fields, command.Fields) }, db.Transaction, cancellationToken: cancellationToken));
                await SearchIndex.RefreshAsync(db, command.PaperId, cancellationToken); // an action's fields (an answer) are searched too
            }
            var input = new JsonObject
            {
                ["comment"] = command.Comment,
                ["date"] = date.ToString("yyyy-MM-dd"),
                ["rehearingOrganizationId"] = rehearingOrganization,
                ["fields"] = command.Fields is { Count: > 0 } ? command.Fields.DeepClone() : null,
            };
            await workflow.ActAsync(command.PaperId, command.Action, input, caller, role, cancellationToken);
            if (related is { } r)
            {
                await PaperActing.ClaimVersionAsync(db, r.Paper.Paper, caller, clock, cancellationToken);
                await workflow.ActAsync(r.Paper.Paper.Id, r.Effect.Action, new JsonObject { ["comment"] = r.Comment, ["date"] = date.ToString("yyyy-MM-dd") },
                    caller, r.Role, cancellationToken);
            }
            await db.CompleteWritesAsync(cancellationToken);
            return await reader.ReadAsync(command.PaperId, cancellationToken);
        }

        /// <summary>
        /// The type's effect of this step on the paper it names (an Austauschvorlage's release withdraws the replaced paper), checked
        /// before anything is written: the caller must be able to take that action on the other paper now, else 409.
        /// </summary>
        private async Task<(PaperReader.Loaded Paper, PaperRelatedEffect Effect, string Role, string Comment)?> RelatedEffectAsync(
            PaperReader.Loaded loaded, Command command, CancellationToken cancellationToken)
        {
            var effect = types.Get(loaded.Paper.PaperType).Action(command.Action)?.Related;
            if (effect is null || loaded.Paper.RelatedPaperId is not { } relatedId
                || !effect.Applies(loaded.Paper.Fields is { } f ? JsonNode.Parse(f) as JsonObject : null)) return null;
            var other = await reader.LoadVisibleAsync(relatedId, cancellationToken);
            var role = await workflow.RoleForActionAsync(relatedId, effect.Action, caller, cancellationToken)
                       ?? throw new ConflictException("related_paper_not_open",
                           $"Die Vorlage {other.Paper.Reference}, auf die sich diese Vorlage bezieht, ist nicht mehr in einem Stand, in dem sie ersetzt werden kann " +
                           $"(Status: {types.Get(other.Paper.PaperType).StatusLabel(other.Paper.Status)}). Ändern Sie die Art des Bezugs oder die genannte Vorlage.");
            return (other, effect, role, effect.Comment.Replace("{reference}", loaded.Paper.Reference, StringComparison.Ordinal));
        }
    }
}

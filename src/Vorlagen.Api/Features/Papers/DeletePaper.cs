using System.Text.Json.Nodes;
using Dapper;
using MediatR;
using Vorlagen.Api.Activities;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;
using Vorlagen.Workflows.Runtime;

namespace Vorlagen.Api.Features.Papers;

/// <summary>
/// A clerk deletes a draft that was never submitted (e.g. one created twice). Its workflow instance is cancelled,
/// not erased: the journal keeps who deleted which draft and why the chain ends, so the audit trail stays whole.
/// A draft that was submitted once (and returned) is part of the record and can only be withdrawn.
/// </summary>
public static class DeletePaper
{
    public sealed record Command(long Id, int? ExpectedVersion) : ICommand<Unit>;

    public const string DeleteSql = "DELETE FROM papers WHERE id = @Id AND version = @Version AND status = 'draft'";

    public sealed class Handler(DbSession db, Caller caller, PaperReader reader, PaperWorkflow workflow, IWorkflowRuntime runtime)
        : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var loaded = await reader.LoadVisibleAsync(command.Id, cancellationToken);
            var paper = loaded.Paper;
            PaperEditing.RequireClerk(caller, paper.BodyId);
            IfMatch.Check(command.ExpectedVersion, paper.Version);
            var allowed = await workflow.AvailableActionsAsync(loaded, caller, cancellationToken);
            if (paper.Status != PaperStatuses.Draft)
                throw new ConflictException("not_deletable",
                    $"Nur Entwürfe können gelöscht werden; diese Vorlage ist „{PaperStatuses.Label(paper.Status)}“. Ziehen Sie sie stattdessen zurück.", allowed);
            if (paper.WorkflowInstanceId is { } instanceId)
            {
                var state = await runtime.GetStateAsync(instanceId, cancellationToken);
                var submitted = state.Journal.Any(r => r.EventName == CouncilActivityTypes.TransitionEvent && r.Payload is not null
                    && JsonNode.Parse(r.Payload)?["action"]?.GetValue<string>() == "submit");
                if (submitted)
                    throw new ConflictException("not_deletable",
                        "Dieser Entwurf war schon eingereicht und gehört damit zur Akte; er kann nicht gelöscht, nur zurückgezogen werden.", allowed);
                await runtime.CancelAsync(new CancelWorkflowRequest(instanceId, PaperWorkflow.Actor(caller, Roles.Clerk),
                    $"Entwurf {paper.Reference} „{paper.Title}“ gelöscht von {caller.DisplayName}."), cancellationToken);
            }
            await db.Connection.ExecuteAsync(new CommandDefinition(PaperEditing.DeleteConsultationsSql, new { PaperId = paper.Id }, db.Transaction,
                cancellationToken: cancellationToken));
            if (await db.Connection.ExecuteAsync(new CommandDefinition(DeleteSql, new { paper.Id, paper.Version }, db.Transaction,
                    cancellationToken: cancellationToken)) == 0)
                throw new ConflictException("concurrent_change", "Die Vorlage wurde gerade von jemand anderem geändert. Bitte laden Sie sie neu.");
            return Unit.Value;
        }
    }
}

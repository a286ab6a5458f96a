using Dapper;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.Papers;

/// <summary>Checks and steps shared by actions and result recording.</summary>
public static class PaperActing
{
    public static void RequireSameBody(Caller caller, long bodyId)
    {
        if (!caller.BelongsTo(bodyId))
            throw new ForbiddenException("Vorlagen anderer Körperschaften können Sie nur lesen.");
    }

    /// <summary>409 naming what the caller may do instead, or 403 when the step exists but is someone else's.</summary>
    public static async Task<AppException> NotAllowedAsync(PaperWorkflow workflow, PaperReader.Loaded paper, Caller caller, string action,
        CancellationToken cancellationToken)
    {
        var allowed = await workflow.AvailableActionsAsync(paper, caller, cancellationToken);
        var shown = PaperAccess.ShownStatus(caller, paper.Paper, paper.Consultations);
        // Where the caller may not know the decision, every action gets the same answer: a 403 for "sign" would tell "adopted".
        if (shown == paper.Paper.Status && await workflow.IsOfferedAsync(paper.Paper.Id, action, cancellationToken))
            return new ForbiddenException($"Die Aktion „{action}“ ist gerade möglich, aber nicht mit Ihrer Rolle. Sie können: {Describe(allowed)}.");
        return new ConflictException("action_not_allowed",
            $"Die Aktion „{action}“ ist im Status „{workflow.StatusLabel(paper.Paper.PaperType, shown)}“ nicht möglich. Möglich ist: {Describe(allowed)}.", allowed);
    }

    /// <summary>
    /// The first write of an action or result: begins the write transaction (reads and checks ran before it) and claims the
    /// version the checks saw, so a change in between is a conflict, never a double transition.
    /// </summary>
    public static async Task ClaimVersionAsync(DbSession db, PaperRow paper, Caller caller, TimeProvider clock, CancellationToken cancellationToken)
    {
        await db.BeginWriteAsync(cancellationToken);
        var changed = await db.Connection.ExecuteAsync(new CommandDefinition(PerformAction.TouchSql, new
        {
            paper.Id, paper.Version, Now = Instants.Format(clock.GetUtcNow()), Actor = caller.DisplayName,
        }, db.Transaction, cancellationToken: cancellationToken));
        if (changed == 0)
            throw new ConflictException("concurrent_change", "Die Vorlage wurde gerade von jemand anderem geändert. Bitte laden Sie sie neu.");
    }

    private static string Describe(IReadOnlyList<string> actions) => actions.Count == 0 ? "nichts" : string.Join(", ", actions);
}

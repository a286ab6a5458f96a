using FluentValidation;
using MediatR;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;
using Vorlagen.Workflows.Journal;
using Vorlagen.Workflows.Runtime;

namespace Vorlagen.Api.Features.Papers;

/// <summary>
/// Verifies every paper's journal of a body (the system administrator: of all bodies) and reports per
/// paper. For the office of the body only (the findings name non-public results). The system
/// administrator also gets the findings that belong to no paper: checkpointed instances gone from the
/// database (e.g. a restored backup), instances no paper points to, and a damaged checkpoint file.
/// </summary>
public static class VerifyAllJournals
{
    public sealed record Query(long? BodyId, bool OnlyInvalid, int Page = 1, int PageSize = PagedList<object>.DefaultPageSize) : IRequest<Result>;

    /// <param name="File">the checkpoint file's path, for the system administrator only.</param>
    public sealed record CheckpointInfo(bool Exists, long Line, DateTimeOffset? At, int Heads, string? File);

    public sealed record Result(DateTimeOffset CheckedAt, bool Valid, int Papers, int InvalidPapers, CheckpointInfo Checkpoint,
        IReadOnlyList<JournalFinding> GeneralFindings, IReadOnlyList<PaperJournalAudit.Report> Items, int Page, int PageSize, int Total);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => this.ValidPaging(q => q.Page, q => q.PageSize);
    }

    public sealed class Handler(Caller caller, JournalVerificationService verification) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var bodyId = caller.IsSystemAdmin ? query.BodyId : caller.BodyId;
            if (bodyId is { } body ? !caller.SeesAllOf(body) : !caller.IsSystemAdmin)
                throw new ForbiddenException("Die Prüfung aller Journale ist dem Sitzungsdienst, dem Landrat und der Administration vorbehalten.");
            var full = await verification.RunAsync(bodyId, includeGeneral: caller.IsSystemAdmin, cancellationToken);
            var items = query.OnlyInvalid ? [.. full.Items.Where(i => !i.Valid)] : full.Items;
            return full with
            {
                Items = [.. items.Skip(PagingRules.Offset(query.Page, query.PageSize)).Take(query.PageSize)],
                Page = query.Page, PageSize = query.PageSize, Total = items.Count,
            };
        }
    }

    /// <summary>The whole run, shared by the endpoint, the Verwaltung page and the <c>verify-all</c> command.</summary>
    public sealed class JournalVerificationService(PaperJournalAudit audit, IWorkflowRuntime runtime, JournalCheckpointFile checkpoints, TimeProvider clock)
    {
        public async Task<Result> RunAsync(long? bodyId, bool includeGeneral, CancellationToken cancellationToken)
        {
            var reports = new List<PaperJournalAudit.Report>();
            foreach (var id in await audit.PaperIdsAsync(bodyId, cancellationToken))
                reports.Add(await audit.AuditAsync(id, cancellationToken));
            var log = await checkpoints.ReadAsync(cancellationToken);
            var general = new List<JournalFinding>();
            if (includeGeneral)
            {
                var linked = await audit.LinkedInstanceIdsAsync(cancellationToken);
                foreach (var result in await runtime.VerifyEachJournalAsync(cancellationToken))
                {
                    if (result.InstanceId is { } instance && linked.Contains(instance)) continue; // reported with its paper
                    if (!result.Valid) general.Add(PaperJournalAudit.Translate(result));
                    else if (result.InstanceId is { } orphan)
                        general.Add(new JournalFinding("orphaned_instance",
                            $"Die Workflow-Instanz {orphan} gehört zu keiner Vorlage (mehr): eine Vorlage wurde gelöscht oder auf ein anderes Journal umgehängt.",
                            Field: "workflowInstanceId", JournalValue: orphan));
                }
            }
            var invalid = reports.Count(r => !r.Valid);
            return new Result(clock.GetUtcNow(), invalid == 0 && general.Count == 0, reports.Count, invalid,
                new CheckpointInfo(log.Exists, log.LastLine, log.LastAt, log.Heads.Count, includeGeneral ? checkpoints.Path : null), general, reports, 1, reports.Count, reports.Count);
        }
    }
}

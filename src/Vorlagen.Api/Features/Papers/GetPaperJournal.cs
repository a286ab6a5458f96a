using MediatR;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;
using Vorlagen.Workflows.Journal;
using Vorlagen.Workflows.Runtime;

namespace Vorlagen.Api.Features.Papers;

/// <summary>
/// The raw, hash-chained journal (audit view) and its verification. The raw records carry every
/// input, including non-public tallies, so they are for the office (clerk, Landrat, admin) only;
/// whether the journal verifies is open to everyone who can see the paper, its record count, break
/// point and findings only to the office (see <see cref="PaperAccess.SeesJournalDetails"/>). Verifying
/// checks the chain, its sealed head and the checkpoint, then the paper's rows against the journal.
/// </summary>
public static class GetPaperJournal
{
    public sealed record Query(long PaperId) : IRequest<IReadOnlyList<WorkflowExecutionLogRecord>>;
    public sealed record Verify(long PaperId) : IRequest<JournalCheck>;

    /// <param name="Records">records read; null for callers outside the office.</param>
    /// <param name="BrokenAt">sequence of the first broken record; null when valid, unknown, or for callers outside the office.</param>
    /// <param name="Reason">the first finding in German; <paramref name="Findings"/> all of them (office only).</param>
    public sealed record JournalCheck(bool Valid, long? Records, long? BrokenAt, string? Reason, IReadOnlyList<JournalFinding>? Findings = null);

    public sealed class Handler(PaperReader reader, IWorkflowRuntime runtime, Caller caller, PaperJournalAudit audit)
        : IRequestHandler<Query, IReadOnlyList<WorkflowExecutionLogRecord>>, IRequestHandler<Verify, JournalCheck>
    {
        public async Task<IReadOnlyList<WorkflowExecutionLogRecord>> Handle(Query query, CancellationToken cancellationToken)
        {
            var loaded = await reader.LoadVisibleAsync(query.PaperId, cancellationToken);
            if (!caller.SeesAllOf(loaded.Paper.BodyId))
                throw new ForbiddenException("Das vollständige Journal ist dem Sitzungsdienst, dem Landrat und der Administration vorbehalten.");
            return loaded.Paper.WorkflowInstanceId is { } id ? (await runtime.GetStateAsync(id, cancellationToken)).Journal : [];
        }

        public async Task<JournalCheck> Handle(Verify query, CancellationToken cancellationToken)
        {
            var loaded = await reader.LoadVisibleAsync(query.PaperId, cancellationToken);
            var report = await audit.AuditAsync(loaded.Paper, loaded.Consultations, cancellationToken);
            var first = report.Findings.FirstOrDefault();
            return PaperAccess.SeesJournalDetails(caller, loaded.Paper)
                ? new JournalCheck(report.Valid, report.Records, JournalCrossCheck.IsRowFinding(first) ? null : first?.Sequence, first?.Message, report.Findings)
                : new JournalCheck(report.Valid, null, null, null);
        }
    }
}

using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;
using Vorlagen.Workflows.Journal;
using Vorlagen.Workflows.Persistence;

namespace Vorlagen.Api.Features.Papers;

/// <summary>
/// Writes a checkpoint of all journal heads now (besides the periodic one), e.g. right after a session's
/// results were entered. Administrators only; heads that do not verify are refused, never checkpointed.
/// </summary>
public static class WriteJournalCheckpoint
{
    public sealed record Command : IRequest<Result>;

    /// <param name="Refused">how many journals were not checkpointed because they do not verify (see the verification report).</param>
    public sealed record Result(long Line, int Heads, int Refused);

    public sealed class Handler(Caller caller, JournalCheckpointer checkpointer, IWorkflowStore store, DbSession db) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!caller.Is(Roles.Admin))
                throw new ForbiddenException("Sicherungspunkte des Journals schreibt die Administration.");
            await db.ConnectionAsync(cancellationToken);
            var outcome = await checkpointer.WriteAsync(store, always: true, cancellationToken);
            return new Result(outcome.Line, outcome.Heads, outcome.Refused.Count);
        }
    }
}

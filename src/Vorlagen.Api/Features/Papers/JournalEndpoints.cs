using MediatR;
using Vorlagen.Api.Infrastructure;

namespace Vorlagen.Api.Features.Papers;

/// <summary>Verification of all journals and on-demand checkpoints (office and administration).</summary>
public static class JournalEndpoints
{
    public static IEndpointRouteBuilder MapJournal(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/journal").WithTags("Journal").RequireAuthorization();
        group.MapGet("verify", (IMediator m, long? bodyId, bool? onlyInvalid, CancellationToken ct, int page = 1,
                int pageSize = PagedList<object>.DefaultPageSize) =>
            m.Send(new VerifyAllJournals.Query(bodyId, onlyInvalid ?? false, page, pageSize), ct)).WithName("VerifyAllJournals");
        group.MapPost("checkpoints", (IMediator m, CancellationToken ct) => m.Send(new WriteJournalCheckpoint.Command(), ct))
            .WithName("WriteJournalCheckpoint");
        return app;
    }
}

using MediatR;
using Vorlagen.Api.Features.Bodies;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Pages.Verwaltung;

/// <summary>Which body an administration page works on: a body admin's own; the system administrator picks one.</summary>
public sealed record AdminScope(IReadOnlyList<BodyDto> Bodies, long? BodyId, bool CanChoose)
{
    public static async Task<AdminScope> ResolveAsync(IMediator mediator, Caller caller, long? requested, bool allowAll, CancellationToken ct)
    {
        if (!caller.Is(Roles.Admin)) throw new ForbiddenException("Die Verwaltung ist der Administration vorbehalten.");
        var bodies = (await mediator.Send(new ListBodies.Query(1, PagedList<BodyDto>.MaxPageSize), ct)).Items;
        if (!caller.IsSystemAdmin) return new AdminScope([.. bodies.Where(b => b.Id == caller.BodyId)], caller.BodyId, false);
        var bodyId = requested is { } r && bodies.Any(b => b.Id == r) ? r : allowAll ? null : bodies.FirstOrDefault()?.Id;
        return new AdminScope(bodies, bodyId, true);
    }

    public string BodyName(long? bodyId) => Bodies.FirstOrDefault(b => b.Id == bodyId)?.Name ?? "ohne Körperschaft";
}

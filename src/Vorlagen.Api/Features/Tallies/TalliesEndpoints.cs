using MediatR;
using Vorlagen.Domain.Voting;

namespace Vorlagen.Api.Features.Tallies;

public static class TalliesEndpoints
{
    public sealed record TallyCheckRequest(VotesInput? Votes, string? Majority, bool SecondSession, string? Outcome, string? Role, DateOnly? Date);

    public static void MapTallies(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/organizations/{id:long}/tally-check", Check).WithTags("Gremien").WithName("CheckTally");

    private static Task<TallyCheckResult> Check(IMediator mediator, long id, TallyCheckRequest request, CancellationToken ct) =>
        mediator.Send(new CheckTally.Query(id, request.Votes, request.Majority, request.SecondSession, request.Outcome, request.Role, request.Date), ct);
}

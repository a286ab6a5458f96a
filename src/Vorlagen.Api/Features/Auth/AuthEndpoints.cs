using MediatR;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.Auth;

public static class AuthEndpoints
{
    public const string LoginRateLimit = "login";

    public sealed record TokenRequest(string? Username, string? Password);
    public sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt);
    public sealed record Me(long? UserId, string Username, string DisplayName, long? BodyId, IReadOnlyCollection<string> Roles,
        IReadOnlyCollection<long> ChairOf, IReadOnlyCollection<long> MemberOf, IReadOnlyCollection<long> DeputyChairOf);

    public static void MapAuth(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Anmeldung");
        group.MapPost("token", Token).WithName("IssueToken").RequireRateLimiting(LoginRateLimit);
        group.MapPost("logout", Logout).WithName("Logout").RequireAuthorization();
        group.MapGet("me", (Caller caller) => new Me(caller.UserId, caller.Username, caller.DisplayName, caller.BodyId,
            caller.Roles, caller.ChairOf, caller.MemberOf, caller.DeputyChairOf)).WithName("WhoAmI").RequireAuthorization();
    }

    private static async Task<TokenResponse> Token(IMediator mediator, TokenRequest request, CancellationToken ct)
    {
        var result = await mediator.Send(new IssueToken.Command(request.Username, request.Password), ct);
        if (result.AccessToken is null)
            throw new UnauthorizedException(result.Check.FailureCode!, result.Check.FailureMessage!,
                result.Check.LockedUntil is { } until ? new Dictionary<string, object?> { ["lockedUntil"] = until } : null);
        return new TokenResponse(result.AccessToken, result.ExpiresAt!.Value);
    }

    private static async Task<IResult> Logout(IMediator mediator, HttpContext http, CancellationToken ct)
    {
        if (AccessTokens.FromHeader(http.Request) is { } token) await mediator.Send(new RevokeToken.Command(AccessTokens.Hash(token)), ct);
        return Results.NoContent();
    }
}

using MediatR;
using Vorlagen.Api.Infrastructure;

namespace Vorlagen.Api.Features.Users;

public static class UsersEndpoints
{
    /// <summary>The body of POST and PUT; <c>bodyId</c>, <c>username</c> and <c>password</c> are only read on create.</summary>
    public sealed record UserRequest(long? BodyId, string? Username, string? DisplayName, string? Password, bool? Active,
        IReadOnlyList<RoleGrant>? Roles);

    public sealed record PasswordRequest(string? Password);

    public static IEndpointRouteBuilder MapUsers(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/users").WithTags("Benutzer").RequireAuthorization();
        group.MapGet("", List).WithName("ListUsers");
        group.MapGet("{id:long}", Get).WithName("GetUser");
        group.MapPost("", Create).WithName("CreateUser");
        group.MapPut("{id:long}", Update).WithName("UpdateUser");
        group.MapPost("{id:long}/password", Reset).WithName("ResetUserPassword");
        return app;
    }

    private static Task<PagedList<UserDto>> List(IMediator mediator, CancellationToken ct, long? bodyId, int page = 1,
        int pageSize = PagedList<UserDto>.DefaultPageSize) =>
        mediator.Send(new ListUsers.Query(bodyId, page, pageSize), ct);

    private static async Task<IResult> Get(IMediator mediator, HttpContext http, long id, CancellationToken ct)
    {
        var user = await mediator.Send(new GetUser.Query(id), ct);
        return HttpResults.OkWithETag(http, user, user.Version);
    }

    private static async Task<IResult> Create(IMediator mediator, HttpContext http, UserRequest request, CancellationToken ct)
    {
        var user = await mediator.Send(new CreateUser.Command(request.BodyId, request.Username, request.DisplayName, request.Password,
            request.Active ?? true, request.Roles), ct);
        http.Response.Headers.ETag = HttpResults.ETag(user.Version);
        return Results.Created($"/api/users/{user.Id}", user);
    }

    private static async Task<IResult> Update(IMediator mediator, HttpContext http, long id, UserRequest request, CancellationToken ct)
    {
        var user = await mediator.Send(new UpdateUser.Command(id,
            await IfMatch.ParseAsync(http.Request, async () => (await mediator.Send(new GetUser.Query(id), ct)).Version), request.DisplayName,
            request.Active ?? true, request.Roles), ct);
        return HttpResults.OkWithETag(http, user, user.Version);
    }

    private static async Task<IResult> Reset(IMediator mediator, HttpContext http, long id, PasswordRequest request, CancellationToken ct)
    {
        var user = await mediator.Send(new ResetPassword.Command(id, request.Password), ct);
        return HttpResults.OkWithETag(http, user, user.Version);
    }
}

using MediatR;
using Vorlagen.Api.Infrastructure;

namespace Vorlagen.Api.Features.Organizations;

public static class OrganizationsEndpoints
{
    /// <summary>The body of POST and PUT; <c>bodyId</c> is only read on create.</summary>
    public sealed record OrganizationInput(long BodyId, string? Name, string? ShortName, string? Kind, int Seats, bool ChairVotes,
        string? DefaultMajority, bool Active = true);

    public static void MapOrganizations(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/organizations").WithTags("Gremien");
        group.MapGet("", List).WithName("ListOrganizations");
        group.MapGet("{id:long}", Get).WithName("GetOrganization");
        group.MapPost("", Create).WithName("CreateOrganization").RequireAuthorization();
        group.MapPut("{id:long}", Update).WithName("UpdateOrganization").RequireAuthorization();
    }

    private static async Task<PagedList<OrganizationDto>> List(IMediator mediator, CancellationToken ct,
        long? bodyId, int page = 1, int pageSize = PagedList<OrganizationDto>.DefaultPageSize) =>
        await mediator.Send(new ListOrganizations.Query(bodyId, page, pageSize), ct);

    private static async Task<IResult> Get(IMediator mediator, HttpContext http, long id, CancellationToken ct)
    {
        var organization = await mediator.Send(new GetOrganization.Query(id), ct);
        return HttpResults.OkWithETag(http, organization, organization.Version);
    }

    private static async Task<IResult> Create(IMediator mediator, HttpContext http, OrganizationInput input, CancellationToken ct)
    {
        var created = await mediator.Send(new CreateOrganization.Command(input.BodyId, input.Name, input.ShortName, input.Kind,
            input.Seats, input.ChairVotes, input.DefaultMajority), ct);
        http.Response.Headers.ETag = HttpResults.ETag(created.Version);
        return Results.Created($"/api/organizations/{created.Id}", created);
    }

    private static async Task<IResult> Update(IMediator mediator, HttpContext http, long id, OrganizationInput input, CancellationToken ct)
    {
        var updated = await mediator.Send(new UpdateOrganization.Command(id,
            await IfMatch.ParseAsync(http.Request, async () => (await mediator.Send(new GetOrganization.Query(id), ct)).Version), input.Name, input.ShortName,
            input.Kind, input.Seats, input.ChairVotes, input.DefaultMajority, input.Active), ct);
        return HttpResults.OkWithETag(http, updated, updated.Version);
    }
}

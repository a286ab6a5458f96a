using MediatR;
using Vorlagen.Api.Infrastructure;

namespace Vorlagen.Api.Features.People;

/// <summary>/api/persons, /api/memberships, /api/legislative-terms: public reads (filtered by visibility), admin writes.</summary>
public static class PeopleEndpoints
{
    /// <summary>The body of POST and PUT /api/persons; <c>bodyId</c> is only read on create.</summary>
    public sealed record PersonRequest(long BodyId, string? Title, string? GivenName, string? FamilyName, string? FormOfAddress, string? Gender,
        string? Phone, string? Email, string? OfficeAddress, string? Status, long? UserId)
    {
        public PersonInput Input => new(Title, GivenName, FamilyName, FormOfAddress, Gender, Phone, Email, OfficeAddress, Status, UserId);
    }

    /// <summary>The body of POST and PUT /api/memberships; <c>personId</c> and <c>organizationId</c> are only read on create.</summary>
    public sealed record MembershipRequest(long PersonId, long OrganizationId, long LegislativeTermId, string? Role, bool? VotingRight, bool Statutory,
        long? DeputyForId, DateOnly? StartDate, DateOnly? EndDate, bool? Public)
    {
        public MembershipInput Input => new(PersonId, OrganizationId, LegislativeTermId, Role, VotingRight, Statutory, DeputyForId, StartDate, EndDate, Public ?? true);
    }

    public sealed record TermRequest(long BodyId, string? Name, DateOnly? StartDate, DateOnly? EndDate);

    /// <summary>The CSV import: the file's text; <c>dryRun</c> (default true) only reports.</summary>
    public sealed record ImportRequest(long BodyId, string? Csv, bool? DryRun);

    public static void MapPeople(this IEndpointRouteBuilder app)
    {
        var persons = app.MapGroup("/api/persons").WithTags("Personen");
        persons.MapGet("", (IMediator m, CancellationToken ct, long? bodyId, string? status, int page = 1, int pageSize = PagedList<PersonDto>.DefaultPageSize) =>
            m.Send(new ListPersons.Query(bodyId, status, page, pageSize), ct)).WithName("ListPersons");
        persons.MapGet("{id:long}", async (IMediator m, HttpContext http, long id, CancellationToken ct) =>
        {
            var person = await m.Send(new GetPerson.Query(id), ct);
            return HttpResults.OkWithETag(http, person, person.Version);
        }).WithName("GetPerson");
        persons.MapGet("{id:long}/history", (IMediator m, long id, CancellationToken ct) => m.Send(new GetPeopleHistory.Query(id), ct))
            .WithName("GetPersonHistory").RequireAuthorization();
        persons.MapPost("", async (IMediator m, HttpContext http, PersonRequest request, CancellationToken ct) =>
        {
            var created = await m.Send(new CreatePerson.Command(request.BodyId, request.Input), ct);
            http.Response.Headers.ETag = HttpResults.ETag(created.Version);
            return Results.Created($"/api/persons/{created.Id}", created);
        }).WithName("CreatePerson").RequireAuthorization().AddEndpointFilter<IdempotencyFilter>();
        persons.MapPut("{id:long}", async (IMediator m, HttpContext http, long id, PersonRequest request, CancellationToken ct) =>
        {
            var updated = await m.Send(new UpdatePerson.Command(id,
                await IfMatch.ParseAsync(http.Request, async () => (await m.Send(new GetPerson.Query(id), ct)).Version), request.Input), ct);
            return HttpResults.OkWithETag(http, updated, updated.Version);
        }).WithName("UpdatePerson").RequireAuthorization();
        persons.MapPost("import", (IMediator m, ImportRequest request, CancellationToken ct) =>
            m.Send(new ImportMembers.Command(request.BodyId, request.Csv, request.DryRun ?? true), ct))
            .WithName("ImportMembers").RequireAuthorization().AddEndpointFilter<IdempotencyFilter>();

        var memberships = app.MapGroup("/api/memberships").WithTags("Mitgliedschaften");
        memberships.MapGet("", (IMediator m, CancellationToken ct, long? organizationId, long? personId, long? bodyId, DateOnly? at, int page = 1,
            int pageSize = PagedList<MembershipDto>.DefaultPageSize) =>
            m.Send(new ListMemberships.Query(organizationId, personId, bodyId, at, page, pageSize), ct)).WithName("ListMemberships");
        memberships.MapGet("{id:long}", async (IMediator m, HttpContext http, long id, CancellationToken ct) =>
        {
            var membership = await m.Send(new GetMembership.Query(id), ct);
            return HttpResults.OkWithETag(http, membership, membership.Version);
        }).WithName("GetMembership");
        memberships.MapPost("", async (IMediator m, HttpContext http, MembershipRequest request, CancellationToken ct) =>
        {
            var created = await m.Send(new CreateMembership.Command(request.Input), ct);
            http.Response.Headers.ETag = HttpResults.ETag(created.Version);
            return Results.Created($"/api/memberships/{created.Id}", created);
        }).WithName("CreateMembership").RequireAuthorization().AddEndpointFilter<IdempotencyFilter>();
        memberships.MapPut("{id:long}", async (IMediator m, HttpContext http, long id, MembershipRequest request, CancellationToken ct) =>
        {
            var updated = await m.Send(new UpdateMembership.Command(id, await IfMatch.ParseAsync(http.Request,
                async () => (await m.Send(new GetMembership.Query(id), ct)).Version), request.Input), ct);
            return HttpResults.OkWithETag(http, updated, updated.Version);
        }).WithName("UpdateMembership").RequireAuthorization();

        var terms = app.MapGroup("/api/legislative-terms").WithTags("Wahlperioden");
        terms.MapGet("", (IMediator m, long? bodyId, CancellationToken ct) => m.Send(new LegislativeTerms.ListQuery(bodyId), ct)).WithName("ListLegislativeTerms");
        terms.MapGet("{id:long}", async (IMediator m, HttpContext http, long id, CancellationToken ct) =>
        {
            var term = await m.Send(new LegislativeTerms.GetQuery(id), ct);
            return HttpResults.OkWithETag(http, term, term.Version);
        }).WithName("GetLegislativeTerm");
        terms.MapPost("", async (IMediator m, HttpContext http, TermRequest request, CancellationToken ct) =>
        {
            var created = await m.Send(new LegislativeTerms.CreateCommand(request.BodyId, new(request.Name, request.StartDate, request.EndDate)), ct);
            http.Response.Headers.ETag = HttpResults.ETag(created.Version);
            return Results.Created($"/api/legislative-terms/{created.Id}", created);
        }).WithName("CreateLegislativeTerm").RequireAuthorization().AddEndpointFilter<IdempotencyFilter>();
        terms.MapPut("{id:long}", async (IMediator m, HttpContext http, long id, TermRequest request, CancellationToken ct) =>
        {
            var updated = await m.Send(new LegislativeTerms.UpdateCommand(id, await IfMatch.ParseAsync(http.Request,
                async () => (await m.Send(new LegislativeTerms.GetQuery(id), ct)).Version), new(request.Name, request.StartDate, request.EndDate)), ct);
            return HttpResults.OkWithETag(http, updated, updated.Version);
        }).WithName("UpdateLegislativeTerm").RequireAuthorization();
    }
}

using MediatR;
using Microsoft.AspNetCore.Mvc;
using Vorlagen.Api.Features.Bodies;
using Vorlagen.Api.Features.Decisions;
using Vorlagen.Api.Features.Organizations;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Pages.Shared;

namespace Vorlagen.Api.Pages.Beschluesse;

/// <summary>The Beschlussbuch: decisions of a Gremium with their Beschluss numbers, by Landkreis, Gremium and year (the public sees the public part).</summary>
public sealed class IndexModel(IMediator mediator, TimeProvider clock) : UiPageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public long? BodyId { get; set; }
    [BindProperty(SupportsGet = true)] public long? OrganizationId { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "seite")] public int Seite { get; set; } = 1;

    public PagedList<ListDecisions.DecisionDto> Result { get; private set; } = new([], 1, PageSize, 0);
    public IReadOnlyList<BodyDto> Bodies { get; private set; } = [];
    public IReadOnlyList<OrganizationDto> Organizations { get; private set; } = [];
    public IEnumerable<int> Years => Enumerable.Range(2000, BerlinTime.Today(clock).Year - 1999).Reverse();
    public int Pages => Math.Max(1, (Result.Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData["Title"] = "Beschlussbuch";
        Seite = Math.Clamp(Seite, 1, PagingRules.MaxPage);
        Bodies = (await mediator.Send(new ListBodies.Query(1, PagedList<BodyDto>.MaxPageSize), ct)).Items;
        Organizations = (await mediator.Send(new ListOrganizations.Query(null, 1, PagedList<OrganizationDto>.MaxPageSize), ct)).Items;
        Result = await mediator.Send(new ListDecisions.Query(BodyId, OrganizationId, Year is >= 1990 and <= 2200 ? Year : null, Seite, PageSize), ct);
    }

    public Dictionary<string, string?> RouteFor(int page) => new()
    {
        ["bodyId"] = BodyId?.ToString(), ["organizationId"] = OrganizationId?.ToString(), ["year"] = Year?.ToString(), ["seite"] = page.ToString(),
    };
}

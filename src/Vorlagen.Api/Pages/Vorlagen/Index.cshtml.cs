using MediatR;
using Microsoft.AspNetCore.Mvc;
using Vorlagen.Api.Features.Bodies;
using Vorlagen.Api.Features.Organizations;
using Vorlagen.Api.Features.Papers;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Pages.Shared;

namespace Vorlagen.Api.Pages.Papers;

/// <summary>The Vorlagen the visitor may see, filtered and searched by the same query as <c>GET /api/papers</c>.</summary>
public sealed class IndexModel(IMediator mediator, TimeProvider clock, Infrastructure.PaperTypes.PaperTypeCatalog types) : UiPageModel
{
    public const int PageSize = 20;

    /// <summary>The paper types one can filter by (workflows/types).</summary>
    public IReadOnlyList<Infrastructure.PaperTypes.PaperTypeDescriptor> PaperTypes => types.All;

    /// <summary>The statuses one can filter by: those of the chosen type, else of every type (the first type's label wins).</summary>
    public IEnumerable<(string Code, string Label)> Statuses =>
        (types.Find(Type) is { } type ? [type] : types.All).SelectMany(t => t.Statuses).DistinctBy(s => s.Key).Select(s => (s.Key, s.Value.Label));

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public long? BodyId { get; set; }
    [BindProperty(SupportsGet = true)] public long? OrganizationId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "seite")] public int Seite { get; set; } = 1;

    public PagedList<PaperSummaryDto> Result { get; private set; } = new([], 1, PageSize, 0);
    public IReadOnlyList<BodyDto> Bodies { get; private set; } = [];
    public IReadOnlyList<OrganizationDto> Organizations { get; private set; } = [];
    public IEnumerable<int> Years => Enumerable.Range(2000, BerlinTime.Today(clock).Year - 1999).Reverse();
    public int Pages => Math.Max(1, (Result.Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData["Title"] = "Vorlagen";
        Seite = Math.Clamp(Seite, 1, PagingRules.MaxPage);
        Bodies = (await mediator.Send(new ListBodies.Query(1, PagedList<BodyDto>.MaxPageSize), ct)).Items;
        Organizations = (await mediator.Send(new ListOrganizations.Query(null, 1, PagedList<OrganizationDto>.MaxPageSize), ct)).Items;
        try
        {
            Result = await mediator.Send(new ListPapers.Query(BodyId, Empty(Status), OrganizationId, Empty(Q), Year, Seite, PageSize, Empty(Type)), ct);
        }
        catch (FluentValidation.ValidationException e)
        {
            // A search without words or with too many: the page says why instead of failing.
            SearchError = string.Join(" ", e.Errors.Select(f => f.ErrorMessage).Distinct());
        }
    }

    public string? SearchError { get; private set; }

    public Dictionary<string, string?> RouteFor(int page) => new()
    {
        ["q"] = Q, ["status"] = Status, ["bodyId"] = BodyId?.ToString(), ["organizationId"] = OrganizationId?.ToString(),
        ["type"] = Type, ["year"] = Year?.ToString(), ["seite"] = page.ToString(),
    };

    private static string? Empty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}

using MediatR;
using Microsoft.AspNetCore.Mvc;
using Vorlagen.Api.Features.Organizations;
using Vorlagen.Api.Infrastructure.Auth;
using Vorlagen.Api.Pages.Shared;

namespace Vorlagen.Api.Pages.Verwaltung.Gremien;

public sealed class IndexModel(IMediator mediator, Caller caller) : UiPageModel
{
    [BindProperty(SupportsGet = true)] public long? BodyId { get; set; }

    public AdminScope Scope { get; private set; } = default!;
    public IReadOnlyList<OrganizationDto> Organizations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Scope = await AdminScope.ResolveAsync(mediator, caller, BodyId, allowAll: false, ct);
        if (Scope.BodyId is { } body)
            Organizations = (await mediator.Send(new ListOrganizations.Query(body, 1, 200), ct)).Items;
        ViewData["Title"] = "Gremien";
    }
}

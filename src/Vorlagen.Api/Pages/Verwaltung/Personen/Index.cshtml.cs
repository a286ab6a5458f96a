using MediatR;
using Microsoft.AspNetCore.Mvc;
using Vorlagen.Api.Features.People;
using Vorlagen.Api.Infrastructure.Auth;
using Vorlagen.Api.Pages.Shared;

namespace Vorlagen.Api.Pages.Verwaltung.Personen;

public sealed class IndexModel(IMediator mediator, Caller caller) : UiPageModel
{
    [BindProperty(SupportsGet = true)] public long? BodyId { get; set; }

    public AdminScope Scope { get; private set; } = default!;
    public IReadOnlyList<PersonDto> Persons { get; private set; } = [];
    public int Total { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Scope = await AdminScope.ResolveAsync(mediator, caller, BodyId, allowAll: false, ct);
        if (Scope.BodyId is { } body)
        {
            var page = await mediator.Send(new ListPersons.Query(body, null, 1, 200), ct);
            (Persons, Total) = (page.Items, page.Total);
        }
        ViewData["Title"] = "Personen";
    }
}

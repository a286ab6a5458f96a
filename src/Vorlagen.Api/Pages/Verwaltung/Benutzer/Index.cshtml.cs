using MediatR;
using Microsoft.AspNetCore.Mvc;
using Vorlagen.Api.Features.Users;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;
using Vorlagen.Api.Pages.Shared;

namespace Vorlagen.Api.Pages.Verwaltung.Benutzer;

public sealed class IndexModel(IMediator mediator, Caller caller) : UiPageModel
{
    [BindProperty(SupportsGet = true)] public long? BodyId { get; set; }

    public AdminScope Scope { get; private set; } = default!;
    public PagedList<UserDto> Users { get; private set; } = new([], 1, 200, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Scope = await AdminScope.ResolveAsync(mediator, caller, BodyId, allowAll: true, ct);
        Users = await mediator.Send(new ListUsers.Query(Scope.BodyId, 1, PagedList<UserDto>.MaxPageSize), ct);
        ViewData["Title"] = "Benutzer";
        ViewData["AllowAll"] = true;
    }
}

using MediatR;
using Vorlagen.Api.Features.People;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Pages.Shared;

namespace Vorlagen.Api.Pages.Personen;

/// <summary>A person's page: name, Fraktion and the memberships the caller may see; contact data only for signed-in users of the body.</summary>
public sealed class DetailsModel(IMediator mediator, TimeProvider clock) : UiPageModel
{
    public PersonDto Person { get; private set; } = default!;
    public DateOnly Today => BerlinTime.Today(clock);

    public async Task OnGetAsync(long id, CancellationToken ct)
    {
        Person = await mediator.Send(new GetPerson.Query(id), ct);
        ViewData["Title"] = Person.Name;
    }
}

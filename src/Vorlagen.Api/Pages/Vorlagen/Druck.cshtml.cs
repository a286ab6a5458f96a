using MediatR;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;
using Vorlagen.Api.Pages.Shared;

namespace Vorlagen.Api.Pages.Papers;

/// <summary>The Beschlussvorlage as a document on A4, laid out like the real ones (seeds 001 and 004).</summary>
public sealed class DruckModel(IMediator mediator, Caller caller, RuleProfiles profiles) : UiPageModel
{
    public PaperView View { get; private set; } = default!;

    public async Task OnGetAsync(long id, CancellationToken ct)
    {
        View = await PaperView.LoadAsync(mediator, caller, profiles, id, ct);
        ViewData["Title"] = $"Beschlussvorlage {View.Paper.Reference}";
    }
}

using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Vorlagen.Api.Features.Auth;
using SignInCommand = Vorlagen.Api.Features.Auth.SignIn;
using Vorlagen.Api.Pages.Shared;

namespace Vorlagen.Api.Pages;

/// <summary>Cookie sign-in with the same password check (lockout, rate limit) as the API token.</summary>
[EnableRateLimiting(AuthEndpoints.LoginRateLimit)]
public sealed class AnmeldenModel(IMediator mediator) : UiPageModel
{
    [BindProperty]
    public string? Username { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(Target) : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        SignInCommand.Result result;
        try
        {
            result = await mediator.Send(new SignInCommand.Command(Username?.Trim(), Password), ct);
        }
        catch (FluentValidation.ValidationException e)
        {
            FormErrors.Show(e, ModelState, "");
            return Page();
        }
        if (result.Principal is null)
        {
            // The same message for an unknown name and a wrong password, locked or not (no account enumeration).
            ModelState.AddModelError(nameof(Password), result.Check.FailureMessage ?? "Die Anmeldung ist fehlgeschlagen.");
            return Page();
        }
        await HttpContext.SignInAsync(SignInCommand.CookieScheme, result.Principal);
        return LocalRedirect(Target);
    }

    private string Target => ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) ? url : "/";
}

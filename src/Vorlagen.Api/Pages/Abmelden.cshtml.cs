using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vorlagen.Api.Features.Auth;
using Vorlagen.Api.Infrastructure.Auth;
using SignInCommand = Vorlagen.Api.Features.Auth.SignIn;

namespace Vorlagen.Api.Pages;

/// <summary>
/// Sign-out is a POST with antiforgery token, so no link or image can sign a user out. It revokes the
/// server-side session, so a copy of the cookie stops working too.
/// </summary>
public sealed class AbmeldenModel(IMediator mediator) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (User.FindFirst(CookieRevalidation.SessionClaim)?.Value is { Length: > 0 } session)
            await mediator.Send(new RevokeToken.Command(session), ct);
        await HttpContext.SignOutAsync(SignInCommand.CookieScheme);
        // The start page shows it once (the same TempData "Notice" every page's confirmation uses).
        TempData[nameof(Shared.UiPageModel.Notice)] = "Sie wurden abgemeldet.";
        return Redirect("/");
    }
}

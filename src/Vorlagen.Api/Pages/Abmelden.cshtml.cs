using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vorlagen.Api.Features.Auth;
using SignInCommand = Vorlagen.Api.Features.Auth.SignIn;

namespace Vorlagen.Api.Pages;

/// <summary>Sign-out is a POST with antiforgery token, so no link or image can sign a user out.</summary>
public sealed class AbmeldenModel : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(SignInCommand.CookieScheme);
        return Redirect("/");
    }
}

using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vorlagen.Api.Pages.Shared;

namespace Vorlagen.Api.Pages;

/// <summary>
/// The German error page the status code pages and the exception handler re-execute (with whatever
/// method the failed request had, hence no handler methods and no antiforgery check). Never shows
/// exception details.
/// </summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class FehlerModel : PageModel
{
    public ErrorView Describe()
    {
        var unhandled = HttpContext.Features.Get<IExceptionHandlerFeature>() is not null;
        var code = unhandled ? 500 : int.TryParse(Request.Query["code"], out var given) ? given : Response.StatusCode;
        var view = ErrorView.For(code, null);
        ViewData["Title"] = view.Heading;
        return view;
    }
}

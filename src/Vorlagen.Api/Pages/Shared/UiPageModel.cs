using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Vorlagen.Api.Infrastructure;

namespace Vorlagen.Api.Pages.Shared;

/// <summary>
/// Base of every page: errors a handler throws and the page did not handle itself become the German
/// error page with the handler's status and message (404 stays 404, 403 stays 403), and an
/// anonymous visitor who hits a 401/403 is sent to the sign-in page instead.
/// </summary>
public abstract class UiPageModel : PageModel
{
    /// <summary>A one-time confirmation shown after a redirect ("Die Vorlage wurde eingereicht.").</summary>
    [TempData]
    public string? Notice { get; set; }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is null || executed.ExceptionHandled) return;
        var result = executed.Exception switch
        {
            AppException app => ErrorPage(app.Status, app.Message),
            ValidationException validation => ErrorPage(400, string.Join(" ", validation.Errors.Select(e => e.ErrorMessage).Distinct())),
            _ => null,
        };
        if (result is null) return;
        executed.Result = result;
        executed.ExceptionHandled = true;
    }

    /// <summary>The German error page with the status and a specific message, rendered right here (no re-execution).</summary>
    protected IActionResult ErrorPage(int status, string message)
    {
        if (status is 401 or 403 && User.Identity?.IsAuthenticated != true) return Challenge();
        return new ViewResult
        {
            ViewName = "/Pages/Shared/ErrorPage.cshtml", StatusCode = status,
            ViewData = new ViewDataDictionary<ErrorView>(ViewData, ErrorView.For(status, message)),
        };
    }
}

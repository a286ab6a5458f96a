using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Vorlagen.Api.Pages;

/// <summary>Where the cookie scheme sends a signed-in user who lacks a required role.</summary>
public sealed class KeineBerechtigungModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}

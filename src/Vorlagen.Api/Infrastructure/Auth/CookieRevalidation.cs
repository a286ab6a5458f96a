using Dapper;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Vorlagen.Api.Data;
using Vorlagen.Api.Features.Auth;

namespace Vorlagen.Api.Infrastructure.Auth;

/// <summary>
/// A sign-in cookie carries roles; re-reading the user on every request makes deactivation, role
/// changes and password resets take effect at once, as they do for bearer tokens: any change to the
/// user bumps its version (the "stamp" claim), which ends the browser session.
/// </summary>
public static class CookieRevalidation
{
    public const string ActiveUserSql =
        "SELECT id AS Id, username AS Username, display_name AS DisplayName, body_id AS BodyId, version AS Version FROM users WHERE id = @Id AND active = 1";

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal?.FindFirst(Caller.UserIdClaim)?.Value is not { } id || !long.TryParse(id, out var userId))
        {
            await RejectAsync(context);
            return;
        }
        var factory = context.HttpContext.RequestServices.GetRequiredService<ConnectionFactory>();
        await using var connection = await factory.OpenAsync(context.HttpContext.RequestAborted);
        var user = await connection.QuerySingleOrDefaultAsync<TokenAuthenticationHandler.UserRow>(ActiveUserSql, new { Id = userId });
        if (user is null || context.Principal.FindFirst(TokenAuthenticationHandler.StampClaim)?.Value != user.Version.ToString())
        {
            await RejectAsync(context);
            return;
        }
        var grants = await connection.QueryAsync<TokenAuthenticationHandler.GrantRow>(TokenAuthenticationHandler.GrantsSql, new { user.Id });
        var current = TokenAuthenticationHandler.Principal(user, grants, SignIn.CookieScheme);
        if (!SameClaims(context.Principal, current))
        {
            context.ReplacePrincipal(current);
            context.ShouldRenew = true;
        }
    }

    private static bool SameClaims(System.Security.Claims.ClaimsPrincipal stored, System.Security.Claims.ClaimsPrincipal current) =>
        stored.Claims.Select(c => c.Type + "=" + c.Value).Order().SequenceEqual(current.Claims.Select(c => c.Type + "=" + c.Value).Order());

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(SignIn.CookieScheme);
    }
}

using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Vorlagen.Api.Data;
using Vorlagen.Api.Features.Auth;

namespace Vorlagen.Api.Infrastructure.Auth;

/// <summary>
/// A sign-in cookie carries roles; re-reading the user on every request makes deactivation, role
/// changes and password resets take effect at once, as they do for bearer tokens: any change to the
/// user bumps its version (the "stamp" claim), which ends the browser session. The cookie also
/// names its server-side session (a row in access_tokens), so sign-out and the absolute session
/// lifetime end every copy of the cookie.
/// </summary>
public static class CookieRevalidation
{
    /// <summary>
    /// The session id is stored as the row's token_hash as it is: the bearer handler hashes what it is
    /// given, so a session id can never be used as a bearer token.
    /// </summary>
    public const string SessionClaim = "sid";

    public const string SessionUserSql =
        "SELECT u.id AS Id, u.username AS Username, u.display_name AS DisplayName, u.body_id AS BodyId, u.version AS Version FROM access_tokens t " +
        "JOIN users u ON u.id = t.user_id WHERE t.token_hash = @Session AND t.user_id = @Id AND t.revoked_at IS NULL AND t.expires_at > @Now AND u.active = 1";

    public static string NewSessionId() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal?.FindFirst(Caller.UserIdClaim)?.Value is not { } id || !long.TryParse(id, out var userId)
            || context.Principal.FindFirst(SessionClaim)?.Value is not { Length: > 0 } session)
        {
            await RejectAsync(context);
            return;
        }
        var services = context.HttpContext.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        await using var connection = await services.GetRequiredService<ConnectionFactory>().OpenAsync(context.HttpContext.RequestAborted);
        var user = await connection.QuerySingleOrDefaultAsync<TokenAuthenticationHandler.UserRow>(SessionUserSql,
            new { Session = session, Id = userId, Now = Instants.Format(now) });
        if (user is null || context.Principal.FindFirst(TokenAuthenticationHandler.StampClaim)?.Value != user.Version.ToString())
        {
            await RejectAsync(context);
            return;
        }
        var grants = await connection.QueryAsync<TokenAuthenticationHandler.GrantRow>(TokenAuthenticationHandler.GrantsSql,
            TokenAuthenticationHandler.GrantArgs(user.Id, services.GetRequiredService<TimeProvider>()));
        var current = Principal(user, grants, session, TokenAuthenticationHandler.GrantsOn(services.GetRequiredService<TimeProvider>()));
        if (!SameClaims(context.Principal, current))
        {
            context.ReplacePrincipal(current);
            context.ShouldRenew = true;
        }
    }

    /// <summary>The cookie's principal: the user as for bearer tokens, plus the session.</summary>
    public static ClaimsPrincipal Principal(TokenAuthenticationHandler.UserRow user, IEnumerable<TokenAuthenticationHandler.GrantRow> grants, string session,
        string grantsOn)
    {
        var principal = TokenAuthenticationHandler.Principal(user, grants, SignIn.CookieScheme, grantsOn);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(SessionClaim, session));
        return principal;
    }

    private static bool SameClaims(ClaimsPrincipal stored, ClaimsPrincipal current) =>
        stored.Claims.Select(c => c.Type + "=" + c.Value).Order().SequenceEqual(current.Claims.Select(c => c.Type + "=" + c.Value).Order());

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(SignIn.CookieScheme);
    }
}

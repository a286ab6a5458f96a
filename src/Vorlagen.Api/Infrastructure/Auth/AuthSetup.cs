using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Vorlagen.Api.Features.Auth;

namespace Vorlagen.Api.Infrastructure.Auth;

public static class AuthSetup
{
    public const string SelectScheme = "BearerOrCookie";

    public static IServiceCollection AddVorlagenAuth(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Vorlagen:Auth").Get<AuthOptions>() ?? new AuthOptions();
        services.AddSingleton(options);
        // API clients send a bearer token; the web UI signs in with a cookie. One policy scheme picks per request.
        services.AddAuthentication(SelectScheme)
            .AddPolicyScheme(SelectScheme, SelectScheme, o => o.ForwardDefaultSelector = http =>
                AccessTokens.FromHeader(http.Request) is not null || http.Request.Path.StartsWithSegments("/api")
                    ? TokenAuthenticationHandler.SchemeName : SignIn.CookieScheme)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null)
            .AddCookie(SignIn.CookieScheme, o =>
            {
                o.LoginPath = "/anmelden";
                o.LogoutPath = "/abmelden";
                o.AccessDeniedPath = "/keine-berechtigung";
                o.ExpireTimeSpan = options.TokenLifetime;
                o.SlidingExpiration = true;
                o.Cookie.Name = "vorlagen.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.Events.OnValidatePrincipal = CookieRevalidation.ValidateAsync;
            });
        services.AddAuthorization();
        // The antiforgery cookie is never Secure by default; like the sign-in cookie it follows the (forwarded) scheme.
        services.Configure<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddScoped<PasswordCheck>();
        services.AddSingleton<IPasswordHasher<PasswordCheck.LoginRow>, PasswordHasher<PasswordCheck.LoginRow>>();
        services.AddHttpContextAccessor();
        services.AddScoped(sp => Caller.From(sp.GetRequiredService<IHttpContextAccessor>().HttpContext?.User));

        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (rejected, _) =>
            {
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    rejected.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            limiter.AddPolicy(AuthEndpoints.LoginRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(ClientKey(http),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.LoginRequestsPerMinute, Window = TimeSpan.FromMinutes(1) }));
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => RateLimitPartition.GetFixedWindowLimiter(
                ClientKey(http), _ => new FixedWindowRateLimiterOptions { PermitLimit = options.RequestsPerMinute, Window = TimeSpan.FromMinutes(1) }));
        });
        return services;
    }

    /// <summary>The client address; behind a configured reverse proxy the forwarded one (see <see cref="ReverseProxy"/>).</summary>
    private static string ClientKey(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "local";

    /// <summary>
    /// A presented but unknown, expired or revoked token is a 401, never a silent fall-back to
    /// anonymous (which would make an expired session look like missing data). The API answers with
    /// ProblemDetails; pages with the German error page, which the re-executed request must reach.
    /// </summary>
    public static IApplicationBuilder RejectInvalidTokens(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (AccessTokens.FromHeader(context.Request) is not null && context.User.Identity?.IsAuthenticated != true
            && context.Features.Get<IStatusCodeReExecuteFeature>() is null && context.Features.Get<IExceptionHandlerFeature>() is null)
        {
            if (ApiPaths.IsApi(context))
                throw new UnauthorizedException("token_invalid", "Die Anmeldung ist abgelaufen oder ungültig. Bitte melden Sie sich erneut an.");
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            return;
        }
        await next(context);
    });
}

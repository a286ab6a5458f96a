using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;
using Vorlagen.Api.Features.Auth;

namespace Vorlagen.Api.Infrastructure.Auth;

public static class AuthSetup
{
    public static IServiceCollection AddVorlagenAuth(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Vorlagen:Auth").Get<AuthOptions>() ?? new AuthOptions();
        services.AddSingleton(options);
        services.AddAuthentication(TokenAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null);
        services.AddAuthorization();
        services.AddHttpContextAccessor();
        services.AddScoped(sp => Caller.From(sp.GetRequiredService<IHttpContextAccessor>().HttpContext?.User));

        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(AuthEndpoints.LoginRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(ClientKey(http),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.LoginRequestsPerMinute, Window = TimeSpan.FromMinutes(1) }));
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => RateLimitPartition.GetFixedWindowLimiter(
                ClientKey(http), _ => new FixedWindowRateLimiterOptions { PermitLimit = options.RequestsPerMinute, Window = TimeSpan.FromMinutes(1) }));
        });
        return services;
    }

    private static string ClientKey(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "local";

    /// <summary>
    /// A presented but unknown, expired or revoked token is a 401, never a silent fall-back to
    /// anonymous (which would make an expired session look like missing data).
    /// </summary>
    public static IApplicationBuilder RejectInvalidTokens(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (AccessTokens.FromHeader(context.Request) is not null && context.User.Identity?.IsAuthenticated != true)
            throw new UnauthorizedException("token_invalid",
                "Die Anmeldung ist abgelaufen oder ungültig. Bitte melden Sie sich erneut an.");
        await next(context);
    });
}

namespace Vorlagen.Api.Features.Auth;

/// <summary>Sign-in settings, bound from <c>Vorlagen:Auth</c>.</summary>
public sealed class AuthOptions
{
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);
    public int MaxFailedLogins { get; set; } = 5;
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);
    public int LoginRequestsPerMinute { get; set; } = 30;
    public int RequestsPerMinute { get; set; } = 1200;
}

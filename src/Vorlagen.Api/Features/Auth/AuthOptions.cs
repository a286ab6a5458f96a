namespace Vorlagen.Api.Features.Auth;

/// <summary>Sign-in settings, bound from <c>Vorlagen:Auth</c>.</summary>
public sealed class AuthOptions
{
    /// <summary>Bearer tokens; for the UI cookie it is the idle timeout (sliding).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);
    /// <summary>A UI session ends this long after sign-in, however active it is.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);
    public int MaxFailedLogins { get; set; } = 5;
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);
    public int LoginRequestsPerMinute { get; set; } = 30;
    public int RequestsPerMinute { get; set; } = 1200;
}

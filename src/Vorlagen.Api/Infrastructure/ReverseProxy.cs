using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Vorlagen.Api.Infrastructure;

/// <summary>
/// Opt-in support for a TLS-terminating reverse proxy (<c>Vorlagen:ReverseProxy:KnownProxies</c> /
/// <c>KnownNetworks</c>): X-Forwarded-For and X-Forwarded-Proto are trusted only from those
/// addresses, so the client address (rate limits) and the scheme (Secure cookies, HSTS) are the real ones.
/// </summary>
public static class ReverseProxy
{
    public const string Section = "Vorlagen:ReverseProxy";

    public static IServiceCollection AddReverseProxy(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var proxies = Values(section.GetSection("KnownProxies")).Select(p => IPAddress.TryParse(p, out var ip) ? ip
            : throw new InvalidOperationException($"{Section}:KnownProxies: '{p}' ist keine IP-Adresse.")).ToList();
        var networks = Values(section.GetSection("KnownNetworks")).Select(n => System.Net.IPNetwork.TryParse(n, out var net) ? net
            : throw new InvalidOperationException($"{Section}:KnownNetworks: '{n}' ist kein Netz in CIDR-Schreibweise (z. B. 10.0.0.0/8).")).ToList();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // No hop limit: entries are taken from the right only while the sender is a known proxy.
            o.ForwardLimit = null;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            proxies.ForEach(o.KnownProxies.Add);
            networks.ForEach(o.KnownIPNetworks.Add);
        });
        return services;
    }

    /// <summary>Only when proxies are configured: otherwise the headers are ignored (anyone could send them).</summary>
    public static IApplicationBuilder UseReverseProxy(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<ForwardedHeadersOptions>>().Value;
        return options.KnownProxies.Count + options.KnownIPNetworks.Count > 0 ? app.UseForwardedHeaders() : app;
    }

    // Accepts a list (KnownProxies__0=…) or one comma-separated value (KnownProxies=a,b).
    private static IEnumerable<string> Values(IConfigurationSection section) =>
        (section.GetChildren().Any() ? section.GetChildren().Select(c => c.Value ?? "") : (section.Value ?? "").Split(','))
        .Select(v => v.Trim()).Where(v => v.Length > 0);
}

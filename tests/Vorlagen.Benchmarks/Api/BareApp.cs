using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Vorlagen.Benchmarks.Api;

/// <summary><c>bare-app</c> mode: the floor for latency and start-up, an empty ASP.NET Core app answering GET /health.</summary>
internal static class BareApp
{
    public static async Task RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/health", () => Results.Text("{\"status\":\"Healthy\"}", "application/json"));
        await app.RunAsync();
    }
}

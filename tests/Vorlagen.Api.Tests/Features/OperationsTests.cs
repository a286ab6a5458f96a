using System.Net;
using Microsoft.AspNetCore.Hosting;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Features;

public sealed class OperationsTests(VorlagenApp app) : IClassFixture<VorlagenApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Health_is_200_healthy_when_the_database_answers()
    {
        var response = await _client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", (await response.ReadJson()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task OpenApi_document_lists_the_body_and_organization_endpoints()
    {
        var document = await (await _client.GetAsync("/openapi/v1.json")).ReadJson();

        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/bodies", "/api/bodies/{id}", "/api/organizations", "/api/organizations/{id}" })
            Assert.True(paths.TryGetProperty(path, out _), path);
    }

    [Fact]
    public void Freed_native_memory_can_be_handed_back_on_linux()
    {
        Assert.Equal(OperatingSystem.IsLinux(), Vorlagen.Api.Infrastructure.NativeMemoryTrimmer.TrimNow());
    }

    [Fact]
    public void Start_up_migrated_every_script_and_recorded_its_checksum()
    {
        var scripts = Directory.GetFiles(RepositoryPaths.Combine("db", "sqlite"), "*.sql").Length;
        Assert.Equal(scripts, app.Scalar<int>("SELECT COUNT(*) FROM schema_version"));
        Assert.Equal(0, app.Scalar<int>("SELECT COUNT(*) FROM schema_version WHERE length(checksum) <> 64"));
        Assert.Equal("wal", app.Scalar<string>("PRAGMA journal_mode"));
    }
}

/// <summary>A database that cannot be opened: health must say so with 503, not crash.</summary>
public sealed class UnhealthyDatabaseTests
{
    [Fact]
    public async Task Health_is_503_unhealthy_when_the_database_is_gone()
    {
        using var app = new VorlagenApp();
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(app.DatabaseFile);
        Directory.CreateDirectory(app.DatabaseFile); // a folder where the file was: SQLite cannot open it

        var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", (await response.ReadJson()).GetProperty("status").GetString());
    }
}

/// <summary>A load balancer's health probes must not be throttled with the rest of the traffic from its address.</summary>
public sealed class HealthRateLimitTests
{
    private sealed class StrictApp : VorlagenApp
    {
        protected override void Configure(IWebHostBuilder builder) => builder.UseSetting("Vorlagen:Auth:RequestsPerMinute", "5");
    }

    [Fact]
    public async Task Health_is_not_counted_by_the_per_address_limit_that_still_throttles_everything_else()
    {
        using var app = new StrictApp();
        var client = app.CreateClient();

        for (var i = 0; i < 20; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/bodies")).StatusCode);

        await (await client.GetAsync("/api/bodies")).AssertProblem(429, "too_many_requests");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }
}

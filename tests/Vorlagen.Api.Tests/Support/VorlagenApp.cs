using System.Data.Common;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Vorlagen.Api.Data;

namespace Vorlagen.Api.Tests.Support;

/// <summary>
/// The real application over HTTP on a fresh database (one per test class, via IClassFixture), migrated
/// by our scripts and loaded with the demo bodies: a SQLite file, or with <see cref="Provider"/>
/// <c>postgresql</c> a fresh database on the <see cref="TestPostgres"/> server.
/// </summary>
public class VorlagenApp : WebApplicationFactory<Program>
{
    private readonly TempFolder _folder = new();
    private readonly Lazy<PostgresTestDatabase> _postgres = new(PostgresTestDatabase.Create);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public TestClock Clock { get; } = new();
    public virtual string Provider => Environment.GetEnvironmentVariable("VORLAGEN_TEST_PROVIDER") ?? DatabaseOptions.Sqlite;
    public virtual string DatabaseFile => _folder.File("vorlagen.db");
    public string ConnectionString => Provider == DatabaseOptions.PostgreSql ? _postgres.Value.ConnectionString : $"Data Source={DatabaseFile}";

    /// <summary>Outside the database file, like in production; an attacker with database access has neither this file nor the key.</summary>
    public virtual string CheckpointFile => _folder.File(Path.Combine("journal", "checkpoints.jsonl"));
    public string JournalKey { get; } = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Vorlagen", ConnectionString);
        builder.UseSetting("Vorlagen:Database:Provider", Provider);
        builder.UseSetting("Vorlagen:DemoData", "true");
        builder.UseSetting("Vorlagen:Auth:LoginRequestsPerMinute", "1000");
        builder.UseSetting("Vorlagen:Journal:MacKey", JournalKey);
        builder.UseSetting("Vorlagen:Journal:CheckpointFile", CheckpointFile);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        Configure(builder);
    }

    /// <summary>Extra settings for a test class's own subclass.</summary>
    protected virtual void Configure(IWebHostBuilder builder) { }

    /// <summary>A client signed in as a demo user (password "demo") with a bearer token.</summary>
    public async Task<HttpClient> ClientFor(string username)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { username, password = "demo" });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A direct connection to the same database, to assert what was (not) written.</summary>
    public DbConnection OpenDatabase()
    {
        DbConnection connection = Provider == DatabaseOptions.PostgreSql ? new NpgsqlConnection(ConnectionString) : new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public T Scalar<T>(string sql, object? args = null)
    {
        using var connection = OpenDatabase();
        return connection.ExecuteScalar<T>(sql, args)!;
    }

    public long OrganizationId(string bodyKey, string name) => Scalar<long>(
        "SELECT o.id FROM organizations o JOIN bodies b ON b.id = o.body_id WHERE b.body_key = @bodyKey AND o.name = @name",
        new { bodyKey, name });

    public long BodyId(string bodyKey) => Scalar<long>("SELECT id FROM bodies WHERE body_key = @bodyKey", new { bodyKey });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        _folder.Dispose();
        if (_postgres.IsValueCreated) _postgres.Value.Dispose();
    }
}

public static class HttpAssertions
{
    public static async Task<JsonElement> ReadJson(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(VorlagenApp.Json);

    /// <summary>Asserts an RFC 9457 problem with the given status and stable code; returns the body.</summary>
    public static async Task<JsonElement> AssertProblem(this HttpResponseMessage response, int status, string code)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.ReadJson();
        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.Equal(status, body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("detail").GetString()));
        return body;
    }
}

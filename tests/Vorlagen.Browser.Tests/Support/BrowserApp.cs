using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Vorlagen.Browser.Tests.Support;

/// <summary>
/// The real app on Kestrel at a free loopback port with a fresh SQLite file, and one headless
/// Debian Chromium, shared by the tests of one class. Signed-in browser state is cached per user.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "vorlagen-browser-" + Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string> _signedIn = [];
    private KestrelApp? _app;
    private IPlaywright? _playwright;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = default!;
    public string DatabaseFile => Path.Combine(_folder, "vorlagen.db");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException(
                $"Die Browser-Tests brauchen Debians Chromium unter {ChromiumPath}. Installieren Sie es mit: apt-get install chromium " +
                "(.ci/run tut das in der CI). Es wird nie ein Browser heruntergeladen.");
        Directory.CreateDirectory(_folder);
        _app = new KestrelApp($"Data Source={DatabaseFile}", _folder);
        _app.UseKestrel();
        _app.StartServer();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath, Headless = true, Args = ChromiumArgs,
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    /// <summary>A new browser context (its own cookies), signed in as <paramref name="username"/> unless null.</summary>
    public async Task<IBrowserContext> ContextAsync(string? username, bool javaScript = true)
    {
        var options = new BrowserNewContextOptions
        {
            BaseURL = BaseUrl, Locale = "de-DE", TimezoneId = "Europe/Berlin", JavaScriptEnabled = javaScript,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        };
        if (username is not null) options.StorageState = await SignedInStateAsync(username);
        return await Browser.NewContextAsync(options);
    }

    private async Task<string> SignedInStateAsync(string username)
    {
        if (_signedIn.TryGetValue(username, out var state)) return state;
        await using var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        try
        {
            await Ui.SignInAsync(page, username);
        }
        catch
        {
            Directory.CreateDirectory(BrowserTest.ScreenshotFolder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserTest.ScreenshotFolder, $"anmeldung-{username}.png") });
            throw;
        }
        return _signedIn[username] = await context.StorageStateAsync();
    }

    /// <summary>An API client with a bearer token, for preparing data quickly.</summary>
    public async Task<HttpClient> ApiAs(string? username)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        if (username is null) return client;
        var response = await client.PostAsJsonAsync("/api/auth/token", new { username, password = "demo" });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public T Scalar<T>(string sql, object? args = null)
    {
        using var connection = new SqliteConnection($"Data Source={DatabaseFile}");
        return connection.ExecuteScalar<T>(sql, args)!;
    }

    private sealed class KestrelApp(string connectionString, string folder) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0"); // a free loopback port
            builder.UseSetting("ConnectionStrings:Vorlagen", connectionString);
            builder.UseSetting("Vorlagen:Database:Provider", "sqlite");
            builder.UseSetting("Vorlagen:DemoData", "true");
            builder.UseSetting("Vorlagen:Auth:LoginRequestsPerMinute", "100000");
            builder.UseSetting("Vorlagen:Auth:RequestsPerMinute", "100000");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            // No journal key: the demo start generates one; key and checkpoints stay in this test's folder.
            builder.UseSetting("Vorlagen:Journal:KeyFile", Path.Combine(folder, "journal", "demo-mac.key"));
            builder.UseSetting("Vorlagen:Journal:CheckpointFile", Path.Combine(folder, "journal", "checkpoints.jsonl"));
        }
    }
}

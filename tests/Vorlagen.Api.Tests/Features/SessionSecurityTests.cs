using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vorlagen.Api.Features.Auth;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Features;

/// <summary>Server-side cookie sessions, token revocation, non-enumerable sign-in and caller-dependent caching.</summary>
public sealed partial class SessionSecurityTests(VorlagenApp app) : IClassFixture<VorlagenApp>
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    internal static partial Regex AntiforgeryToken();

    private HttpClient Browser() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through the form; returns the auth cookie as a <c>Cookie</c> header value, to replay it elsewhere.</summary>
    private static async Task<string> SignInAsync(HttpClient browser, string username)
    {
        var response = await PostFormAsync(browser, "/anmelden", new() { ["Username"] = username, ["Password"] = "demo" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("vorlagen.auth=", StringComparison.Ordinal)).Split(';')[0];
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string url, Dictionary<string, string> fields)
    {
        var form = await (await browser.GetAsync(url)).Content.ReadAsStringAsync();
        fields["__RequestVerificationToken"] = AntiforgeryToken().Match(form).Groups[1].Value;
        return await browser.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    /// <summary>/abmelden needs a sign-in: 200 with a live session, a redirect to /anmelden without.</summary>
    private async Task<bool> SignedInAsync(string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/abmelden");
        request.Headers.Add("Cookie", cookie);
        var response = await app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }).SendAsync(request);
        if (response.StatusCode == HttpStatusCode.OK) return true;
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/anmelden", response.Headers.Location?.ToString());
        return false;
    }

    private long UserId(string username) => app.Scalar<long>("SELECT id FROM users WHERE username = @username", new { username });

    private async Task<string> TokenAsync(string username)
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/auth/token", new { username, password = "demo" });
        return (await response.ReadJson()).GetProperty("accessToken").GetString()!;
    }

    private async Task<HttpStatusCode> MeAsync(string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await app.CreateClient().SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task Sign_out_revokes_the_session_so_a_copy_of_the_cookie_stops_working()
    {
        var browser = Browser();
        var copy = await SignInAsync(browser, "kyf.member");
        var userId = UserId("kyf.member");
        Assert.True(await SignedInAsync(copy));

        var signOut = await PostFormAsync(browser, "/abmelden", []);

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.False(await SignedInAsync(copy));
        Assert.Equal(0, app.Scalar<int>("SELECT COUNT(*) FROM access_tokens WHERE user_id = @userId AND revoked_at IS NULL", new { userId }));
    }

    [Fact]
    public async Task A_session_ends_twelve_hours_after_sign_in_however_active_it_is()
    {
        var browser = Browser();
        await SignInAsync(browser, "erz.clerk");

        // Each request after half the 8-hour idle time renews the cookie, so only the server-side limit ends it.
        app.Clock.Advance(TimeSpan.FromHours(5));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/abmelden")).StatusCode);
        app.Clock.Advance(TimeSpan.FromHours(5));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/abmelden")).StatusCode);
        app.Clock.Advance(TimeSpan.FromHours(2.5));

        var after = await browser.GetAsync("/abmelden");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/anmelden", after.Headers.Location?.ToString());
    }

    [Fact]
    public async Task A_session_id_is_no_bearer_token()
    {
        var userId = UserId("erz.member");
        await SignInAsync(Browser(), "erz.member");
        var sessions = app.Scalar<int>("SELECT COUNT(*) FROM access_tokens WHERE user_id = @userId", new { userId });
        var session = app.Scalar<string>("SELECT token_hash FROM access_tokens WHERE user_id = @userId ORDER BY created_at DESC LIMIT 1", new { userId });

        Assert.Equal(1, sessions);
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(session));
    }

    [Fact]
    public async Task Deactivation_revokes_tokens_and_sessions_and_reactivation_does_not_bring_them_back()
    {
        var admin = await app.ClientFor("admin");
        var userId = UserId("kyf.chair.soziales");
        var token = await TokenAsync("kyf.chair.soziales");
        var cookie = await SignInAsync(Browser(), "kyf.chair.soziales");
        var user = await (await admin.GetAsync($"/api/users/{userId}")).ReadJson();
        var roles = user.GetProperty("roles").EnumerateArray()
            .Select(r => new { role = r.GetProperty("role").GetString(), organizationId = r.GetProperty("organizationId").GetInt64() }).ToArray();

        foreach (var active in new[] { false, true })
        {
            var update = await admin.PutAsJsonAsync($"/api/users/{userId}", new { displayName = "Vorsitz Soziales", active, roles });
            Assert.True(update.IsSuccessStatusCode, await update.Content.ReadAsStringAsync());
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(token));
        Assert.False(await SignedInAsync(cookie));
        Assert.Equal(HttpStatusCode.OK, await MeAsync(await TokenAsync("kyf.chair.soziales")));
    }

    [Fact]
    public async Task A_role_change_revokes_tokens_but_a_new_name_does_not()
    {
        var admin = await app.ClientFor("admin");
        var userId = UserId("erz.landrat");
        var token = await TokenAsync("erz.landrat");

        var renamed = await admin.PutAsJsonAsync($"/api/users/{userId}", new { displayName = "Landrat (neu)", active = true, roles = new[] { new { role = "landrat" } } });
        Assert.True(renamed.IsSuccessStatusCode, await renamed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, await MeAsync(token));

        var regranted = await admin.PutAsJsonAsync($"/api/users/{userId}", new
        {
            displayName = "Landrat (neu)", active = true, roles = new[] { new { role = "landrat" }, new { role = "clerk" } },
        });
        Assert.True(regranted.IsSuccessStatusCode, await regranted.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(token));
    }

    [Fact]
    public async Task A_locked_account_answers_a_wrong_password_like_an_unknown_name_and_only_the_right_one_learns_of_the_lock()
    {
        var client = app.CreateClient();
        Task<HttpResponseMessage> Token(string username, string password) => client.PostAsJsonAsync("/api/auth/token", new { username, password });
        for (var i = 0; i < 5; i++) await (await Token("erz.chair.soziales", "raten" + i)).AssertProblem(401, "invalid_credentials");

        var wrong = await (await Token("erz.chair.soziales", "falsch")).AssertProblem(401, "invalid_credentials");
        var unknown = await (await Token("niemand.hier", "falsch")).AssertProblem(401, "invalid_credentials");
        var right = await (await Token("erz.chair.soziales", "demo")).AssertProblem(401, "account_locked");

        static string WithoutTrace(System.Text.Json.JsonElement problem) =>
            string.Join("|", problem.EnumerateObject().Where(p => p.Name != "traceId").Select(p => p.ToString()));
        Assert.Equal(WithoutTrace(unknown), WithoutTrace(wrong));
        Assert.False(wrong.TryGetProperty("lockedUntil", out _));
        Assert.True(right.TryGetProperty("lockedUntil", out _));

        // The sign-in form tells the same story.
        async Task<string> Form(string username, string password) =>
            await (await PostFormAsync(Browser(), "/anmelden", new() { ["Username"] = username, ["Password"] = password })).Content.ReadAsStringAsync();
        foreach (var answer in new[] { await Form("erz.chair.soziales", "falsch"), await Form("niemand.hier", "falsch") })
        {
            Assert.Contains("Benutzername oder Passwort ist falsch.", answer);
            Assert.DoesNotContain("gesperrt", answer);
        }
        Assert.Contains("Konto ist nach mehreren Fehlversuchen", await Form("erz.chair.soziales", "demo"));
    }

    [Fact]
    public async Task Caller_dependent_responses_and_the_print_view_are_not_stored()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var paper = PaperApi.Id(await new PaperApi(app).CreateAsync(clerk, PaperApi.KyffhaeuserPaper(app.BodyId("kyffhaeuserkreis"), "2021/9/901")));
        var browser = Browser();
        await SignInAsync(browser, "kyf.clerk");
        var (released, _) = await new PaperApi(app).InDeliberationAsync("2021/9/902");
        var anonymous = app.CreateClient();

        foreach (var response in new[]
                 {
                     await clerk.GetAsync($"/api/papers/{paper}"), await clerk.GetAsync("/api/bodies"), await clerk.GetAsync("/vorlagen"),
                     await anonymous.GetAsync("/api/bodies"), await browser.GetAsync($"/vorlagen/{paper}/druck"), await browser.GetAsync("/"),
                     await anonymous.GetAsync($"/vorlagen/{released}/druck"),
                 })
        {
            Assert.True(response.IsSuccessStatusCode, response.RequestMessage!.RequestUri!.ToString());
            Assert.True(response.Headers.CacheControl?.NoStore, response.RequestMessage!.RequestUri!.ToString());
        }
    }
}

/// <summary>An invalid bearer token on a page: a German 401 page with the security headers, no exception in the log.</summary>
public sealed class InvalidTokenOnPagesTests
{
    private sealed class CapturingApp : VorlagenApp
    {
        public ConcurrentQueue<(LogLevel Level, Exception? Exception)> Entries { get; } = new();

        protected override void Configure(IWebHostBuilder builder) =>
            builder.ConfigureTestServices(s => s.AddSingleton<ILoggerProvider>(new Capture(Entries)));
    }

    private sealed class Capture(ConcurrentQueue<(LogLevel, Exception?)> entries) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue((logLevel, exception));
        public void Dispose() { }
    }

    [Theory]
    [InlineData("/vorlagen")]
    [InlineData("/vorlagen/neu")]
    [InlineData("/")]
    public async Task Is_a_German_401_page_and_logs_no_exception(string path)
    {
        using var app = new CapturingApp();
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "x");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Anmeldung erforderlich", await response.Content.ReadAsStringAsync());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.DoesNotContain(app.Entries, e => e.Exception is not null || e.Level >= LogLevel.Error);
    }
}

/// <summary>An unknown name costs one hash verification (against a dummy hash), as a wrong password does.</summary>
public sealed class DummyHashTests
{
    private sealed class Recording : IPasswordHasher<PasswordCheck.LoginRow>
    {
        private readonly PasswordHasher<PasswordCheck.LoginRow> _inner = new();
        public ConcurrentQueue<string> Verified { get; } = new();
        public string HashPassword(PasswordCheck.LoginRow user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(PasswordCheck.LoginRow user, string hashedPassword, string providedPassword)
        {
            Verified.Enqueue(hashedPassword);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    private sealed class RecordingApp(Recording hasher) : VorlagenApp
    {
        protected override void Configure(IWebHostBuilder builder) =>
            builder.ConfigureTestServices(s => s.AddSingleton<IPasswordHasher<PasswordCheck.LoginRow>>(hasher));
    }

    [Fact]
    public async Task Unknown_names_and_locked_accounts_verify_a_hash_like_everyone_else()
    {
        var hasher = new Recording();
        using var app = new RecordingApp(hasher);
        var client = app.CreateClient();
        var storedHash = app.Scalar<string>("SELECT password_hash FROM users WHERE username = 'erz.clerk'");

        await (await client.PostAsJsonAsync("/api/auth/token", new { username = "niemand", password = "falsch" })).AssertProblem(401, "invalid_credentials");
        Assert.Equal([PasswordCheck.DummyHash], hasher.Verified);

        using (var db = app.OpenDatabase())
            Dapper.SqlMapper.Execute(db, "UPDATE users SET locked_until = '2999-01-01T00:00:00.0000000Z' WHERE username = 'erz.clerk'");
        await (await client.PostAsJsonAsync("/api/auth/token", new { username = "erz.clerk", password = "falsch" })).AssertProblem(401, "invalid_credentials");
        Assert.Equal([PasswordCheck.DummyHash, storedHash], hasher.Verified);
    }
}

/// <summary>Behind a configured reverse proxy: the forwarded scheme and client address count, from that proxy only.</summary>
public sealed class ReverseProxyTests
{
    private const string Proxy = "10.0.0.5";

    /// <summary>Production (for HSTS), one known proxy; the test names the TCP peer with X-Test-Peer, as Kestrel would know it.</summary>
    private sealed class ProxiedApp(int loginsPerMinute = 1000) : VorlagenApp
    {
        protected override void Configure(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Vorlagen:ReverseProxy:KnownProxies:0", Proxy);
            builder.UseSetting("Vorlagen:Auth:LoginRequestsPerMinute", loginsPerMinute.ToString());
            builder.ConfigureTestServices(s => s.AddSingleton<IStartupFilter>(new PeerFilter()));
        }
    }

    private sealed class PeerFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue("X-Test-Peer", out var peer)) context.Connection.RemoteIpAddress = IPAddress.Parse(peer!);
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    private static HttpClient Client(VorlagenApp app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private static HttpRequestMessage Via(HttpMethod method, string url, string peer, string? forwardedFor = "203.0.113.7")
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Add("X-Test-Peer", peer);
        request.Headers.Add("X-Forwarded-Proto", "https");
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        return request;
    }

    /// <summary>The form sign-in with cookies by hand (a Secure cookie would not be sent back over the test's http).</summary>
    private static async Task<(HttpResponseMessage Form, HttpResponseMessage SignIn)> SignInAsync(HttpClient client, string peer)
    {
        var form = await client.SendAsync(Via(HttpMethod.Get, "/anmelden", peer));
        var antiforgery = form.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        var post = Via(HttpMethod.Post, "/anmelden", peer);
        post.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        post.Content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Username"] = "kyf.clerk", ["Password"] = "demo",
            ["__RequestVerificationToken"] = SessionSecurityTests.AntiforgeryToken().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value,
        });
        return (form, await client.SendAsync(post));
    }

    private static string Cookie(HttpResponseMessage response, string prefix) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(prefix, StringComparison.Ordinal)).ToLowerInvariant();

    [Fact]
    public async Task Https_at_the_known_proxy_gives_secure_cookies_and_hsts()
    {
        using var app = new ProxiedApp();
        var (form, signIn) = await SignInAsync(Client(app), Proxy);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("; secure", Cookie(form, ".AspNetCore.Antiforgery"));
        Assert.Contains("; secure", Cookie(signIn, "vorlagen.auth="));
        Assert.StartsWith("max-age=", form.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task Forwarded_headers_from_anyone_else_are_ignored()
    {
        using var app = new ProxiedApp();
        var (form, signIn) = await SignInAsync(Client(app), "192.0.2.9");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.DoesNotContain("secure", Cookie(signIn, "vorlagen.auth="));
        Assert.DoesNotContain("secure", Cookie(form, ".AspNetCore.Antiforgery"));
        Assert.False(form.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Without_configured_proxies_forwarded_headers_are_ignored()
    {
        using var app = new VorlagenApp();
        var form = await Client(app).SendAsync(Via(HttpMethod.Get, "/anmelden", Proxy));
        Assert.DoesNotContain("secure", Cookie(form, ".AspNetCore.Antiforgery"));
    }

    [Fact]
    public async Task The_login_limit_counts_per_forwarded_client_and_429_says_when_to_retry()
    {
        using var app = new ProxiedApp(loginsPerMinute: 3);
        var client = Client(app);
        Task<HttpResponseMessage> Login(string forwardedFor)
        {
            var request = Via(HttpMethod.Post, "/api/auth/token", Proxy, forwardedFor);
            request.Content = JsonContent.Create(new { username = "x", password = "x" });
            return client.SendAsync(request);
        }

        // Whatever a client puts in front, the proxy appends the address it saw; that one counts.
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.Unauthorized, (await Login($"198.51.100.{i}, 203.0.113.7")).StatusCode);
        var limited = await Login("198.51.100.99, 203.0.113.7");
        await limited.AssertProblem(429, "too_many_requests");
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single()) > 0);

        var page = await client.SendAsync(Via(HttpMethod.Get, "/anmelden", Proxy, "203.0.113.7"));
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.True(page.Headers.Contains("Retry-After"));

        Assert.Equal(HttpStatusCode.Unauthorized, (await Login("203.0.113.8")).StatusCode);
    }
}

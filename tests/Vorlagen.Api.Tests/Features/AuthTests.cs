using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Features;

public sealed class AuthTests(VorlagenApp app) : IClassFixture<VorlagenApp>
{
    private readonly HttpClient _anonymous = app.CreateClient();

    [Fact]
    public async Task A_demo_user_gets_a_token_that_identifies_them()
    {
        var response = await _anonymous.PostAsJsonAsync("/api/auth/token", new { username = "kyf.chair.soziales", password = "demo" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJson();
        var token = body.GetProperty("accessToken").GetString()!;
        Assert.True(body.GetProperty("expiresAt").GetDateTimeOffset() > app.Clock.GetUtcNow());
        Assert.Equal(0, app.Scalar<int>("SELECT COUNT(*) FROM access_tokens WHERE token_hash = @token", new { token }));

        var me = await (await Send(HttpMethod.Get, "/api/auth/me", token)).ReadJson();

        Assert.Equal("kyf.chair.soziales", me.GetProperty("username").GetString());
        Assert.Equal(app.BodyId("kyffhaeuserkreis"), me.GetProperty("bodyId").GetInt64());
        var sozialausschuss = app.OrganizationId("kyffhaeuserkreis", "Ausschuss für Soziales, Familie, Gesundheit, Gleichstellung und Ausländerfragen");
        Assert.Equal([sozialausschuss], me.GetProperty("chairOf").EnumerateArray().Select(e => e.GetInt64()));
    }

    [Fact]
    public async Task Passwords_are_stored_hashed_never_plain()
    {
        var hash = app.Scalar<string>("SELECT password_hash FROM users WHERE username = 'erz.clerk'");
        Assert.NotEqual("demo", hash);
        Assert.True(hash.Length > 40);
    }

    [Fact]
    public async Task A_wrong_password_is_401_without_saying_which_part_was_wrong()
    {
        var response = await _anonymous.PostAsJsonAsync("/api/auth/token", new { username = "erz.landrat", password = "falsch" });
        var problem = await response.AssertProblem(401, "invalid_credentials");
        var unknownUser = await (await _anonymous.PostAsJsonAsync("/api/auth/token", new { username = "niemand", password = "falsch" }))
            .AssertProblem(401, "invalid_credentials");
        Assert.Equal(problem.GetProperty("detail").GetString(), unknownUser.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Missing_fields_are_400()
    {
        var problem = await (await _anonymous.PostAsJsonAsync("/api/auth/token", new { username = "" })).AssertProblem(400, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("password", out _));
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_for_the_right_password_until_the_lock_expires()
    {
        for (var i = 0; i < 5; i++)
            await (await _anonymous.PostAsJsonAsync("/api/auth/token", new { username = "erz.member", password = "raten" + i }))
                .AssertProblem(401, "invalid_credentials");

        var locked = await (await _anonymous.PostAsJsonAsync("/api/auth/token", new { username = "erz.member", password = "demo" }))
            .AssertProblem(401, "account_locked");
        Assert.True(locked.TryGetProperty("lockedUntil", out _));

        app.Clock.Advance(TimeSpan.FromMinutes(16));
        var again = await _anonymous.PostAsJsonAsync("/api/auth/token", new { username = "erz.member", password = "demo" });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(0, app.Scalar<int>("SELECT failed_logins FROM users WHERE username = 'erz.member'"));
    }

    [Fact]
    public async Task A_token_expires()
    {
        var token = await TokenFor("kyf.member");
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Get, "/api/auth/me", token)).StatusCode);

        app.Clock.Advance(TimeSpan.FromHours(9));

        await (await Send(HttpMethod.Get, "/api/auth/me", token)).AssertProblem(401, "token_invalid");
    }

    [Fact]
    public async Task Logout_revokes_the_token_at_once()
    {
        var token = await TokenFor("kyf.clerk");

        Assert.Equal(HttpStatusCode.NoContent, (await Send(HttpMethod.Post, "/api/auth/logout", token)).StatusCode);

        await (await Send(HttpMethod.Get, "/api/auth/me", token)).AssertProblem(401, "token_invalid");
        Assert.Equal(1, app.Scalar<int>("SELECT COUNT(*) FROM access_tokens WHERE revoked_at IS NOT NULL AND user_id = (SELECT id FROM users WHERE username = 'kyf.clerk')"));
    }

    [Fact]
    public async Task A_made_up_token_is_401_not_anonymous()
    {
        await (await Send(HttpMethod.Get, "/api/bodies", "ausgedacht")).AssertProblem(401, "token_invalid");
    }

    [Fact]
    public async Task Protected_endpoint_without_token_is_401_problem()
    {
        await (await _anonymous.GetAsync("/api/auth/me")).AssertProblem(401, "unauthenticated");
    }

    [Fact]
    public async Task Responses_carry_security_headers_also_on_errors()
    {
        foreach (var response in new[] { await _anonymous.GetAsync("/api/bodies"), await _anonymous.GetAsync("/api/bodies/999") })
        {
            Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }
    }

    private async Task<string> TokenFor(string username)
    {
        var response = await _anonymous.PostAsJsonAsync("/api/auth/token", new { username, password = "demo" });
        return (await response.ReadJson()).GetProperty("accessToken").GetString()!;
    }

    private Task<HttpResponseMessage> Send(HttpMethod method, string url, string token)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return _anonymous.SendAsync(request);
    }
}

/// <summary>Login attempts are throttled per client address.</summary>
public sealed class LoginThrottleTests
{
    private sealed class StrictApp : VorlagenApp
    {
        protected override void Configure(IWebHostBuilder builder) => builder.UseSetting("Vorlagen:Auth:LoginRequestsPerMinute", "3");
    }

    [Fact]
    public async Task The_fourth_login_request_within_a_minute_is_429()
    {
        using var app = new StrictApp();
        var client = app.CreateClient();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/auth/token", new { username = "admin", password = "demo" })).StatusCode);

        await (await client.PostAsJsonAsync("/api/auth/token", new { username = "admin", password = "demo" })).AssertProblem(429, "too_many_requests");
    }
}

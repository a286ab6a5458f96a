using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Features;

/// <summary>How pages and API share one host: error rendering per side, and cookie sessions that follow the stored user.</summary>
public sealed partial class PagesHostingTests(VorlagenApp app) : IClassFixture<VorlagenApp>
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    private HttpClient Browser() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static async Task SignInAsync(HttpClient browser, string username)
    {
        var form = await (await browser.GetAsync("/anmelden")).Content.ReadAsStringAsync();
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token));
        var response = await browser.PostAsync("/anmelden", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Username"] = username, ["Password"] = "demo", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_page_is_a_German_html_page_while_the_api_keeps_problem_details()
    {
        var browser = Browser();

        var page = await browser.GetAsync("/gibt-es-nicht");
        var api = await browser.GetAsync("/api/gibt-es-nicht");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("lang=\"de\"", await page.Content.ReadAsStringAsync());
        await api.AssertProblem(404, "not_found");
    }

    [Fact]
    public async Task A_form_post_without_antiforgery_token_is_rejected_and_signs_nobody_in()
    {
        var browser = Browser();
        var response = await browser.PostAsync("/anmelden", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Username"] = "kyf.clerk", ["Password"] = "demo",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/vorlagen/neu")).StatusCode);
    }

    [Fact]
    public async Task A_deactivated_user_is_signed_out_at_the_next_request()
    {
        var browser = Browser();
        await SignInAsync(browser, "erz.member");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);

        using (var db = app.OpenDatabase())
            Dapper.SqlMapper.Execute(db, "UPDATE users SET active = 0 WHERE username = 'erz.member'");

        var after = await browser.GetAsync("/");
        Assert.DoesNotContain("Kreisrätin Erzgebirgskreis", await after.Content.ReadAsStringAsync());
        var protectedPage = await browser.GetAsync("/vorlagen/neu");
        Assert.Equal(HttpStatusCode.Redirect, protectedPage.StatusCode);
        Assert.Contains("/anmelden", protectedPage.Headers.Location?.ToString());
    }

    [Fact]
    public async Task A_password_reset_ends_the_users_browser_sessions()
    {
        var browser = Browser();
        await SignInAsync(browser, "kyf.member");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
        var userId = app.Scalar<long>("SELECT id FROM users WHERE username = 'kyf.member'");

        var admin = await app.ClientFor("admin");
        var reset = await admin.PostAsJsonAsync($"/api/users/{userId}/password", new { password = "neues-passwort-123" });
        Assert.True(reset.IsSuccessStatusCode, await reset.Content.ReadAsStringAsync());

        var protectedPage = await browser.GetAsync("/vorlagen/neu");
        Assert.Equal(HttpStatusCode.Redirect, protectedPage.StatusCode);
        Assert.Contains("/anmelden", protectedPage.Headers.Location?.ToString());
    }
}

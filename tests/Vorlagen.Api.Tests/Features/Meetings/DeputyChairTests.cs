using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Features.Meetings;

/// <summary>
/// The stellvertretende Vorsitz (issue #12): a member with the chair's rights only while acting for the chair — from opening
/// a session with themselves as chair until its Niederschrift is signed.
/// </summary>
public sealed class DeputyChairTests(VorlagenApp app) : IClassFixture<VorlagenApp>
{
    private readonly HttpClient _admin = app.ClientFor("admin").GetAwaiter().GetResult();
    private readonly HttpClient _clerk = app.ClientFor("kyf.clerk").GetAwaiter().GetResult();
    private long Kyf => app.BodyId("kyffhaeuserkreis");
    private long CurrentTerm => app.Scalar<long>("SELECT id FROM legislative_terms WHERE body_id = @Kyf AND name LIKE '8.%'", new { Kyf });
    private string Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime).ToString("yyyy-MM-dd");

    private void Execute(string sql, object args)
    {
        using var db = app.OpenDatabase();
        Dapper.SqlMapper.Execute(db, sql, args);
    }

    private async Task<long> Id(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.ReadJson()).GetProperty("id").GetInt64();
    }

    private async Task<long> Person(string given, string family, long? userId = null) =>
        await Id(await _admin.PostAsJsonAsync("/api/persons", new { bodyId = Kyf, givenName = given, familyName = family, userId }));

    private async Task Member(long person, long gremium, string role) =>
        await Id(await _admin.PostAsJsonAsync("/api/memberships", new { personId = person, organizationId = gremium, legislativeTermId = CurrentTerm, role, startDate = "2024-07-01" }));

    [Fact]
    public async Task A_deputy_chair_has_chair_rights_only_while_chairing_a_session_until_its_minutes_are_signed()
    {
        var gremium = await Id(await _admin.PostAsJsonAsync("/api/organizations", new { bodyId = Kyf, name = "Vergabeausschuss Test", shortName = "VgA", kind = "beratender_ausschuss", seats = 5, chairVotes = true }));
        var user = await Id(await _admin.PostAsJsonAsync("/api/users", new { bodyId = Kyf, username = "kyf.stellv.vga", displayName = "Stellv. Vorsitz VgA", password = "sehr-geheim-123" }));
        var deputy = await Person("Dana", "Stellvertreterin", user);
        var chair = await Person("Carl", "Vorsitzender");
        var other = await Person("Olga", "Mitglied");
        await Member(chair, gremium, "vorsitz");
        await Member(deputy, gremium, "stellv_vorsitz");
        await Member(other, gremium, "mitglied");

        var client = app.CreateClient();
        var token = (await (await client.PostAsJsonAsync("/api/auth/token", new { username = "kyf.stellv.vga", password = "sehr-geheim-123" })).ReadJson()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        async Task<(long[] Chair, long[] Deputy, long[] Member)> Rights()
        {
            var me = await (await client.GetAsync("/api/auth/me")).ReadJson();
            long[] Of(string name) => [.. me.GetProperty(name).EnumerateArray().Select(e => e.GetInt64())];
            return (Of("chairOf"), Of("deputyChairOf"), Of("memberOf"));
        }
        var rights = await Rights();
        Assert.Empty(rights.Chair);
        Assert.Equal([gremium], rights.Deputy);
        Assert.Contains(gremium, rights.Member);
        Assert.Contains((await (await _admin.GetAsync($"/api/users/{user}")).ReadJson()).GetProperty("derivedRoles").EnumerateArray(),
            g => g.GetProperty("role").GetString() == "deputy_chair" && g.GetProperty("organizationId").GetInt64() == gremium);

        // Two meetings of the Gremium today, published (the invitation path is covered by the meeting tests).
        var first = await Id(await _clerk.PostAsJsonAsync("/api/meetings", new { organizationId = gremium, date = Today, startTime = "09:00", room = "Raum 1" }));
        var second = await Id(await _clerk.PostAsJsonAsync("/api/meetings", new { organizationId = gremium, date = Today, startTime = "14:00", room = "Raum 1" }));
        Execute("UPDATE meetings SET published_at = '2026-01-01T00:00:00Z', status = 'invited' WHERE id IN (@first, @second)", new { first, second });

        // Not acting: the deputy may neither conduct a session nor open one for the chair.
        await (await client.PostAsJsonAsync($"/api/meetings/{first}/session", new { chairPersonId = chair, secretaryName = "Herr Protokoll" }))
            .AssertProblem(403, "forbidden");
        Assert.Equal(0, app.Scalar<int>("SELECT COUNT(*) FROM meeting_sessions WHERE meeting_id = @first", new { first }));

        // The clerk opens the first session with the Vorsitz in the chair: the deputy gains nothing.
        Assert.Equal(HttpStatusCode.OK, (await _clerk.PostAsJsonAsync($"/api/meetings/{first}/session", new { chairPersonId = chair, secretaryName = "Herr Protokoll" })).StatusCode);
        Assert.Empty((await Rights()).Chair);
        var attendance = new { members = new[] { new { personId = deputy, status = "present" } } };
        await (await client.PutAsJsonAsync($"/api/meetings/{first}/attendance", attendance)).AssertProblem(403, "forbidden");

        // The chair is prevented for the second session: the deputy opens it with themselves in the chair and now acts.
        var opened = await client.PostAsJsonAsync($"/api/meetings/{second}/session", new { chairPersonId = deputy, secretaryName = "Herr Protokoll" });
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal(deputy, app.Scalar<long>("SELECT chair_person_id FROM meeting_sessions WHERE meeting_id = @second", new { second }));
        Assert.Contains("Stellv. Vorsitz VgA", app.Scalar<string>("SELECT opened_by FROM meeting_sessions WHERE meeting_id = @second", new { second }));
        Assert.Equal([gremium], (await Rights()).Chair);
        using (var put = new HttpRequestMessage(HttpMethod.Put, $"/api/meetings/{second}/attendance") { Content = JsonContent.Create(attendance) })
        {
            put.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
            var recorded = await client.SendAsync(put);
            Assert.True(recorded.StatusCode == HttpStatusCode.OK, await recorded.Content.ReadAsStringAsync());
        }
        Assert.Equal("present", app.Scalar<string>("SELECT status FROM meeting_attendance WHERE meeting_id = @second AND person_id = @deputy", new { second, deputy }));

        // Once the second session's Niederschrift is signed (the signing itself is covered by the minutes tests), acting ends.
        Execute("UPDATE meeting_sessions SET minutes_state = 'signed' WHERE meeting_id = @second", new { second });
        rights = await Rights();
        Assert.Empty(rights.Chair);
        Assert.Equal([gremium], rights.Deputy);
        await (await client.PutAsJsonAsync($"/api/meetings/{second}/attendance", attendance)).AssertProblem(403, "forbidden");
    }
}

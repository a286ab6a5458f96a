using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Features.Meetings;

/// <summary>
/// A defective invitation is cured for a member who attends and does not object (§ 35 Abs. 1 Satz 2 SächsLKrO, § 35 Abs. 3 ThürKO):
/// the session records the objection or its absence, the attendance and the Niederschrift show whether the defect is cured.
/// </summary>
public sealed class InvitationCureTests(VorlagenApp app) : IClassFixture<VorlagenApp>
{
    private long Ausschuss => app.OrganizationId("kyffhaeuserkreis", PaperApi.KyfAusschuss);
    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime);

    private static async Task<JsonElement> Put(HttpClient client, string url, object body, string ifMatch, int status)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        var response = await client.SendAsync(request);
        Assert.True(status == (int)response.StatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJson();
    }

    [Fact]
    public async Task Attending_without_objection_cures_a_failed_invitation_and_an_objection_does_not()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var date = Today.AddDays(10);
        var created = await clerk.PostAsJsonAsync("/api/meetings", new { organizationId = Ausschuss, date = date.ToString("yyyy-MM-dd"), startTime = "16:00", room = "Raum 112" });
        var id = (await created.ReadJson()).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsJsonAsync($"/api/meetings/{id}/agenda-items", new { templateKey = "eroeffnung" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsJsonAsync($"/api/meetings/{id}/invitations", new { channel = "post" })).StatusCode);
        // Two letters came back undelivered (arranged in the database as the post office would report it).
        List<long> persons;
        using (var connection = app.OpenDatabase())
        {
            persons = [.. connection.Query<long>("SELECT person_id FROM invitations WHERE meeting_id = @id ORDER BY person_id", new { id })];
            connection.Execute("UPDATE invitations SET delivery = 'failed', delivery_error = 'Empfänger unbekannt' WHERE meeting_id = @id AND person_id IN (@a, @b)",
                new { id, a = persons[0], b = persons[1] });
        }
        var (objects, silent, fine, away) = (persons[0], persons[1], persons[2], persons[3]);

        app.Clock.Advance(TimeSpan.FromDays(10));
        try
        {
            clerk = await app.ClientFor("kyf.clerk");
            var opened = await clerk.PostAsJsonAsync($"/api/meetings/{id}/session", new { chairPersonId = fine, secretaryName = "Frau Schriftführerin" });
            Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
            var url = $"/api/meetings/{id}/attendance";

            // An objection by a member invited properly, or by one who is not there, is refused; nothing is written.
            var problem = await Put(clerk, url, new { members = new object[] { new { personId = fine, status = "present", invitationObjection = false } } }, "\"1\"", 422);
            Assert.Equal("no_invitation_defect", problem.GetProperty("code").GetString());
            problem = await Put(clerk, url, new { members = new object[] { new { personId = silent, status = "absent", invitationObjection = false } } }, "\"1\"", 400);
            Assert.Contains("invitationObjection", problem.GetRawText());
            Assert.Equal(0, app.Scalar<int>("SELECT COUNT(*) FROM meeting_attendance WHERE meeting_id = @id", new { id }));

            var attendance = await Put(clerk, url, new
            {
                members = new object[]
                {
                    new { personId = objects, status = "present", invitationObjection = true },
                    new { personId = silent, status = "present", invitationObjection = false },
                    new { personId = fine, status = "present" },
                    new { personId = away, status = "excused", absenceReason = "Urlaub" },
                },
            }, "\"1\"", 200);
            JsonElement Member(long person) => attendance.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("personId").GetInt64() == person);
            Assert.Equal(("not_delivered", true, false), (Member(objects).GetProperty("invitationDefect").GetString(),
                Member(objects).GetProperty("invitationObjection").GetBoolean(), Member(objects).GetProperty("defectCured").GetBoolean()));
            Assert.Equal((false, true), (Member(silent).GetProperty("invitationObjection").GetBoolean(), Member(silent).GetProperty("defectCured").GetBoolean()));
            Assert.False(Member(fine).TryGetProperty("invitationDefect", out _));
            var cure = attendance.GetProperty("invitationCure");
            Assert.Equal(("§ 35 Abs. 3 ThürKO i.V.m. § 112 ThürKO", false), (cure.GetProperty("citation").GetString(), cure.GetProperty("wordingVerified").GetBoolean()));
            Assert.Equal(1, app.Scalar<int>("SELECT invitation_objection FROM meeting_attendance WHERE meeting_id = @id AND person_id = @objects", new { id, objects }));
            Assert.Equal(0, app.Scalar<int>("SELECT invitation_objection FROM meeting_attendance WHERE meeting_id = @id AND person_id = @silent", new { id, silent }));
            Assert.Equal(1, app.Scalar<int>("SELECT COUNT(*) FROM meeting_changes WHERE meeting_id = @id AND summary LIKE '%Ladungsmangel gerügt: 1, nicht gerügt: 1%'", new { id }));

            // The Niederschrift names the members and whether the defect is cured; the public sees none of it.
            var minutes = await (await clerk.GetAsync($"/api/meetings/{id}/minutes")).ReadJson();
            var defects = minutes.GetProperty("invitationDefects").GetProperty("members").EnumerateArray().ToDictionary(m => m.GetProperty("personId").GetInt64());
            Assert.Equal(2, defects.Count);
            Assert.False(defects[objects].GetProperty("cured").GetBoolean());
            Assert.True(defects[silent].GetProperty("cured").GetBoolean());
            var publicResponse = await app.CreateClient().GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, publicResponse.StatusCode);
            var anonymous = await publicResponse.Content.ReadAsStringAsync();
            Assert.Contains($"\"personId\":{silent}", anonymous);
            Assert.DoesNotContain("invitationDefect", anonymous);
            Assert.DoesNotContain("invitationCure", anonymous);
            var page = WebUtility.HtmlDecode(await (await clerk.GetAsync($"/sitzungen/{id}/sitzungsmodus")).Content.ReadAsStringAsync());
            Assert.Contains("Mangel gerügt?", page);
            Assert.Contains("§ 35 Abs. 3 ThürKO", page);
        }
        finally { app.Clock.Advance(TimeSpan.FromDays(-10)); }
    }
}

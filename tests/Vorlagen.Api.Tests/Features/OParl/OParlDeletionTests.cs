using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Features.OParl;

/// <summary>
/// Deletions: what leaves public view is, for a client synchronising with <c>modified_since</c>, a deleted object
/// (<c>deleted: true</c>, <c>modified</c> = that moment) in its list, and its URL answers 410; without
/// <c>modified_since</c> it is simply gone. What was never public leaves no trace. The test clock makes every moment exact.
/// On each provider (the tombstone queries group and nest sub-selects).
/// </summary>
public abstract class OParlDeletionTests<TApp>(TApp app) where TApp : VorlagenApp
{
    private readonly PaperApi _papers = new(app);
    private long Kyf => app.BodyId("kyffhaeuserkreis");
    private long Ausschuss => app.OrganizationId("kyffhaeuserkreis", PaperApi.KyfAusschuss);
    private long CurrentTerm => app.Scalar<long>("SELECT id FROM legislative_terms WHERE body_id = @Kyf AND name LIKE '8.%'", new { Kyf });

    [ProviderFact]
    public async Task A_membership_made_non_public_is_deleted_and_so_is_its_person_with_nothing_public_left()
    {
        var admin = await app.ClientFor("admin");
        var oparl = app.CreateClient();
        var person = (await Post(admin, "/api/persons", new { bodyId = Kyf, givenName = "Lena", familyName = "Löschtest" }, 201)).GetProperty("id").GetInt64();
        var membership = (await Post(admin, "/api/memberships", new { personId = person, organizationId = Ausschuss, legislativeTermId = CurrentTerm,
            role = "beratend", startDate = "2024-07-01" }, 201)).GetProperty("id").GetInt64();
        var membershipUrl = $"http://localhost/oparl/v1.1/membership/{membership}";
        var personUrl = $"http://localhost/oparl/v1.1/person/{person}";
        Assert.Equal(HttpStatusCode.OK, (await oparl.GetAsync(membershipUrl)).StatusCode);

        var t1 = Tick();
        await Put(admin, $"/api/memberships/{membership}", new { legislativeTermId = CurrentTerm, role = "beratend", startDate = "2024-07-01", @public = false }, "\"1\"");

        foreach (var (list, url) in new[] { ("membership", membershipUrl), ("person", personUrl) })
        {
            var page = await Page(oparl, list, $"modified_since={Param(t1)}");
            var deleted = page["data"]!.AsArray().Single(o => o!["id"]!.GetValue<string>() == url)!.AsObject();
            Assert.True(deleted["deleted"]!.GetValue<bool>());
            Assert.Equal(Shown(t1), deleted["modified"]!.GetValue<string>());
            Assert.Equal(["created", "deleted", "id", "modified", "type"], deleted.Select(p => p.Key).Order());
            Assert.Empty(OParlRules.CheckPage(page));
            Assert.Equal(page["data"]!.AsArray().Count, page["pagination"]!["totalElements"]!.GetValue<int>());
            // Without modified_since it is simply not there; its URL answers 410 with the deleted object.
            var all = await Page(oparl, list, "limit=1000");
            Assert.DoesNotContain(all["data"]!.AsArray(), o => o!["id"]!.GetValue<string>() == url);
            var gone = await oparl.GetAsync(url);
            Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
            Assert.True(JsonNode.DeepEquals(deleted, JsonNode.Parse(await gone.Content.ReadAsStringAsync())));
        }
        Assert.Contains("#", app.Scalar<string>("SELECT deleted_by FROM oparl_tombstones WHERE object_type = 'membership' AND object_id = @membership", new { membership }));
        // The organization no longer links it and counts as changed then.
        var organization = await (await oparl.GetAsync($"/oparl/v1.1/organization/{Ausschuss}")).ReadJson();
        Assert.DoesNotContain(membershipUrl, organization.GetProperty("membership").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(Shown(t1), organization.GetProperty("modified").GetString());

        // Public again: a live object again, no longer listed as deleted.
        var t2 = Tick();
        await Put(admin, $"/api/memberships/{membership}", new { legislativeTermId = CurrentTerm, role = "beratend", startDate = "2024-07-01", @public = true }, "\"2\"");
        var again = (await Page(oparl, "membership", $"modified_since={Param(t1)}"))["data"]!.AsArray().Single(o => o!["id"]!.GetValue<string>() == membershipUrl)!;
        Assert.Null(again["deleted"]);
        Assert.Equal(Shown(t2), again["modified"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await oparl.GetAsync(personUrl)).StatusCode);
        Assert.DoesNotContain((await Page(oparl, "person", $"modified_since={Param(t1)}"))["data"]!.AsArray(),
            o => o!["id"]!.GetValue<string>() == personUrl && o["deleted"] is not null);
    }

    [ProviderFact]
    public async Task An_item_taken_off_a_published_agenda_is_deleted_one_of_an_unpublished_agenda_leaves_no_trace()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var oparl = app.CreateClient();
        var day = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var (_, paper) = await _papers.InDeliberationAsync("OP-DEL-1");
        var meeting = (await Post(clerk, "/api/meetings", new { organizationId = Ausschuss, date = day, startTime = "17:00" }, 201)).GetProperty("id").GetInt64();
        var agenda = await Post(clerk, $"/api/meetings/{meeting}/agenda-items", new { consultationId = PaperApi.ConsultationId(paper, 1) });
        await Post(clerk, $"/api/meetings/{meeting}/agenda-items", new { templateKey = "eroeffnung" });
        var item = agenda.GetProperty("agendaItems")[0].GetProperty("id").GetInt64();
        await Post(clerk, $"/api/meetings/{meeting}/invitations", new { channel = "post" });
        var itemUrl = $"http://localhost/oparl/v1.1/agendaitem/{item}";
        Assert.Equal(HttpStatusCode.OK, (await oparl.GetAsync(itemUrl)).StatusCode);

        var t1 = Tick();
        Assert.Equal(HttpStatusCode.OK, (await clerk.DeleteAsync($"/api/meetings/{meeting}/agenda-items/{item}")).StatusCode);
        var page = await Page(oparl, "agendaitem", $"modified_since={Param(t1)}");
        var deleted = page["data"]!.AsArray().Single(o => o!["id"]!.GetValue<string>() == itemUrl)!;
        Assert.True(deleted["deleted"]!.GetValue<bool>());
        Assert.Equal(Shown(t1), deleted["modified"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Gone, (await oparl.GetAsync(itemUrl)).StatusCode);
        var shown = await (await oparl.GetAsync($"/oparl/v1.1/meeting/{meeting}")).ReadJson();
        Assert.Equal(Shown(t1), shown.GetProperty("modified").GetString());
        Assert.Equal(["Ö 1"], shown.GetProperty("agendaItem").EnumerateArray().Select(i => i.GetProperty("number").GetString()));
        // The consultation no longer links a meeting.
        var consultation = await (await oparl.GetAsync($"/oparl/v1.1/consultation/{PaperApi.ConsultationId(paper, 1)}")).ReadJson();
        Assert.False(consultation.TryGetProperty("meeting", out _));

        // An unpublished meeting was never public: taking an item off leaves no tombstone, its URL stays a 404.
        var planned = (await Post(clerk, "/api/meetings", new { organizationId = Ausschuss, date = day, startTime = "18:00" }, 201)).GetProperty("id").GetInt64();
        var hidden = (await Post(clerk, $"/api/meetings/{planned}/agenda-items", new { templateKey = "eroeffnung" })).GetProperty("agendaItems")[0].GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await clerk.DeleteAsync($"/api/meetings/{planned}/agenda-items/{hidden}")).StatusCode);
        Assert.Equal(0, app.Scalar<int>("SELECT COUNT(*) FROM oparl_tombstones WHERE object_type = 'agendaitem' AND object_id = @hidden", new { hidden }));
        Assert.Equal(HttpStatusCode.NotFound, (await oparl.GetAsync($"/oparl/v1.1/agendaitem/{hidden}")).StatusCode);
    }

    private DateTimeOffset Tick()
    {
        app.Clock.Advance(TimeSpan.FromHours(1));
        var now = app.Clock.GetUtcNow();
        return new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
    }

    private static string Param(DateTimeOffset t) => Uri.EscapeDataString(t.ToOffset(TimeSpan.FromHours(1)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));

    private static string Shown(DateTimeOffset t) =>
        Vorlagen.Api.Infrastructure.BerlinTime.ToBerlin(t).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private async Task<JsonObject> Page(HttpClient client, string list, string query)
    {
        var response = await client.GetAsync($"/oparl/v1.1/body/{Kyf}/{list}?{query}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonNode.Parse(text)!.AsObject();
    }

    private static async Task<JsonElement> Post(HttpClient client, string url, object body, int status = 200)
    {
        var response = await client.PostAsJsonAsync(url, body);
        Assert.True(status == (int)response.StatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJson();
    }

    private static async Task Put(HttpClient client, string url, object body, string ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}

public sealed class SqliteOParlDeletionTests(VorlagenApp app) : OParlDeletionTests<VorlagenApp>(app), IClassFixture<VorlagenApp>;

public sealed class PostgreSqlOParlDeletionTests(PostgreSqlApp app) : OParlDeletionTests<PostgreSqlApp>(app), IClassFixture<PostgreSqlApp>, IPostgresTests;

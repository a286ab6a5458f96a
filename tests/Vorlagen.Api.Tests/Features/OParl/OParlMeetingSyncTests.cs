using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Features.OParl;

/// <summary>
/// <c>modified_since</c> over meetings: publishing a session and recording a result change exactly the objects that show
/// them (meeting, agenda item, consultation, paper), at the clock's moments. A database of its own, so no other paper interferes.
/// </summary>
public sealed class OParlMeetingSyncTests(VorlagenApp app) : IClassFixture<VorlagenApp>
{
    private readonly PaperApi _api = new(app);

    [Fact]
    public async Task A_published_session_and_a_recorded_result_change_exactly_their_meeting_items_consultation_and_paper()
    {
        var clerk = await app.ClientFor("kyf.clerk"); // starts the app
        var oparl = app.CreateClient();
        var kyf = app.BodyId("kyffhaeuserkreis");
        var ausschuss = app.OrganizationId("kyffhaeuserkreis", PaperApi.KyfAusschuss);
        var (paperId, paper) = await ReleasedAsync(clerk, await app.ClientFor("kyf.landraetin"), PaperApi.KyffhaeuserPaper(kyf, "MS-S"));
        var consultation = PaperApi.ConsultationId(paper, 1);
        var day = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(20);
        var meeting = (await (await clerk.PostAsJsonAsync("/api/meetings", new { organizationId = ausschuss, date = day.ToString("yyyy-MM-dd"), startTime = "17:00" }))
            .ReadJson()).GetProperty("id").GetInt64();
        var item = (await (await clerk.PostAsJsonAsync($"/api/meetings/{meeting}/agenda-items", new { consultationId = consultation })).ReadJson())
            .GetProperty("agendaItems")[0].GetProperty("id").GetInt64();
        Assert.Empty(await IdsAsync(oparl, "meeting", $"modified_since={Param(app.Clock.GetUtcNow().AddHours(-1))}")); // planned: not public yet

        var t1 = Tick();
        Assert.True((await clerk.PostAsJsonAsync($"/api/meetings/{meeting}/invitations", new { channel = "post" })).IsSuccessStatusCode);
        Assert.Equal([meeting], await IdsAsync(oparl, "meeting", $"modified_since={Param(t1)}"));
        Assert.Equal([item], await IdsAsync(oparl, "agendaitem", $"modified_since={Param(t1)}"));
        Assert.Equal([consultation], await IdsAsync(oparl, "consultation", $"modified_since={Param(t1)}")); // it links the meeting now
        Assert.Empty(await IdsAsync(oparl, "paper", $"modified_since={Param(t1)}"));

        app.Clock.Advance(TimeSpan.FromDays(21)); // after the session (sign in again: tokens expired)
        var t2 = Tick();
        await _api.RecordAsync(await app.ClientFor("kyf.chair.soziales"), paperId, consultation,
            new { date = day.ToString("yyyy-MM-dd"), outcome = "recommended", votes = new { entitled = 9, yes = 9, no = 0 } });
        Assert.Equal([meeting], await IdsAsync(oparl, "meeting", $"modified_since={Param(t2)}"));
        Assert.Equal([item], await IdsAsync(oparl, "agendaitem", $"modified_since={Param(t2)}"));
        Assert.Equal([consultation], await IdsAsync(oparl, "consultation", $"modified_since={Param(t2)}"));
        Assert.Equal([paperId], await IdsAsync(oparl, "paper", $"modified_since={Param(t2)}"));
        Assert.Equal(Shown(t2), await ModifiedAsync(oparl, $"agendaitem/{item}"));
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

    private async Task<long[]> IdsAsync(HttpClient client, string list, string query)
    {
        var response = await client.GetAsync($"/oparl/v1.1/body/{app.BodyId("kyffhaeuserkreis")}/{list}?{query}");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var page = await response.ReadJson();
        var ids = page.GetProperty("data").EnumerateArray().Select(o => long.Parse(o.GetProperty("id").GetString()!.Split('/')[^1], CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(ids.Length, page.GetProperty("pagination").GetProperty("totalElements").GetInt32());
        return ids;
    }

    private static async Task<string> ModifiedAsync(HttpClient client, string path) =>
        (await (await client.GetAsync($"/oparl/v1.1/{path}")).ReadJson()).GetProperty("modified").GetString()!;

    private async Task<(long Id, JsonElement Paper)> ReleasedAsync(HttpClient clerk, HttpClient landraetin, object draft)
    {
        var id = PaperApi.Id(await _api.CreateAsync(clerk, draft));
        await _api.ActAsync(clerk, id, "submit");
        return (id, await _api.ActAsync(landraetin, id, "release"));
    }
}

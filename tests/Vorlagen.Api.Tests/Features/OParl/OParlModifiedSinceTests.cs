using System.Globalization;
using System.Text.Json;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Features.OParl;

/// <summary>
/// An OParl client synchronises with <c>modified_since</c>: it must get exactly the objects that changed in public
/// view since then — a paper released later brings its earlier-drafted consultations along, and signing a decision
/// the public may not see changes nothing. The test clock makes every moment exact.
/// </summary>
public sealed class OParlModifiedSinceTests(VorlagenApp app) : IClassFixture<VorlagenApp>
{
    private readonly PaperApi _api = new(app);

    [Fact]
    public async Task Modified_since_returns_exactly_the_objects_changed_since()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var landraetin = await app.ClientFor("kyf.landraetin");
        var chair = await app.ClientFor("kyf.chair.soziales");
        var kyf = app.BodyId("kyffhaeuserkreis");
        var oparl = app.CreateClient();

        var a = await ReleasedAsync(clerk, landraetin, PaperApi.KyffhaeuserPaper(kyf, "MS-A"));
        var c = await ReleasedAsync(clerk, landraetin, PaperApi.KyffhaeuserPaper(kyf, "MS-C"));
        var d = await ReleasedAsync(clerk, landraetin, new
        {
            bodyId = kyf, reference = "MS-D", title = "Öffentliche Vorlage", originator = "Amt", proposal = "Vorschlag", reasoning = "Begründung", @public = true,
            consultations = new object[] { new { organizationId = app.OrganizationId("kyffhaeuserkreis", "Kreistag"), role = "beschliessend", @public = false } },
        });

        var t1 = Tick();
        await _api.RecordAsync(chair, a.Id, PaperApi.ConsultationId(a.Paper, 1),
            new { date = Today(), outcome = "recommended", votes = new { entitled = 9, yes = 9, no = 0 } });
        var b = PaperApi.Id(await _api.CreateAsync(clerk, PaperApi.KyffhaeuserPaper(kyf, "MS-B")));
        await _api.ActAsync(clerk, b, "submit");

        var t2 = Tick();
        var bPaper = await _api.ActAsync(landraetin, b, "release");
        await _api.RecordAsync(landraetin, d.Id, PaperApi.ConsultationId(d.Paper, 1),
            new { date = Today(), outcome = "adopted", votes = new { entitled = 33, yes = 30, no = 3 } });

        var t3 = Tick();
        await _api.ActAsync(landraetin, d.Id, "sign", new { date = Today() });

        Assert.Equal(Sorted(a.Id, b, d.Id), await IdsAsync(oparl, "paper", $"modified_since={Param(t1)}"));
        Assert.Equal(Sorted(b, d.Id), await IdsAsync(oparl, "paper", $"modified_since={Param(t2)}"));
        Assert.Empty(await IdsAsync(oparl, "paper", $"modified_since={Param(t3)}")); // the signing is not public
        Assert.Equal([c.Id], await IdsAsync(oparl, "paper", $"modified_until={Param(t1.AddSeconds(-1))}"));
        Assert.Equal([a.Id], await IdsAsync(oparl, "paper", $"modified_since={Param(t1)}&modified_until={Param(t1)}"));
        Assert.Equal([b], await IdsAsync(oparl, "paper", $"created_since={Param(t1)}"));
        Assert.Equal(Sorted(a.Id, c.Id, d.Id), await IdsAsync(oparl, "paper", $"created_until={Param(t1.AddSeconds(-1))}"));

        // Consultations: A's recorded one; B's public ones, drafted at t1 but public only since the release at t2.
        var aFirst = PaperApi.ConsultationId(a.Paper, 1);
        var bPublic = new[] { PaperApi.ConsultationId(bPaper, 1), PaperApi.ConsultationId(bPaper, 3) };
        long[] changedSinceT1 = [aFirst, .. bPublic];
        Assert.Equal(changedSinceT1, await IdsAsync(oparl, "consultation", $"modified_since={Param(t1)}"));
        Assert.Equal(bPublic, await IdsAsync(oparl, "consultation", $"modified_since={Param(t2)}"));

        // The shown instants are the clock's moments, in Berlin time with offset.
        Assert.Equal(Shown(t1), await ModifiedAsync(oparl, $"paper/{a.Id}"));
        Assert.Equal(Shown(t2), await ModifiedAsync(oparl, $"consultation/{bPublic[0]}"));
        Assert.Equal(Shown(t2), await ModifiedAsync(oparl, $"paper/{d.Id}")); // the decision, not the later signing
        var dObject = await (await oparl.GetAsync($"/oparl/v1.1/paper/{d.Id}")).ReadJson();
        Assert.Equal("decided", dObject.GetProperty("vorlagen:status").GetString());
    }

    /// <summary>Lists are in id order.</summary>
    private static long[] Sorted(params long[] ids) => [.. ids.Order()];

    /// <summary>Moves the clock on by an hour; returns the new moment in whole seconds.</summary>
    private DateTimeOffset Tick()
    {
        app.Clock.Advance(TimeSpan.FromHours(1));
        var now = app.Clock.GetUtcNow();
        return new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
    }

    private string Today() => Vorlagen.Api.Infrastructure.BerlinTime.Today(app.Clock).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Param(DateTimeOffset t) => Uri.EscapeDataString(t.ToOffset(TimeSpan.FromHours(1)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));

    private static string Shown(DateTimeOffset t) =>
        Vorlagen.Api.Infrastructure.BerlinTime.ToBerlin(t).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private async Task<long[]> IdsAsync(HttpClient client, string list, string query)
    {
        var response = await client.GetAsync($"/oparl/v1.1/body/{app.BodyId("kyffhaeuserkreis")}/{list}?{query}");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var page = await response.ReadJson();
        Assert.False(page.GetProperty("links").TryGetProperty("next", out _));
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

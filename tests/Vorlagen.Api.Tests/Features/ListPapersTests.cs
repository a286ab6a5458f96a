using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Features;

/// <summary>Filters, search and paging of the papers list, as the office sees it.</summary>
public sealed class ListPapersTests(VorlagenApp app) : IClassFixture<VorlagenApp>
{
    private readonly PaperApi _api = new(app);

    private async Task<List<string>> ReferencesAsync(HttpClient client, string query)
    {
        var page = await (await client.GetAsync("/api/papers?" + query)).ReadJson();
        return [.. page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("reference").GetString()!)];
    }

    [Fact]
    public async Task Filters_combine_and_search_covers_number_title_and_texts()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var body = app.BodyId("kyffhaeuserkreis");
        await _api.CreateAsync(clerk, PaperApi.KyffhaeuserPaper(body, "2021/7/401"));
        await _api.CreateAsync(clerk, new
        {
            bodyId = body, reference = "2022/7/402", title = "Kreisstraßen 2022", date = "2022-01-10", originator = "Bauamt",
            proposal = "Der Kreistag beschließt das Sanierungsprogramm.", reasoning = "Die Brücke bei Bendeleben ist marode.",
        });

        Assert.Equal(["2022/7/402"], await ReferencesAsync(clerk, "q=Bendeleben"));
        Assert.Equal(["2021/7/401"], await ReferencesAsync(clerk, "q=2021/7/401"));
        // Case is ignored beyond ASCII too: umlauts and ß as typed in capitals.
        Assert.Equal(["2022/7/402"], await ReferencesAsync(clerk, "q=" + Uri.EscapeDataString("KREISSTRAẞEN")));
        Assert.Equal(["2021/7/401"], await ReferencesAsync(clerk, "q=" + Uri.EscapeDataString("KYFFHÄUSERKREIS")));
        Assert.Equal(["2022/7/402"], await ReferencesAsync(clerk, "q=" + Uri.EscapeDataString("brücke")));
        Assert.Equal(["2022/7/402"], await ReferencesAsync(clerk, "year=2022"));
        Assert.Equal(["2022/7/402", "2021/7/401"], await ReferencesAsync(clerk, "paperType=Beschlussvorlage&status=draft"));
        Assert.Empty(await ReferencesAsync(clerk, "paperType=Anfrage"));
        Assert.Empty(await ReferencesAsync(clerk, "q=100%25"));
        Assert.Equal(["2022/7/402"], await ReferencesAsync(clerk, "pageSize=1&page=1"));
        Assert.Equal(["2021/7/401"], await ReferencesAsync(clerk, "pageSize=1&page=2"));
        await (await clerk.GetAsync("/api/papers?status=erledigt")).AssertProblem(400, "validation");
    }
}

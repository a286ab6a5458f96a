using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Providers;

/// <summary>
/// The papers search (<c>q</c>) on each provider: case-insensitive beyond ASCII, what users type is
/// literal text (no LIKE wildcards), and non-public texts stay hidden from anonymous callers.
/// </summary>
public abstract class SearchProviderTests<TApp>(TApp app) where TApp : VorlagenApp
{
    private readonly PaperApi _api = new(app);

    private async Task<List<string>> FindAsync(HttpClient client, string q)
    {
        var page = await (await client.GetAsync($"/api/papers?bodyId={app.BodyId("kyffhaeuserkreis")}&q={Uri.EscapeDataString(q)}")).ReadJson();
        return [.. page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("reference").GetString()!).Order()];
    }

    [ProviderFact]
    public async Task Search_ignores_case_beyond_ascii_and_treats_wildcards_as_text()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var body = app.BodyId("kyffhaeuserkreis");
        await _api.CreateAsync(clerk, new
        {
            bodyId = body, reference = "S-1", title = "Öffentliche Straßenbeleuchtung", date = "2022-01-10", originator = "Bauamt",
            proposal = "Rabatt 100% auf LED_Leuchten.", reasoning = "Die Brücke bei Bendeleben ist dunkel.", @public = true,
        });
        await _api.CreateAsync(clerk, new
        {
            bodyId = body, reference = "S-2", title = "Haushalt 2022", date = "2022-01-11", originator = "Kämmerei",
            proposal = "Der Kreistag beschließt den Haushalt.", reasoning = "Rabatt 1000 auf LEDs.", @public = true,
        });

        Assert.Equal(["S-1"], await FindAsync(clerk, "ÖFFENTLICHE"));
        Assert.Equal(["S-1"], await FindAsync(clerk, "straßenbeleuchtung"));
        Assert.Equal(["S-1"], await FindAsync(clerk, "BRÜCKE"));
        Assert.Equal(["S-1"], await FindAsync(clerk, "100%"));
        Assert.Equal(["S-1"], await FindAsync(clerk, "led_"));
        Assert.Equal(["S-1", "S-2"], await FindAsync(clerk, "rabatt"));
        Assert.Equal(["S-2"], await FindAsync(clerk, "s-2"));
        Assert.Empty(await FindAsync(clerk, "[a-z]"));
    }

    [ProviderFact]
    public async Task Anonymous_search_never_finds_drafts_or_non_public_texts()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        await _api.CreateAsync(clerk, new
        {
            bodyId = app.BodyId("kyffhaeuserkreis"), reference = "S-9", title = "Grundstücksverkauf Geheimsache", date = "2022-02-01",
            originator = "Liegenschaften", proposal = "Verkauf.", reasoning = "Vertraulich.", @public = false,
        });

        Assert.Equal(["S-9"], await FindAsync(clerk, "GEHEIMSACHE"));
        Assert.Empty(await FindAsync(app.CreateClient(), "GEHEIMSACHE"));
    }
}

public sealed class SqliteSearchProviderTests(VorlagenApp app) : SearchProviderTests<VorlagenApp>(app), IClassFixture<VorlagenApp>;

public sealed class PostgreSqlSearchProviderTests(PostgreSqlApp app) : SearchProviderTests<PostgreSqlApp>(app), IClassFixture<PostgreSqlApp>, IPostgresTests;

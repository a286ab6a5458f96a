using System.Net.Http.Json;
using System.Text.Json;

namespace Vorlagen.Api.Tests.Support;

/// <summary>Small steps of the papers API for readable end-to-end tests; each asserts its own status code.</summary>
public sealed class PaperApi(VorlagenApp app)
{
    public const string KyfAusschuss = "Ausschuss für Soziales, Familie, Gesundheit, Gleichstellung und Ausländerfragen";
    public const string ErzAusschuss = "Ausschuss für Familie, Bildung, Gesundheit und Soziales";

    /// <summary>The Kyffhäuserkreis Beschlussvorlage 2021/7/014 (seed 004) as drafted by the clerk, body template as Beratungsfolge.</summary>
    public static object KyffhaeuserPaper(long bodyId, string reference = "2021/7/014") => new
    {
        bodyId, reference, paperType = "Beschlussvorlage", title = "Integrationskonzept Kyffhäuserkreis 2020", date = "2021-02-15",
        originator = "Die Landrätin, Frau Hochwind-Schneider",
        proposal = "Der Kreistag beschließt das „Integrationskonzept Kyffhäuserkreis 2020“.",
        reasoning = "Die Herausforderungen der Grundversorgung geflüchteter Menschen wurden Ende 2015 und im Jahr 2016 erfolgreich bewältigt.",
        financialImpact = new { hasImpact = false, treasuryCoordination = "Abstimmung mit Kreiskämmerei nicht erforderlich" },
        @public = true,
    };

    /// <summary>
    /// The same paper as a full PUT body: a PUT replaces the whole draft, so it names the Beratungsfolge
    /// (here the Kyffhäuserkreis template: Ausschuss, Kreisausschuss vorberatend, Kreistag beschließend).
    /// </summary>
    public object KyffhaeuserEdit(long bodyId, string reference) => new
    {
        bodyId, reference, paperType = "Beschlussvorlage", title = "Integrationskonzept Kyffhäuserkreis 2020 (überarbeitet)", date = "2021-02-15",
        originator = "Die Landrätin, Frau Hochwind-Schneider",
        proposal = "Der Kreistag beschließt das „Integrationskonzept Kyffhäuserkreis 2020“.",
        reasoning = "Die Herausforderungen der Grundversorgung geflüchteter Menschen wurden Ende 2015 und im Jahr 2016 erfolgreich bewältigt.",
        @public = true,
        consultations = new object[]
        {
            new { organizationId = app.OrganizationId("kyffhaeuserkreis", KyfAusschuss), role = "vorberatend" },
            new { organizationId = app.OrganizationId("kyffhaeuserkreis", "Kreisausschuss"), role = "vorberatend" },
            new { organizationId = app.OrganizationId("kyffhaeuserkreis", "Kreistag"), role = "beschliessend" },
        },
    };

    public async Task<JsonElement> CreateAsync(HttpClient client, object paper, int expectedStatus = 201)
    {
        var response = await client.PostAsJsonAsync("/api/papers", paper);
        Assert.True(expectedStatus == (int)response.StatusCode, await response.Content.ReadAsStringAsync());
        return await response.ReadJson();
    }

    public async Task<JsonElement> ActAsync(HttpClient client, long paperId, string action, object? body = null, int expectedStatus = 200)
    {
        var response = await client.PostAsJsonAsync($"/api/papers/{paperId}/actions/{action}", body ?? new { });
        Assert.True(expectedStatus == (int)response.StatusCode, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJson();
    }

    public async Task<JsonElement> RecordAsync(HttpClient client, long paperId, long consultationId, object result, int expectedStatus = 200)
    {
        var response = await client.PostAsJsonAsync($"/api/papers/{paperId}/consultations/{consultationId}/result", result);
        Assert.True(expectedStatus == (int)response.StatusCode, $"result: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJson();
    }

    public async Task<JsonElement> GetAsync(HttpClient client, long paperId) =>
        await (await client.GetAsync($"/api/papers/{paperId}")).ReadJson();

    public static long Id(JsonElement paper) => paper.GetProperty("id").GetInt64();

    public static long ConsultationId(JsonElement paper, int position) =>
        paper.GetProperty("consultations").EnumerateArray().Single(c => c.GetProperty("position").GetInt32() == position).GetProperty("id").GetInt64();

    public static IReadOnlyList<string> Actions(JsonElement paper) =>
        [.. paper.GetProperty("availableActions").EnumerateArray().Select(a => a.GetString()!)];

    /// <summary>A paper drafted by the Kyffhäuser clerk, submitted and released: waiting for the Ausschuss.</summary>
    public async Task<(long Id, JsonElement Paper)> InDeliberationAsync(string reference)
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var landraetin = await app.ClientFor("kyf.landraetin");
        var id = Id(await CreateAsync(clerk, KyffhaeuserPaper(app.BodyId("kyffhaeuserkreis"), reference)));
        await ActAsync(clerk, id, "submit");
        var paper = await ActAsync(landraetin, id, "release");
        return (id, paper);
    }
}

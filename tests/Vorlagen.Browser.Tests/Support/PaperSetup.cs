using System.Net.Http.Json;
using System.Text.Json;

namespace Vorlagen.Browser.Tests.Support;

/// <summary>Prepares papers through the API (fast), so each browser test starts where its story does.</summary>
public sealed class PaperSetup(BrowserApp app)
{
    public const string KyfAusschuss = "Ausschuss für Soziales, Familie, Gesundheit, Gleichstellung und Ausländerfragen";

    public long KyfBody => app.Scalar<long>("SELECT id FROM bodies WHERE body_key = 'kyffhaeuserkreis'");

    public object Paper(string reference, string title = "Integrationskonzept Kyffhäuserkreis 2020", bool isPublic = true, string? text = null) => new
    {
        bodyId = KyfBody, reference, title, date = "2021-02-15", originator = "Die Landrätin, Frau Hochwind-Schneider",
        proposal = text ?? "Der Kreistag beschließt das „Integrationskonzept Kyffhäuserkreis 2020“.",
        reasoning = text ?? "Die Herausforderungen der Grundversorgung geflüchteter Menschen wurden erfolgreich bewältigt.",
        @public = isPublic,
    };

    public async Task<long> DraftAsync(object paper)
    {
        var response = await (await app.ApiAs("kyf.clerk")).PostAsJsonAsync("/api/papers", paper);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>(BrowserApp.Json)).GetProperty("id").GetInt64();
    }

    public async Task ActAsync(string username, long id, string action, object? body = null)
    {
        var response = await (await app.ApiAs(username)).PostAsJsonAsync($"/api/papers/{id}/actions/{action}", body ?? new { });
        Assert.True(response.IsSuccessStatusCode, $"{action}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Drafted, submitted and released: the Sozialausschuss is next.</summary>
    public async Task<long> InDeliberationAsync(object paper)
    {
        var id = await DraftAsync(paper);
        await ActAsync("kyf.clerk", id, "submit");
        await ActAsync("kyf.landraetin", id, "release");
        return id;
    }

    public async Task RecordAsync(string username, long id, int position, object result)
    {
        var consultation = app.Scalar<long>("SELECT id FROM consultations WHERE paper_id = @id AND position = @position", new { id, position });
        var response = await (await app.ApiAs(username)).PostAsJsonAsync($"/api/papers/{id}/consultations/{consultation}/result", result);
        Assert.True(response.IsSuccessStatusCode, $"result: {await response.Content.ReadAsStringAsync()}");
    }
}

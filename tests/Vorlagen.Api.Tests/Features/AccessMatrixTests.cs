using System.Net.Http.Json;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Features;

/// <summary>
/// Every endpoint × every kind of caller, asserting the status code of each cell. The paper under
/// test is a released, non-public Kyffhäuser paper whose first consultation is the Sozialausschuss.
/// </summary>
public sealed class AccessMatrixTests(VorlagenApp app) : IClassFixture<VorlagenApp>
{
    // anonymous, member, chair of the consultation's committee, chair of another committee, clerk, Landrätin, admin, clerk of the other body
    public static readonly string?[] Callers = [null, "kyf.member", "kyf.chair.soziales", "kyf.chair.wirtschaft", "kyf.clerk", "kyf.landraetin", "admin", "erz.clerk"];

    private readonly PaperApi _api = new(app);

    public static TheoryData<string, string?, int> Matrix()
    {
        var rows = new (string Cell, int[] Expected)[]
        {
            ("list papers",              [200, 200, 200, 200, 200, 200, 200, 200]),
            ("read non-public paper",    [404, 200, 200, 404, 200, 200, 200, 404]),
            ("read draft",               [404, 404, 404, 404, 200, 200, 200, 404]),
            ("history of non-public",    [404, 200, 200, 404, 200, 200, 200, 404]),
            ("journal of non-public",    [401, 403, 403, 404, 200, 200, 200, 404]),
            ("verify non-public",        [404, 200, 200, 404, 200, 200, 200, 404]),
            ("create paper",             [401, 403, 403, 403, 201, 403, 403, 403]),
            ("edit draft",               [401, 404, 404, 404, 200, 403, 403, 404]),
            ("submit draft",             [401, 404, 404, 404, 200, 403, 403, 404]),
            ("release submitted",        [401, 404, 404, 404, 403, 200, 403, 404]),
            ("record Ausschuss result",  [401, 403, 200, 404, 200, 403, 403, 404]),
            ("withdraw in deliberation", [401, 403, 403, 404, 200, 200, 403, 404]),
            ("create organization",      [401, 403, 403, 403, 403, 403, 201, 403]),
            ("list bodies",              [200, 200, 200, 200, 200, 200, 200, 200]),
            ("tally check",              [200, 200, 200, 200, 200, 200, 200, 200]),
        };
        var data = new TheoryData<string, string?, int>();
        foreach (var (cell, expected) in rows)
            for (var i = 0; i < Callers.Length; i++) data.Add(cell, Callers[i], expected[i]);
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_caller_gets_exactly_their_column(string cell, string? caller, int expected)
    {
        var client = caller is null ? app.CreateClient() : await app.ClientFor(caller);
        var response = await SendAsync(cell, client);
        Assert.True(expected == (int)response.StatusCode,
            $"{cell} as {caller ?? "anonymous"}: expected {expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private async Task<HttpResponseMessage> SendAsync(string cell, HttpClient client)
    {
        var bodyId = app.BodyId("kyffhaeuserkreis");
        switch (cell)
        {
            case "list papers": return await client.GetAsync("/api/papers");
            case "read non-public paper": return await client.GetAsync($"/api/papers/{(await NonPublicInDeliberationAsync()).Id}");
            case "read draft": return await client.GetAsync($"/api/papers/{await DraftAsync()}");
            case "history of non-public": return await client.GetAsync($"/api/papers/{(await NonPublicInDeliberationAsync()).Id}/history");
            case "journal of non-public": return await client.GetAsync($"/api/papers/{(await NonPublicInDeliberationAsync()).Id}/journal");
            case "verify non-public": return await client.GetAsync($"/api/papers/{(await NonPublicInDeliberationAsync()).Id}/journal/verify");
            case "create paper": return await client.PostAsJsonAsync("/api/papers", PaperApi.KyffhaeuserPaper(bodyId, Unique()));
            case "edit draft":
                return await client.PutAsJsonAsync($"/api/papers/{await DraftAsync()}", _api.KyffhaeuserEdit(bodyId, Unique()));
            case "submit draft": return await client.PostAsJsonAsync($"/api/papers/{await DraftAsync()}/actions/submit", new { });
            case "release submitted":
                var submitted = await DraftAsync();
                await _api.ActAsync(await app.ClientFor("kyf.clerk"), submitted, "submit");
                return await client.PostAsJsonAsync($"/api/papers/{submitted}/actions/release", new { });
            case "record Ausschuss result":
                var (id, paper) = await NonPublicInDeliberationAsync();
                return await client.PostAsJsonAsync($"/api/papers/{id}/consultations/{PaperApi.ConsultationId(paper, 1)}/result",
                    new { date = "2021-03-04", outcome = "recommended", votes = new { entitled = 9, yes = 9, no = 0 } });
            case "withdraw in deliberation":
                return await client.PostAsJsonAsync($"/api/papers/{(await NonPublicInDeliberationAsync()).Id}/actions/withdraw", new { comment = "Neue Fassung folgt." });
            case "create organization":
                return await client.PostAsJsonAsync("/api/organizations", new { bodyId, name = "Beirat " + Unique(), shortName = "B", kind = "beirat", seats = 7 });
            case "list bodies": return await client.GetAsync("/api/bodies");
            case "tally check":
                return await client.PostAsJsonAsync($"/api/organizations/{app.OrganizationId("kyffhaeuserkreis", "Kreistag")}/tally-check",
                    new { outcome = "adopted", votes = new { entitled = 33, yes = 27, no = 6 } });
            default: throw new ArgumentOutOfRangeException(nameof(cell), cell, null);
        }
    }

    private static string Unique() => "2021/7/" + Guid.NewGuid().ToString("N")[..8];

    private async Task<long> DraftAsync() =>
        PaperApi.Id(await _api.CreateAsync(await app.ClientFor("kyf.clerk"), NonPublicPaper()));

    private async Task<(long Id, System.Text.Json.JsonElement Paper)> NonPublicInDeliberationAsync()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var id = await DraftAsync();
        await _api.ActAsync(clerk, id, "submit");
        return (id, await _api.ActAsync(await app.ClientFor("kyf.landraetin"), id, "release"));
    }

    private object NonPublicPaper() => new
    {
        bodyId = app.BodyId("kyffhaeuserkreis"), reference = Unique(), title = "Grundstücksangelegenheit", originator = "Die Landrätin",
        proposal = "Der Kreistag stimmt dem Verkauf zu.", reasoning = "Vertraulich.", @public = false,
        consultations = new object[]
        {
            new { organizationId = app.OrganizationId("kyffhaeuserkreis", PaperApi.KyfAusschuss), role = "vorberatend", @public = false },
            new { organizationId = app.OrganizationId("kyffhaeuserkreis", "Kreistag"), role = "beschliessend", @public = false },
        },
    };
}

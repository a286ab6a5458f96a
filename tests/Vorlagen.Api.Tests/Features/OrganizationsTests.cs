using System.Net;
using System.Net.Http.Json;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Features;

public sealed class OrganizationsTests(VorlagenApp app) : IClassFixture<VorlagenApp>
{
    private readonly HttpClient _client = app.ClientFor("admin").GetAwaiter().GetResult();

    [Fact]
    public async Task Lists_only_the_organizations_of_the_requested_body()
    {
        var bodyId = app.BodyId("erzgebirgskreis");
        var body = await (await _client.GetAsync($"/api/organizations?bodyId={bodyId}")).ReadJson();

        var items = body.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(app.Scalar<int>("SELECT COUNT(*) FROM organizations WHERE body_id = @bodyId", new { bodyId }), items.Count);
        Assert.All(items, o => Assert.Equal(bodyId, o.GetProperty("bodyId").GetInt64()));
    }

    [Fact]
    public async Task Without_filter_lists_all_bodies_organizations()
    {
        var body = await (await _client.GetAsync("/api/organizations?pageSize=200")).ReadJson();

        Assert.True(body.GetProperty("total").GetInt32() >= 6);
    }

    [Fact]
    public async Task Organization_detail_has_kind_label_seats_and_etag()
    {
        var id = app.OrganizationId("kyffhaeuserkreis", "Kreisausschuss");
        var response = await _client.GetAsync($"/api/organizations/{id}");

        var body = await response.ReadJson();
        Assert.Equal("Kreisausschuss", body.GetProperty("kindLabel").GetString());
        Assert.True(body.GetProperty("seats").GetInt32() >= 7);
        Assert.True(body.GetProperty("chairVotes").GetBoolean());
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task Create_stores_the_organization_and_returns_201_with_location()
    {
        var bodyId = app.BodyId("erzgebirgskreis");
        var response = await _client.PostAsJsonAsync("/api/organizations", new
        {
            bodyId, name = "Jugendhilfeausschuss", shortName = "JHA", kind = "beschliessender_ausschuss", seats = 15, chairVotes = true,
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadJson();
        var id = created.GetProperty("id").GetInt64();
        Assert.Equal($"/api/organizations/{id}", response.Headers.Location?.ToString());
        Assert.Equal(15, app.Scalar<int>("SELECT seats FROM organizations WHERE id = @id", new { id }));
        Assert.Equal("simple", app.Scalar<string>("SELECT default_majority FROM organizations WHERE id = @id", new { id }));
    }

    [Fact]
    public async Task Create_with_invalid_fields_is_400_per_field_and_writes_nothing()
    {
        var before = app.Scalar<int>("SELECT COUNT(*) FROM organizations");
        var response = await _client.PostAsJsonAsync("/api/organizations", new
        {
            bodyId = app.BodyId("erzgebirgskreis"), name = "", shortName = "X", kind = "stammtisch", seats = 0, defaultMajority = "most",
        });

        var problem = await response.AssertProblem(400, "validation");
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "name", "kind", "seats", "defaultMajority" }) Assert.True(errors.TryGetProperty(field, out _), field);
        Assert.Equal(before, app.Scalar<int>("SELECT COUNT(*) FROM organizations"));
    }

    [Fact]
    public async Task Create_with_a_taken_name_is_409_and_writes_nothing()
    {
        var before = app.Scalar<int>("SELECT COUNT(*) FROM organizations");
        var response = await _client.PostAsJsonAsync("/api/organizations", new
        {
            bodyId = app.BodyId("kyffhaeuserkreis"), name = "Kreistag", shortName = "KT", kind = "kreistag", seats = 47, chairVotes = true,
        });

        await response.AssertProblem(409, "organization_name_taken");
        Assert.Equal(before, app.Scalar<int>("SELECT COUNT(*) FROM organizations"));
    }

    [Fact]
    public async Task Create_for_an_unknown_body_is_404()
    {
        var response = await _client.PostAsJsonAsync("/api/organizations", new
        {
            bodyId = 9999, name = "Ausschuss", shortName = "A", kind = "beirat", seats = 5,
        });
        await response.AssertProblem(404, "not_found");
    }

    [Fact]
    public async Task Update_with_current_if_match_bumps_version_and_stale_if_match_is_412()
    {
        var id = await CreateAsync("Umweltausschuss");
        var update = new { name = "Ausschuss für Umwelt und Technik", shortName = "AUT", kind = "beschliessender_ausschuss", seats = 13, chairVotes = true };

        var ok = await Send(HttpMethod.Put, $"/api/organizations/{id}", update, "\"1\"");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("\"2\"", ok.Headers.ETag?.Tag);
        Assert.Equal(13, app.Scalar<int>("SELECT seats FROM organizations WHERE id = @id", new { id }));
        Assert.StartsWith("Systemadministration (#", app.Scalar<string>("SELECT updated_by FROM organizations WHERE id = @id", new { id }));

        var stale = await Send(HttpMethod.Put, $"/api/organizations/{id}", update with { }, "\"1\"");
        var problem = await stale.AssertProblem(412, "stale_version");
        Assert.Equal(2, problem.GetProperty("currentVersion").GetInt32());
        Assert.Equal(2, app.Scalar<int>("SELECT version FROM organizations WHERE id = @id", new { id }));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("erz.clerk")]
    [InlineData("kyf.landraetin")]
    public async Task Only_admins_may_create(string? username)
    {
        var client = username is null ? app.CreateClient() : await app.ClientFor(username);
        var before = app.Scalar<int>("SELECT COUNT(*) FROM organizations");

        var response = await client.PostAsJsonAsync("/api/organizations", new
        {
            bodyId = app.BodyId("erzgebirgskreis"), name = "Schattenausschuss", shortName = "SA", kind = "beirat", seats = 5,
        });

        Assert.Equal(username is null ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, app.Scalar<int>("SELECT COUNT(*) FROM organizations"));
    }

    [Fact]
    public async Task Update_with_garbage_if_match_is_400()
    {
        var id = await CreateAsync("Rechnungsprüfungsausschuss");
        var response = await Send(HttpMethod.Put, $"/api/organizations/{id}",
            new { name = "X", shortName = "X", kind = "beirat", seats = 3 }, "yesterday");
        await response.AssertProblem(400, "bad_if_match");
        Assert.Equal("Rechnungsprüfungsausschuss", app.Scalar<string>("SELECT name FROM organizations WHERE id = @id", new { id }));
    }

    private async Task<long> CreateAsync(string name)
    {
        var response = await _client.PostAsJsonAsync("/api/organizations", new
        {
            bodyId = app.BodyId("kyffhaeuserkreis"), name, shortName = name[..3], kind = "beschliessender_ausschuss", seats = 11, chairVotes = true,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJson()).GetProperty("id").GetInt64();
    }

    private Task<HttpResponseMessage> Send(HttpMethod method, string url, object body, string ifMatch)
    {
        var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return _client.SendAsync(request);
    }
}

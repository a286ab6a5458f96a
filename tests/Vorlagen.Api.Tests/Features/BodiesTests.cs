using System.Net;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Features;

public sealed class BodiesTests(VorlagenApp app) : IClassFixture<VorlagenApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Lists_both_demo_bodies_in_name_order_with_paging_fields()
    {
        var body = await (await _client.GetAsync("/api/bodies")).ReadJson();

        var names = body.GetProperty("items").EnumerateArray().Select(b => b.GetProperty("name").GetString()).ToList();
        Assert.Equal(["Erzgebirgskreis", "Kyffhäuserkreis"], names);
        Assert.Equal(2, body.GetProperty("total").GetInt32());
        Assert.Equal(1, body.GetProperty("page").GetInt32());
        Assert.Equal(app.Scalar<int>("SELECT COUNT(*) FROM bodies"), body.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Second_page_of_size_one_holds_the_second_body()
    {
        var body = await (await _client.GetAsync("/api/bodies?page=2&pageSize=1")).ReadJson();

        var only = Assert.Single(body.GetProperty("items").EnumerateArray());
        Assert.Equal("Kyffhäuserkreis", only.GetProperty("name").GetString());
        Assert.Equal(2, body.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Body_detail_has_rule_profile_numbering_organizations_template_and_etag()
    {
        var id = app.BodyId("kyffhaeuserkreis");
        var response = await _client.GetAsync($"/api/bodies/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        var body = await response.ReadJson();
        Assert.Equal("thueringen", body.GetProperty("ruleProfile").GetString());
        Assert.Equal("{year}/7/{seq:3}", body.GetProperty("referencePattern").GetString());
        Assert.Equal("Sondershausen", body.GetProperty("seat").GetString());
        var organizations = body.GetProperty("organizations").EnumerateArray().ToList();
        // Four Gremien and the six Fraktionen and Gruppen of the demo data (OParl lists both as organizations of the body).
        Assert.Equal(4, organizations.Count(o => o.GetProperty("kind").GetString() is not ("fraktion" or "gruppe")));
        Assert.Equal(6, organizations.Count(o => o.GetProperty("kind").GetString() is "fraktion" or "gruppe"));
        var kreistag = organizations.Single(o => o.GetProperty("kind").GetString() == "kreistag");
        Assert.True(kreistag.GetProperty("seats").GetInt32() >= 40);
        var template = body.GetProperty("consultationTemplates").EnumerateArray().ToList();
        Assert.Equal(["vorberatend", "vorberatend", "beschliessend"], template.Select(t => t.GetProperty("role").GetString()));
        Assert.Equal("Kreistag", template[^1].GetProperty("organizationName").GetString());
    }

    [Fact]
    public async Task Erzgebirgskreis_template_matches_seed_0640()
    {
        var body = await (await _client.GetAsync($"/api/bodies/{app.BodyId("erzgebirgskreis")}")).ReadJson();

        var template = body.GetProperty("consultationTemplates").EnumerateArray().ToList();
        Assert.Equal("Ausschuss für Familie, Bildung, Gesundheit und Soziales", template[0].GetProperty("organizationName").GetString());
        Assert.False(template[0].GetProperty("public").GetBoolean());
        Assert.Equal("Kreistag", template[1].GetProperty("organizationName").GetString());
        Assert.True(template[1].GetProperty("public").GetBoolean());
    }

    [Fact]
    public async Task Unknown_body_is_a_404_problem()
    {
        await (await _client.GetAsync("/api/bodies/4711")).AssertProblem(404, "not_found");
    }

    [Theory]
    [InlineData("/api/bodies?page=0", "page")]
    [InlineData("/api/bodies?pageSize=201", "pageSize")]
    [InlineData("/api/bodies?pageSize=0", "pageSize")]
    public async Task Out_of_range_paging_is_a_400_with_field_errors(string url, string field)
    {
        var problem = await (await _client.GetAsync(url)).AssertProblem(400, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }
}

using System.Net.Http.Headers;
using System.Text;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Features;

/// <summary>Bad input of every shape is a clear 4xx ProblemDetails, never a 500, never a stack trace.</summary>
public sealed class ErrorHandlingTests(VorlagenApp app) : IClassFixture<VorlagenApp>
{
    private readonly HttpClient _client = app.ClientFor("admin").GetAwaiter().GetResult();

    [Theory]
    [InlineData("{ \"bodyId\": 1, \"name\": ")]
    [InlineData("not json at all")]
    [InlineData("{ \"bodyId\": \"eins\", \"name\": \"A\" }")]
    [InlineData("{ \"bodyId\": 1, \"seats\": 12.5 }")]
    [InlineData("{ \"bodyId\": 1, \"chairVotes\": \"vielleicht\" }")]
    [InlineData("[1, 2, 3]")]
    public async Task Malformed_or_mistyped_json_is_400_and_writes_nothing(string json)
    {
        var before = app.Scalar<int>("SELECT COUNT(*) FROM organizations");

        var response = await _client.PostAsync("/api/organizations", new StringContent(json, Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblem(400, "malformed_json");
        Assert.DoesNotContain("Exception", problem.GetRawText());
        Assert.DoesNotContain("   at ", problem.GetRawText());
        Assert.Equal(before, app.Scalar<int>("SELECT COUNT(*) FROM organizations"));
    }

    [Fact]
    public async Task Empty_body_is_400()
    {
        var response = await _client.PostAsync("/api/organizations", new StringContent("", Encoding.UTF8, "application/json"));
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Wrong_content_type_is_415_problem()
    {
        var response = await _client.PostAsync("/api/organizations", new StringContent("name=x", Encoding.UTF8, "text/plain"));
        await response.AssertProblem(415, "unsupported_media_type");
    }

    [Fact]
    public async Task Oversized_body_is_413_problem_and_writes_nothing()
    {
        var before = app.Scalar<int>("SELECT COUNT(*) FROM organizations");
        var huge = "{\"bodyId\":1,\"name\":\"" + new string('x', 1_100_000) + "\"}";
        var content = new StringContent(huge, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await _client.PostAsync("/api/organizations", content);

        await response.AssertProblem(413, "too_large");
        Assert.Equal(before, app.Scalar<int>("SELECT COUNT(*) FROM organizations"));
    }

    [Fact]
    public async Task Non_numeric_route_or_query_values_are_400_or_404_problems()
    {
        var badQuery = await (await _client.GetAsync("/api/organizations?bodyId=abc")).AssertProblem(400, "bad_request");
        Assert.Contains("bodyId", badQuery.GetProperty("detail").GetString());
        await (await _client.GetAsync("/api/organizations/abc")).AssertProblem(404, "not_found");
    }

    [Fact]
    public async Task Unknown_route_and_wrong_method_are_german_problems()
    {
        var notFound = await (await _client.GetAsync("/api/gibt-es-nicht")).AssertProblem(404, "not_found");
        Assert.Equal("Nicht gefunden", notFound.GetProperty("title").GetString());
        await (await _client.DeleteAsync("/api/bodies")).AssertProblem(405, "method_not_allowed");
    }
}

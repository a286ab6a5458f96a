using System.Net;
using System.Text.Json;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Features.OParl;

/// <summary>HTTP as OParl clients expect it: UTF-8 JSON without BOM, CORS, error objects, conditional GET, paging and its parameters.</summary>
public sealed class OParlTransportTests(VorlagenApp app) : IClassFixture<VorlagenApp>
{
    private readonly PaperApi _api = new(app);
    private string PaperList => $"/oparl/v1.1/body/{app.BodyId("kyffhaeuserkreis")}/paper";

    [Fact]
    public async Task Json_is_utf8_without_bom_and_any_origin_may_read_it()
    {
        var client = app.CreateClient();
        var response = await client.GetAsync("/oparl/v1.1/system");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((byte)'{', bytes[0]);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("Kyffhäuserkreis", await (await client.GetAsync("/oparl/v1.1/body")).Content.ReadAsStringAsync());

        var preflight = await client.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/oparl/v1.1/system"));
        Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
        Assert.Equal("*", preflight.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("If-None-Match", preflight.Headers.GetValues("Access-Control-Allow-Headers").Single());
    }

    [Theory]
    [InlineData("/oparl/v1.1/paper/999999")]
    [InlineData("/oparl/v1.1/body/999999/paper")]
    [InlineData("/oparl/v1.1/body/999999")]
    [InlineData("/oparl/v1.1/meeting/1")]
    [InlineData("/oparl/v1.1/unbekannt")]
    [InlineData("/oparl/v1.1/paper/abc")]
    public async Task Unknown_urls_answer_404_with_an_error_object(string url)
    {
        var response = await app.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var error = await response.ReadJson();
        Assert.Equal("Error", error.GetProperty("type").GetString());
        Assert.Equal("not_found", error.GetProperty("debug").GetString());
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=abc", "limit")]
    [InlineData("modified_since=2024-01-01", "modified_since")]
    [InlineData("created_until=gestern", "created_until")]
    [InlineData("modified_since=2024-01-01T00:00:00", "modified_since")]
    [InlineData("omit_internal=ja", "omit_internal")]
    [InlineData("after=-3", "after")]
    [InlineData("limit=5&limit=6", "limit")]
    public async Task Bad_parameters_answer_400_naming_the_parameter(string query, string parameter)
    {
        var response = await app.CreateClient().GetAsync($"{PaperList}?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var error = await response.ReadJson();
        Assert.Equal("invalid_parameter", error.GetProperty("debug").GetString());
        Assert.Contains($"„{parameter}“", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Conditional_get_answers_304_for_the_same_etag_or_an_unchanged_object()
    {
        var (id, _) = await _api.InDeliberationAsync("T-" + Guid.NewGuid().ToString("N")[..8]);
        var client = app.CreateClient();
        var first = await client.GetAsync($"/oparl/v1.1/paper/{id}");
        var etag = first.Headers.ETag!;
        var lastModified = first.Content.Headers.LastModified!.Value;

        var again = new HttpRequestMessage(HttpMethod.Get, $"/oparl/v1.1/paper/{id}");
        again.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
        var since = new HttpRequestMessage(HttpMethod.Get, $"/oparl/v1.1/paper/{id}");
        since.Headers.IfModifiedSince = lastModified;
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(since)).StatusCode);

        // A change (a withdrawal, a minute later) gives a new ETag and Last-Modified.
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await _api.ActAsync(await app.ClientFor("kyf.clerk"), id, "withdraw", new { comment = "Zurückgezogen vom Einreicher" });
        var stale = new HttpRequestMessage(HttpMethod.Get, $"/oparl/v1.1/paper/{id}");
        stale.Headers.IfNoneMatch.Add(etag);
        var changed = await client.SendAsync(stale);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
        Assert.True(changed.Content.Headers.LastModified > lastModified);
        Assert.Equal("withdrawn", (await changed.ReadJson()).GetProperty("vorlagen:status").GetString());
    }

    [Fact]
    public async Task Pages_follow_next_links_in_a_stable_order_and_keep_the_filters()
    {
        for (var i = 0; i < 5; i++) await _api.InDeliberationAsync($"P-{i}-" + Guid.NewGuid().ToString("N")[..8]);
        var client = app.CreateClient();
        var expected = app.Scalar<int>("SELECT COUNT(*) FROM papers WHERE is_public = 1 AND released_on IS NOT NULL AND body_id = @b",
            new { b = app.BodyId("kyffhaeuserkreis") });
        var since = Uri.EscapeDataString("2000-01-01T00:00:00+01:00");
        string? next = $"http://localhost{PaperList}?modified_since={since}&limit=2&omit_internal=true";
        var ids = new List<string>();
        var pageNumber = 0;
        while (next is not null)
        {
            var page = await (await client.GetAsync(next)).ReadJson();
            pageNumber++;
            var pagination = page.GetProperty("pagination");
            Assert.Equal(pageNumber, pagination.GetProperty("currentPage").GetInt32());
            Assert.Equal(expected, pagination.GetProperty("totalElements").GetInt32());
            Assert.Equal((expected + 1) / 2, pagination.GetProperty("totalPages").GetInt32());
            Assert.Equal(2, pagination.GetProperty("elementsPerPage").GetInt32());
            foreach (var paper in page.GetProperty("data").EnumerateArray())
            {
                ids.Add(paper.GetProperty("id").GetString()!);
                Assert.False(paper.TryGetProperty("consultation", out _)); // omit_internal
            }
            next = page.GetProperty("links").TryGetProperty("next", out var link) ? link.GetString() : null;
            if (next is not null) Assert.Contains($"modified_since={since}", next);
        }
        Assert.Equal(expected, ids.Count);
        Assert.Equal(ids.Distinct().Count(), ids.Count);
        Assert.Equal(ids.OrderBy(i => long.Parse(i.Split('/')[^1])), ids);

        var capped = await (await client.GetAsync($"{PaperList}?limit=5000")).ReadJson();
        Assert.Equal(1000, capped.GetProperty("pagination").GetProperty("elementsPerPage").GetInt32());
        var full = await (await client.GetAsync(PaperList)).ReadJson();
        Assert.All(full.GetProperty("data").EnumerateArray(), p => Assert.Equal(JsonValueKind.Array, p.GetProperty("consultation").ValueKind));
    }

    [Fact]
    public async Task Ids_are_built_from_the_host_the_client_used()
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Host = "ris.example.de";
        var system = await (await client.GetAsync("/oparl/v1.1/system")).ReadJson();
        Assert.Equal("http://ris.example.de/oparl/v1.1/system", system.GetProperty("id").GetString());
        Assert.Equal("http://ris.example.de/oparl/v1.1/body", system.GetProperty("body").GetString());
    }
}

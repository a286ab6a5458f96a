using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Features;

/// <summary>If-Match per RFC 9110 §13.1.1: <c>*</c>, lists, strong comparison; a failed precondition writes nothing.</summary>
public sealed class IfMatchTests(VorlagenApp app) : IClassFixture<VorlagenApp>
{
    private readonly PaperApi _api = new(app);

    [Theory]
    [InlineData("*")]
    [InlineData("\"99\", \"1\"")]
    [InlineData("W/\"1\", \"1\"")]
    [InlineData("\"1\"")]
    public async Task A_matching_header_lets_the_edit_through(string ifMatch)
    {
        var (id, reference) = await DraftAsync();

        var response = await PutAsync(id, reference, ifMatch, "Geänderter Gegenstand");

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        Assert.Equal("Geänderter Gegenstand", app.Scalar<string>("SELECT title FROM papers WHERE id = @id", new { id }));
    }

    [Theory]
    [InlineData("\"98\", \"99\"")]
    [InlineData("W/\"1\"")]
    [InlineData("\"abc\"")]
    [InlineData("\"01\"")]
    public async Task A_header_no_entry_of_which_strongly_matches_is_412_and_writes_nothing(string ifMatch)
    {
        var (id, reference) = await DraftAsync();
        var before = Snapshot(id);

        var problem = await (await PutAsync(id, reference, ifMatch, "Verlorene Änderung")).AssertProblem(412, "stale_version");

        Assert.Equal(1, problem.GetProperty("currentVersion").GetInt32());
        Assert.Equal(before, Snapshot(id));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1")]
    [InlineData("\"1")]
    [InlineData("*, \"1\"")]
    [InlineData("\"1\" \"2\"")]
    [InlineData(",")]
    public async Task A_malformed_header_is_400_and_writes_nothing(string ifMatch)
    {
        var (id, reference) = await DraftAsync();
        var before = Snapshot(id);

        var problem = await (await PutAsync(id, reference, ifMatch, "Verlorene Änderung")).AssertProblem(400, "bad_if_match");

        Assert.Contains("If-Match", problem.GetProperty("detail").GetString());
        Assert.Equal(before, Snapshot(id));
    }

    [Fact]
    public async Task Actions_take_lists_too()
    {
        var (id, _) = await DraftAsync();
        var clerk = await app.ClientFor("kyf.clerk");

        var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/papers/{id}/actions/submit") { Content = JsonContent.Create(new { }) };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"2\", \"3\"");
        await (await clerk.SendAsync(stale)).AssertProblem(412, "stale_version");
        var ok = new HttpRequestMessage(HttpMethod.Post, $"/api/papers/{id}/actions/submit") { Content = JsonContent.Create(new { }) };
        ok.Headers.TryAddWithoutValidation("If-Match", "\"3\", \"1\"");

        Assert.Equal(HttpStatusCode.OK, (await clerk.SendAsync(ok)).StatusCode);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData(" * ", null)]
    [InlineData("\"7\"", 7)]
    [InlineData("W/\"7\"", IfMatch.Never)]
    [InlineData("\"7\", \"7\"", 7)]
    [InlineData(", \"7\" ,,", 7)]
    [InlineData("\"6\",\"7\",\"8\"", 7)]
    [InlineData("\"6\", \"8\"", 6)]
    [InlineData("\"\"", IfMatch.Never)]
    [InlineData("\"x,y\"", IfMatch.Never)]
    public async Task Maps_the_header_to_the_version_the_command_expects(string? header, int? expected)
    {
        var request = new DefaultHttpContext().Request;
        if (header is not null) request.Headers.IfMatch = header;

        Assert.Equal(expected, await IfMatch.ParseAsync(request, () => Task.FromResult(7)));
    }

    private async Task<(long Id, string Reference)> DraftAsync()
    {
        var reference = $"2021/9/{Interlocked.Increment(ref _next)}";
        var clerk = await app.ClientFor("kyf.clerk");
        return (PaperApi.Id(await _api.CreateAsync(clerk, PaperApi.KyffhaeuserPaper(app.BodyId("kyffhaeuserkreis"), reference))), reference);
    }

    private static int _next = 100;

    private async Task<HttpResponseMessage> PutAsync(long id, string reference, string ifMatch, string title)
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var paper = System.Text.Json.JsonSerializer.SerializeToNode(_api.KyffhaeuserEdit(app.BodyId("kyffhaeuserkreis"), reference))!;
        paper["title"] = title;
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/papers/{id}") { Content = JsonContent.Create(paper) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await clerk.SendAsync(request);
    }

    private (int Version, string Title, string UpdatedAt, int Journal) Snapshot(long id) => (
        app.Scalar<int>("SELECT version FROM papers WHERE id = @id", new { id }),
        app.Scalar<string>("SELECT title FROM papers WHERE id = @id", new { id }),
        app.Scalar<string>("SELECT updated_at FROM papers WHERE id = @id", new { id }),
        app.Scalar<int>("SELECT COUNT(*) FROM workflow_execution_log"));
}

using System.Net;
using System.Net.Http.Json;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Providers;

/// <summary>The Idempotency-Key store on each provider: a retry replays, a race has one effect, a reused key is refused.</summary>
public abstract class IdempotencyProviderTests<TApp>(TApp app) where TApp : VorlagenApp
{
    private HttpRequestMessage Create(string key, string reference) =>
        new(HttpMethod.Post, "/api/papers")
        {
            Content = JsonContent.Create(PaperApi.KyffhaeuserPaper(app.BodyId("kyffhaeuserkreis"), reference)),
            Headers = { { "Idempotency-Key", key } },
        };

    private int Papers(string reference) => app.Scalar<int>("SELECT COUNT(*) FROM papers WHERE reference = @reference", new { reference });

    [ProviderFact]
    public async Task A_retry_replays_the_first_response_and_writes_nothing()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var first = await clerk.SendAsync(Create("idem-1", "I-1"));
        var retry = await clerk.SendAsync(Create("idem-1", "I-1"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(1, Papers("I-1"));
        Assert.Equal(1, app.Scalar<int>("SELECT COUNT(*) FROM idempotent_requests WHERE idempotency_key = 'idem-1'"));
        await (await clerk.SendAsync(Create("idem-1", "I-1b"))).AssertProblem(422, "idempotency_key_reused");
        Assert.Equal(0, Papers("I-1b"));
    }

    [ProviderFact]
    public async Task Racing_requests_with_one_key_have_one_effect()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => clerk.SendAsync(Create("idem-race", "I-2"))));

        Assert.Equal(1, Papers("I-2"));
        Assert.All(responses, r => Assert.True((int)r.StatusCode is 201 or 409, $"unexpected {(int)r.StatusCode}"));
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.Created && !r.Headers.Contains("Idempotent-Replayed"));
    }
}

public sealed class SqliteIdempotencyProviderTests(VorlagenApp app) : IdempotencyProviderTests<VorlagenApp>(app), IClassFixture<VorlagenApp>;

public sealed class PostgreSqlIdempotencyProviderTests(PostgreSqlApp app)
    : IdempotencyProviderTests<PostgreSqlApp>(app), IClassFixture<PostgreSqlApp>, IPostgresTests;

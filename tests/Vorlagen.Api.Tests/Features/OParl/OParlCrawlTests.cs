using System.Net;
using Dapper;
using System.Text.Json.Nodes;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Features.OParl;

/// <summary>
/// A harvesting client's view of both demo bodies: from System, every URL answers, every object sits at its id,
/// nothing dangles, everything passes the official schema and the specification's stricter rules, and nothing
/// non-public is an OParl object or shows anywhere.
/// </summary>
public sealed class OParlCrawlTests(OParlCrawlTests.Fixture fixture) : IClassFixture<OParlCrawlTests.Fixture>
{
    public sealed class Fixture : VorlagenApp, IAsyncLifetime
    {
        public OParlDemo Demo { get; private set; } = null!;
        public OParlCrawler Crawler { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Demo = new OParlDemo(this);
            await Demo.CreateAsync();
            Crawler = new OParlCrawler(CreateClient());
            await Crawler.CrawlAsync();
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    private OParlCrawler Crawler => fixture.Crawler;

    [Fact]
    public void Every_url_answers_and_every_object_sits_at_its_id()
    {
        Assert.All(Crawler.Answers, a => Assert.True(a.Status == HttpStatusCode.OK, $"{a.Url}: {(int)a.Status} {a.Text}"));
        foreach (var answer in Crawler.Answers.Where(a => !a.IsPage))
            Assert.Equal(answer.Url, answer.Json!["id"]!.GetValue<string>());
        // Both bodies, each with its eleven lists, were reached.
        foreach (var body in new[] { "kyffhaeuserkreis", "erzgebirgskreis" })
            foreach (var list in new[] { "organization", "person", "meeting", "paper", "agendaitem", "consultation", "file", "membership", "location", "legislativeterm" })
                Assert.Contains(Crawler.Answers, a => a.Url == $"http://localhost/oparl/v1.1/body/{fixture.BodyId(body)}/{list}");
    }

    [Fact]
    public void No_reference_dangles()
    {
        var answered = Crawler.Answers.Where(a => a.Status == HttpStatusCode.OK).Select(a => a.Url).ToHashSet();
        Assert.All(Crawler.Referenced, url => Assert.Contains(url, answered));
        // Every object that is embedded or listed can also be fetched alone, and says the same there.
        foreach (var (id, item) in Crawler.Objects)
        {
            var alone = Crawler.Answers.SingleOrDefault(a => a.Url == id && !a.IsPage);
            Assert.True(alone is not null, $"{id} was listed but never fetched");
            Assert.True(JsonNode.DeepEquals(item, alone.Json), $"{id} differs between list and object:\n{item}\n{alone.Json}");
        }
    }

    [Fact]
    public async Task Every_object_and_page_passes_the_official_schema_and_the_specification_rules()
    {
        foreach (var answer in Crawler.Answers)
            Assert.Empty(answer.IsPage ? OParlRules.CheckPage(answer.Json!) : OParlRules.CheckObject(answer.Json!).Select(e => $"{answer.Url} {e}"));
        foreach (var (id, item) in Crawler.Objects)
            Assert.True((await OParlSchemas.ValidateAsync(item)).Count == 0, $"{id}: {string.Join("; ", await OParlSchemas.ValidateAsync(item))}");
        Assert.Contains(Crawler.Objects.Values, o => o["type"]!.GetValue<string>().EndsWith("/Consultation"));
        Assert.Contains(Crawler.Objects.Values, o => o["type"]!.GetValue<string>().EndsWith("/Organization"));
        Assert.True(Crawler.Objects.Count >= 15, $"only {Crawler.Objects.Count} objects");
    }

    [Fact]
    public async Task Nothing_non_public_is_an_object_or_shows_anywhere()
    {
        Assert.All(Crawler.Answers, a => Assert.DoesNotContain(OParlDemo.Marker, a.Text, StringComparison.OrdinalIgnoreCase));
        var papers = Crawler.Objects.Keys.Where(k => k.Contains("/paper/")).ToHashSet();
        Assert.Equal(fixture.Demo.Public.Select(id => $"http://localhost/oparl/v1.1/paper/{id}").Order(), papers.Order());

        var client = fixture.CreateClient();
        List<long> secretConsultations;
        using (var db = fixture.OpenDatabase()) secretConsultations = [.. db.Query<long>("SELECT id FROM consultations WHERE is_public = 0")];
        Assert.True(secretConsultations.Count >= 5);
        foreach (var (kind, ids) in new[] { ("paper", fixture.Demo.Hidden), ("consultation", secretConsultations) })
            foreach (var id in ids)
            {
                var url = $"http://localhost/oparl/v1.1/{kind}/{id}";
                Assert.DoesNotContain(url, Crawler.Referenced);
                var response = await client.GetAsync(url);
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                var text = await response.Content.ReadAsStringAsync();
                Assert.DoesNotContain(OParlDemo.Marker, text);
                Assert.Equal("Error", JsonNode.Parse(text)!["type"]!.GetValue<string>());
            }

        // Counts leave them out too: each body's paper list counts exactly its public papers.
        foreach (var body in new[] { "kyffhaeuserkreis", "erzgebirgskreis" })
        {
            var page = Crawler.Answers.Single(a => a.Url == $"http://localhost/oparl/v1.1/body/{fixture.BodyId(body)}/paper").Json!;
            var expected = fixture.Demo.Public.Count(id => fixture.Scalar<long>("SELECT body_id FROM papers WHERE id = @id", new { id }) == fixture.BodyId(body));
            Assert.Equal(expected, page["pagination"]!["totalElements"]!.GetValue<int>());
        }
    }

    [Fact]
    public void A_non_public_decision_shows_no_result_and_public_tallies_read_as_in_a_council_information_system()
    {
        var secret = Crawler.Objects[$"http://localhost/oparl/v1.1/paper/{fixture.Demo.DecidedInSecret}"];
        Assert.Equal("decided", secret["vorlagen:status"]!.GetValue<string>());
        Assert.Empty(secret["consultation"]!.AsArray());
        foreach (var word in new[] { "adopted", "signed", "beschlossen", "Ausgefertigt", "Ja: 20" })
            Assert.DoesNotContain(word, secret.ToJsonString());

        var walkthrough = Crawler.Objects[$"http://localhost/oparl/v1.1/paper/{fixture.Demo.Walkthrough}"];
        Assert.Equal("signed", walkthrough["vorlagen:status"]!.GetValue<string>());
        var consultations = walkthrough["consultation"]!.AsArray().Select(c => c!.AsObject()).ToList();
        Assert.Equal(2, consultations.Count); // the non-public Kreisausschuss is no object
        Assert.Equal("empfohlen (Ja: 9 Nein: 0 Enth: 0 Bef: 0)", consultations[0]["vorlagen:result"]!.GetValue<string>());
        var kreistag = consultations[1];
        Assert.Equal("beschlossen (Ja: 27 Nein: 6 Enth: 0 Bef: 0)", kreistag["vorlagen:result"]!.GetValue<string>());
        Assert.True(kreistag["authoritative"]!.GetValue<bool>());
        Assert.Equal("Entscheidung", kreistag["role"]!.GetValue<string>());
        Assert.Equal(27, kreistag["vorlagen:votes"]!["yes"]!.GetValue<int>());
        Assert.Equal("2021-03-31", kreistag["vorlagen:resultDate"]!.GetValue<string>());
        Assert.DoesNotContain("Ja: 6 Nein: 1", walkthrough.ToJsonString());
    }
}

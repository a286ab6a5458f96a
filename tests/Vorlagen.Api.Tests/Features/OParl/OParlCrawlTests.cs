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
        // A crawl from System reaches every object type.
        foreach (var type in new[] { "System", "Body", "LegislativeTerm", "Organization", "Person", "Membership", "Meeting", "AgendaItem", "Paper",
                     "Consultation", "File", "Location" })
            Assert.True(Crawler.Objects.Values.Any(o => o["type"]!.GetValue<string>() == OParlRules.TypePrefix + type), $"no {type} reached");
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
        List<long> secretMemberships;
        using (var db = fixture.OpenDatabase()) secretMemberships = [.. db.Query<long>("SELECT id FROM memberships WHERE is_public = 0")];
        Assert.Contains(fixture.Demo.HiddenMembership, secretMemberships);
        var demo = fixture.Demo;
        foreach (var (kind, ids) in new[]
                 {
                     ("paper", demo.Hidden), ("consultation", secretConsultations), ("meeting", demo.HiddenMeetings), ("location", demo.HiddenMeetings),
                     ("agendaitem", demo.HiddenAgendaItems), ("file", demo.HiddenFiles), ("person", [demo.HiddenPerson]), ("membership", secretMemberships),
                 })
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

        // Counts leave them out too: each body's lists count exactly its public objects.
        foreach (var body in new[] { "kyffhaeuserkreis", "erzgebirgskreis" })
        {
            var bodyId = fixture.BodyId(body);
            int Total(string list) => Crawler.Answers.Single(a => a.Url == $"http://localhost/oparl/v1.1/body/{bodyId}/{list}").Json!["pagination"]!["totalElements"]!.GetValue<int>();
            Assert.Equal(fixture.Demo.Public.Count(id => fixture.Scalar<long>("SELECT body_id FROM papers WHERE id = @id", new { id }) == bodyId), Total("paper"));
            Assert.Equal(fixture.Demo.PublicMeetings.Count(id => fixture.Scalar<long>("SELECT body_id FROM meetings WHERE id = @id", new { id }) == bodyId), Total("meeting"));
            Assert.Equal(fixture.Scalar<int>("SELECT COUNT(*) FROM memberships m JOIN persons p ON p.id = m.person_id WHERE p.body_id = @bodyId AND m.is_public = 1",
                new { bodyId }), Total("membership"));
            Assert.Equal(fixture.Scalar<int>("SELECT COUNT(*) FROM persons p WHERE p.body_id = @bodyId AND EXISTS (SELECT 1 FROM memberships m " +
                "WHERE m.person_id = p.id AND m.is_public = 1)", new { bodyId }), Total("person"));
            Assert.True(fixture.Scalar<int>("SELECT COUNT(*) FROM persons WHERE body_id = @bodyId", new { bodyId }) > Total("person") || body == "erzgebirgskreis");
        }
    }

    [Fact]
    public void Persons_show_public_data_only_and_meetings_only_their_public_part()
    {
        var demo = fixture.Demo;
        var person = Crawler.Objects[$"http://localhost/oparl/v1.1/person/{demo.ContactPerson}"];
        Assert.Equal("Erika Kontakt", person["name"]!.GetValue<string>());
        Assert.Equal("Frau", person["formOfAddress"]!.GetValue<string>());
        foreach (var key in new[] { "email", "phone", "gender", "location", "locationObject" }) Assert.Null(person[key]);
        Assert.DoesNotContain("03632", person.ToJsonString());
        var membership = Assert.Single(person["membership"]!.AsArray())!;
        Assert.Equal(fixture.Crawler.Objects[membership["id"]!.GetValue<string>()]["organization"]!.GetValue<string>(), membership["organization"]!.GetValue<string>());
        Assert.False(membership["votingRight"]!.GetValue<bool>());
        var organization = Crawler.Objects[membership["organization"]!.GetValue<string>()];
        Assert.Contains(membership["id"]!.GetValue<string>(), organization["membership"]!.AsArray().Select(m => m!.GetValue<string>()));

        var meetings = Crawler.Objects.Keys.Where(k => k.Contains("/meeting/")).ToHashSet();
        Assert.Equal(demo.PublicMeetings.Select(id => $"http://localhost/oparl/v1.1/meeting/{id}").Order(), meetings.Order());
        var ausschuss = Crawler.Objects[$"http://localhost/oparl/v1.1/meeting/{demo.PublicMeetings[0]}"];
        var items = ausschuss["agendaItem"]!.AsArray().Select(i => i!.AsObject()).ToList();
        Assert.Equal(["Ö 1", "Ö 2"], items.Select(i => i["number"]!.GetValue<string>()));
        Assert.Equal([1, 2], items.Select(i => i["order"]!.GetValue<int>()));
        Assert.DoesNotContain("Anfragen", ausschuss.ToJsonString()); // the non-public part is no object, not even a placeholder
        Assert.Equal("empfohlen (Ja: 8 Nein: 1 Enth: 0 Bef: 0)", items[1]["result"]!.GetValue<string>());
        Assert.Equal(8, items[1]["vorlagen:votes"]!["yes"]!.GetValue<int>());
        Assert.Null(items[0]["result"]);
        var consultation = Crawler.Objects[items[1]["consultation"]!.GetValue<string>()];
        Assert.Equal(items[1]["id"]!.GetValue<string>(), consultation["agendaItem"]!.GetValue<string>());
        Assert.Equal(ausschuss["id"]!.GetValue<string>(), consultation["meeting"]!.GetValue<string>());
        Assert.Equal("Sitzungssaal", ausschuss["location"]!["room"]!.GetValue<string>());
        Assert.Matches(@"T17:00:00\+0[12]:00$", ausschuss["start"]!.GetValue<string>());
        // The Kreistag session's non-public part holds the non-public paper: only the opening is an object, and counts say so.
        var kreistag = Crawler.Objects[$"http://localhost/oparl/v1.1/meeting/{demo.PublicMeetings[1]}"];
        Assert.Single(kreistag["agendaItem"]!.AsArray());
        var kyf = fixture.BodyId("kyffhaeuserkreis");
        var agendaPage = Crawler.Answers.Single(a => a.Url == $"http://localhost/oparl/v1.1/body/{kyf}/agendaitem").Json!;
        Assert.Equal(3, agendaPage["pagination"]!["totalElements"]!.GetValue<int>());

        var files = Crawler.Objects.Keys.Where(k => k.Contains("/file/")).ToHashSet();
        Assert.Equal(demo.PublicFiles.Select(id => $"http://localhost/oparl/v1.1/file/{id}").Order(), files.Order());
        var file = Crawler.Objects[files.Single()];
        Assert.Equal($"http://localhost/dateien/{demo.PublicFiles[0]}", file["accessUrl"]!.GetValue<string>());
        Assert.Equal($"http://localhost/dateien/{demo.PublicFiles[0]}/download", file["downloadUrl"]!.GetValue<string>());
        Assert.Equal(("kostenplan.pdf", "application/pdf"), (file["fileName"]!.GetValue<string>(), file["mimeType"]!.GetValue<string>()));
        Assert.Null(file["sha1Checksum"]);
        Assert.Equal($"http://localhost/oparl/v1.1/paper/{demo.Walkthrough}", file["paper"]![0]!.GetValue<string>());
        // The paper embeds its public files only (the non-public one is no object).
        var paper = Crawler.Objects[$"http://localhost/oparl/v1.1/paper/{demo.Walkthrough}"];
        Assert.True(JsonNode.DeepEquals(file, Assert.Single(paper["auxiliaryFile"]!.AsArray())));
        Assert.True(DateTimeOffset.Parse(paper["modified"]!.GetValue<string>()) >= DateTimeOffset.Parse(file["modified"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Omit_internal_drops_the_embedded_lists_of_persons_and_meetings()
    {
        var client = fixture.CreateClient();
        var kyf = fixture.BodyId("kyffhaeuserkreis");
        foreach (var (list, embedded) in new[] { ("person", "membership"), ("meeting", "agendaItem"), ("paper", "consultation") })
        {
            var full = JsonNode.Parse(await client.GetStringAsync($"/oparl/v1.1/body/{kyf}/{list}"))!["data"]!.AsArray();
            Assert.Contains(full, o => o![embedded] is not null);
            var omitted = JsonNode.Parse(await client.GetStringAsync($"/oparl/v1.1/body/{kyf}/{list}?omit_internal=true"))!["data"]!.AsArray();
            Assert.Equal(full.Count, omitted.Count);
            Assert.All(omitted, o => Assert.Null(o![embedded]));
        }
    }

    [Fact]
    public async Task File_urls_answer_inline_and_as_attachment_to_anyone()
    {
        var client = fixture.CreateClient();
        var file = Crawler.Objects[$"http://localhost/oparl/v1.1/file/{fixture.Demo.PublicFiles[0]}"];
        var access = await client.GetAsync(file["accessUrl"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, access.StatusCode);
        Assert.NotEqual("attachment", access.Content.Headers.ContentDisposition?.DispositionType);
        var download = await client.GetAsync(file["downloadUrl"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(file["size"]!.GetValue<long>(), (await download.Content.ReadAsByteArrayAsync()).LongLength);
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

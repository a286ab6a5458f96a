using System.Net;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Features.OParl;

/// <summary>The crawl of <see cref="OParlCrawlTests"/> in short, on each provider: every object type, every rule, no marker.</summary>
public abstract class OParlProviderCrawlTests<TApp>(TApp app) where TApp : VorlagenApp
{
    [ProviderFact]
    public async Task A_crawl_from_System_reaches_every_type_keeps_every_rule_and_shows_nothing_non_public()
    {
        var demo = new OParlDemo(app);
        await demo.CreateAsync();
        var crawler = new OParlCrawler(app.CreateClient());
        await crawler.CrawlAsync();
        Assert.All(crawler.Answers, a => Assert.True(a.Status == HttpStatusCode.OK, $"{a.Url}: {(int)a.Status} {a.Text}"));
        Assert.All(crawler.Answers, a => Assert.DoesNotContain(OParlDemo.Marker, a.Text, StringComparison.OrdinalIgnoreCase));
        foreach (var answer in crawler.Answers)
            Assert.Empty(answer.IsPage ? OParlRules.CheckPage(answer.Json!) : OParlRules.CheckObject(answer.Json!).Select(e => $"{answer.Url} {e}"));
        foreach (var type in new[] { "Person", "Membership", "LegislativeTerm", "Meeting", "AgendaItem", "File", "Location", "Consultation" })
            Assert.True(crawler.Objects.Values.Any(o => o["type"]!.GetValue<string>() == OParlRules.TypePrefix + type), $"no {type} reached");
        Assert.Equal(demo.PublicMeetings.Select(id => $"http://localhost/oparl/v1.1/meeting/{id}").Order(),
            crawler.Objects.Keys.Where(k => k.Contains("/meeting/")).Order());
    }
}

public sealed class SqliteOParlProviderCrawlTests(VorlagenApp app) : OParlProviderCrawlTests<VorlagenApp>(app), IClassFixture<VorlagenApp>;

public sealed class PostgreSqlOParlProviderCrawlTests(PostgreSqlApp app) : OParlProviderCrawlTests<PostgreSqlApp>(app), IClassFixture<PostgreSqlApp>, IPostgresTests;

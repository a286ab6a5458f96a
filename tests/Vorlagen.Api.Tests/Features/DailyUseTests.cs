using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Vorlagen.Api.Features.Papers;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Features;

/// <summary>Issue #18, daily use (items 10–17 through the API): amounts, finance blocks, action dates, withdrawal, pasted text, search, numbering, deleting drafts.</summary>
public sealed class DailyUseTests(VorlagenApp app) : IClassFixture<VorlagenApp>
{
    private readonly PaperApi _api = new(app);
    private int Papers => app.Scalar<int>("SELECT COUNT(*) FROM papers");

    private object Kyf(string reference, object? financialImpact = null, string? title = null, string? originator = null, string? reasoning = null) => new
    {
        bodyId = app.BodyId("kyffhaeuserkreis"), reference, title = title ?? "Integrationskonzept Kyffhäuserkreis 2020", date = "2021-02-15",
        originator = originator ?? "Die Landrätin, Frau Hochwind-Schneider", proposal = "Der Kreistag beschließt das Integrationskonzept.",
        reasoning = reasoning ?? "Die Maßnahmen der Grundversorgung wurden erfolgreich bewältigt.", financialImpact,
    };

    // Item 10: German amounts are read exactly; what could be misread is refused and says what it could mean.
    [Theory]
    [InlineData("250.000", "250000")]
    [InlineData("1.500", "1500")]
    [InlineData("1.234.567", "1234567")]
    [InlineData("250.000,50", "250000.50")]
    [InlineData("12,5", "12.5")]
    [InlineData("250000", "250000")]
    [InlineData("250.000,00 €", "250000")]
    public void German_amounts_are_read_the_German_way(string typed, string expected)
    {
        var reading = GermanAmounts.Parse(typed);
        Assert.Null(reading.Problem);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), reading.Amount);
    }

    [Theory]
    [InlineData("250.00", "Meinen Sie 250,00 €?")]
    [InlineData("1.5", "Meinen Sie 1,50 €?")]
    [InlineData("1,2,3", "mehrere Kommas")]
    [InlineData("12,345", "mehr als zwei Stellen nach dem Komma")]
    [InlineData("1.23.456", "genau drei Ziffern")]
    [InlineData("zwölf", "kein Betrag")]
    public void Ambiguous_amounts_are_refused_with_what_was_understood(string typed, string explanation)
    {
        var reading = GermanAmounts.Parse(typed);
        Assert.Null(reading.Amount);
        Assert.Contains(explanation, reading.Problem);
        Assert.Contains($"„{typed}“", reading.Problem);
    }

    [Fact]
    public async Task The_API_takes_amounts_as_exact_numbers_and_refuses_strings_and_fractions_of_cents()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var created = await _api.CreateAsync(clerk, Kyf("2021/7/501", new { totalCost = 250000.5m, income = 1500 }));
        var finance = created.GetProperty("financialImpact");
        Assert.Equal(250000.5m, finance.GetProperty("totalCost").GetDecimal());
        Assert.Equal(1500m, finance.GetProperty("income").GetDecimal());

        var before = Papers;
        var problem = await (await clerk.PostAsJsonAsync("/api/papers", Kyf("2021/7/502", new { totalCost = "250.000" }))).AssertProblem(400, "validation");
        Assert.Contains("als Zahl", problem.GetProperty("errors").GetProperty("financialImpact.totalCost")[0].GetString());
        problem = await (await clerk.PostAsJsonAsync("/api/papers", Kyf("2021/7/503", new { totalCost = 12.345m }))).AssertProblem(400, "validation");
        Assert.Contains("zwei Stellen", problem.GetProperty("errors").GetProperty("financialImpact.totalCost")[0].GetString());
        Assert.Equal(before, Papers);
    }

    // Item 11: the finance block is the body's configuration.
    [Fact]
    public async Task Each_body_has_its_own_finance_block_and_papers_are_checked_against_it()
    {
        var erz = await (await app.CreateClient().GetAsync($"/api/bodies/{app.BodyId("erzgebirgskreis")}")).ReadJson();
        var erzFields = erz.GetProperty("finance").GetProperty("fields").EnumerateArray().ToList();
        Assert.Equal(["Welche finanziellen Auswirkungen/ Produktsachkonto"], erzFields.Select(f => f.GetProperty("label").GetString()));
        var kyf = await (await app.CreateClient().GetAsync($"/api/bodies/{app.BodyId("kyffhaeuserkreis")}")).ReadJson();
        Assert.Contains(kyf.GetProperty("finance").GetProperty("fields").EnumerateArray(), f => f.GetProperty("key").GetString() == "totalCost"
            && f.GetProperty("kind").GetString() == "money");

        var clerk = await app.ClientFor("erz.clerk");
        var paper = new
        {
            bodyId = app.BodyId("erzgebirgskreis"), title = "Fortschreibung des Integrationskonzeptes", date = "2021-11-23", originator = "Abteilung 2",
            proposal = "Der Kreistag beschließt.", reasoning = "Begründung.", financialImpact = new { impact = "keine" },
        };
        var created = await _api.CreateAsync(clerk, paper);
        Assert.Equal("keine", created.GetProperty("financialImpact").GetProperty("impact").GetString());

        var before = Papers;
        var problem = await (await clerk.PostAsJsonAsync("/api/papers", new
        {
            paper.bodyId, paper.title, paper.date, paper.originator, paper.proposal, paper.reasoning, financialImpact = new { totalCost = 100 },
        })).AssertProblem(400, "validation");
        var message = problem.GetProperty("errors").GetProperty("financialImpact.totalCost")[0].GetString()!;
        Assert.Contains("„totalCost“ gibt es", message);
        Assert.Contains("impact (Welche finanziellen Auswirkungen/ Produktsachkonto)", message);
        Assert.Equal(before, Papers);
    }

    // Item 18: the print view of a Thüringen body prints each finance field once, in seed 004's numbered form.
    [Fact]
    public async Task The_print_view_prints_each_finance_field_once()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var id = PaperApi.Id(await _api.CreateAsync(clerk, Kyf("2021/7/597", new { totalCost = 250000 })));
        await _api.ActAsync(clerk, id, "submit");
        await _api.ActAsync(await app.ClientFor("kyf.landraetin"), id, "release");

        var response = await app.CreateClient().GetAsync($"/vorlagen/{id}/druck");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "Gesamtkosten der Maßnahme"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "Abstimmung mit Kreiskämmerei"));
    }

    // Item 12: submit and release take their historical date; history and release day use it.
    [Fact]
    public async Task Submit_and_release_record_the_date_given_and_the_public_history_shows_it()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var landraetin = await app.ClientFor("kyf.landraetin");
        var id = PaperApi.Id(await _api.CreateAsync(clerk, Kyf("2021/7/510")));
        await _api.ActAsync(clerk, id, "submit", new { date = "2021-02-20" });
        await _api.ActAsync(landraetin, id, "release", new { date = "2021-02-22" });

        Assert.Equal("2021-02-22", app.Scalar<string>("SELECT released_on FROM papers WHERE id = @id", new { id }));
        var history = await (await app.CreateClient().GetAsync($"/api/papers/{id}/history")).ReadJson();
        var release = history.EnumerateArray().Single(h => h.GetProperty("action").GetString() == "release");
        Assert.Equal("2021-02-22", release.GetProperty("date").GetString());
        var officeHistory = await (await clerk.GetAsync($"/api/papers/{id}/history")).ReadJson();
        Assert.Equal("2021-02-20", officeHistory.EnumerateArray().Single(h => h.GetProperty("action").GetString() == "submit").GetProperty("date").GetString());

        var future = BerlinTime.Today(app.Clock).AddDays(1).ToString("yyyy-MM-dd");
        var other = PaperApi.Id(await _api.CreateAsync(clerk, Kyf("2021/7/511")));
        await (await clerk.PostAsJsonAsync($"/api/papers/{other}/actions/submit", new { date = future })).AssertProblem(400, "validation");
        Assert.Equal("draft", app.Scalar<string>("SELECT status FROM papers WHERE id = @other", new { other }));
    }

    // Item 13: withdrawing needs a reason.
    [Fact]
    public async Task Withdrawing_without_a_reason_is_400_and_changes_nothing()
    {
        var (id, _) = await _api.InDeliberationAsync("2021/7/520");
        var clerk = await app.ClientFor("kyf.clerk");
        var version = app.Scalar<int>("SELECT version FROM papers WHERE id = @id", new { id });

        foreach (var body in new object[] { new { }, new { comment = "   " } })
        {
            var problem = await (await clerk.PostAsJsonAsync($"/api/papers/{id}/actions/withdraw", body)).AssertProblem(400, "validation");
            Assert.Contains("Grund für das Zurückziehen", problem.GetProperty("errors").GetProperty("comment")[0].GetString());
        }
        Assert.Equal("in_deliberation", app.Scalar<string>("SELECT status FROM papers WHERE id = @id", new { id }));
        Assert.Equal(version, app.Scalar<int>("SELECT version FROM papers WHERE id = @id", new { id }));

        var withdrawn = await _api.ActAsync(clerk, id, "withdraw", new { comment = "Der Freistaat ändert die Förderung." });
        Assert.Equal("withdrawn", withdrawn.GetProperty("status").GetString());
    }

    // Item 14: invisible characters from Word are removed where harmless, refused with place and marker otherwise.
    [Fact]
    public async Task Harmless_invisible_characters_are_removed_and_a_bidi_override_is_named_with_its_place()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var created = await _api.CreateAsync(clerk, Kyf("2021/7/530", title: "Kyff\u00ADhäuser\u200B Integrations\u200Ekonzept\uFEFF",
            reasoning: "Absatz\u200B eins.\n\nAbsatz\u00AD zwei."));
        var id = PaperApi.Id(created);
        Assert.Equal("Kyffhäuser Integrationskonzept", app.Scalar<string>("SELECT title FROM papers WHERE id = @id", new { id }));
        Assert.Equal("Absatz eins.\n\nAbsatz zwei.", app.Scalar<string>("SELECT reasoning FROM papers WHERE id = @id", new { id }));

        var before = Papers;
        var problem = await (await clerk.PostAsJsonAsync("/api/papers", Kyf("2021/7/531", title: "Integrationskonzept Kyff\u202Ehäuser"))).AssertProblem(400, "validation");
        var message = problem.GetProperty("errors").GetProperty("title")[0].GetString()!;
        Assert.Contains("an Stelle 25", message);
        Assert.Contains("U+202E", message);
        Assert.Contains("Kyff⟦U+202E⟧häuser", message);
        Assert.DoesNotContain("unzulässige Steuerzeichen", message);

        problem = await (await clerk.PostAsJsonAsync("/api/papers", Kyf("2021/7/532", reasoning: "Zeile eins\nZeile\u0007 zwei"))).AssertProblem(400, "validation");
        Assert.Contains("in Zeile 2 an Stelle 6", problem.GetProperty("errors").GetProperty("reasoning")[0].GetString());
        Assert.Equal(before, Papers);
    }

    // Item 15: every word, any order, any field; umlauts fold both ways; the Einreicher is searched.
    [Fact]
    public async Task Search_matches_all_words_in_any_field_with_German_folding()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        await _api.CreateAsync(clerk, Kyf("2021/7/540", title: "Kyffhäuser Radwegekonzept", originator: "Amt für Straßenbau",
            reasoning: "Die Maßnahmen betreffen die Kreisstraße bei Bendeleben."));
        await _api.CreateAsync(clerk, Kyf("2021/7/541", title: "Haushalt 2021", originator: "Kämmerei", reasoning: "Keine Maßnahmen an Straßen."));

        async Task<List<string>> Find(string q) =>
            [.. (await (await clerk.GetAsync("/api/papers?q=" + Uri.EscapeDataString(q))).ReadJson()).GetProperty("items").EnumerateArray()
                .Select(p => p.GetProperty("reference").GetString()!)];

        foreach (var q in new[] { "kyffhauser radweg", "Kyffhaeuser", "KYFFHÄUSER", "radweg kyffhäuser", "bendeleben kyffhauser", "strassenbau", "Straßenbau Radweg" })
            Assert.Contains("2021/7/540", await Find(q));
        Assert.Equal(["2021/7/541", "2021/7/540"], (await Find("Massnahmen")).Where(r => r is "2021/7/540" or "2021/7/541"));
        Assert.Equal(["2021/7/541"], await Find("Kämmerei Haushalt"));
        Assert.Empty(await Find("kyffhauser haushalt"));
        Assert.Empty(await Find("Bendeleben Kämmerei"));
        Assert.Equal("kyffhauser massnahmen", SearchText.Fold("Kyffhäuser Maßnahmen"));
        Assert.Equal(SearchText.Fold("Kyffhaeuser"), SearchText.Fold("kyffhauser"));
        await (await clerk.GetAsync("/api/papers?q=a%20b%20c%20d%20e%20f%20g%20h%20i")).AssertProblem(400, "validation");
    }

    // Item 16: after the highest number of the period, not into gaps.
    [Fact]
    public async Task The_next_number_follows_the_highest_existing_one()
    {
        var clerk = await app.ClientFor("erz.clerk");
        object Paper(string? reference) => new
        {
            bodyId = app.BodyId("erzgebirgskreis"), reference, title = "Vorlage", date = "2021-11-23", originator = "Abteilung 2",
            proposal = "Der Kreistag beschließt.", reasoning = "Begründung.",
        };
        await _api.CreateAsync(clerk, Paper("0640"));
        Assert.Equal("0641", (await _api.CreateAsync(clerk, Paper(null))).GetProperty("reference").GetString());
        Assert.Equal("0642", (await _api.CreateAsync(clerk, Paper(null))).GetProperty("reference").GetString());

        var kyf = await app.ClientFor("kyf.clerk");
        await _api.CreateAsync(kyf, Kyf("2019/7/014"));
        var next = await _api.CreateAsync(kyf, new
        {
            bodyId = app.BodyId("kyffhaeuserkreis"), title = "Vorlage 2019", date = "2019-05-02", originator = "Kämmerei",
            proposal = "Der Kreistag beschließt.", reasoning = "Begründung.",
        });
        Assert.Equal("2019/7/015", next.GetProperty("reference").GetString());
    }

    // Item 17: a draft never submitted can be deleted; its workflow is cancelled and journaled.
    [Fact]
    public async Task A_draft_never_submitted_can_be_deleted_and_its_workflow_is_cancelled()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var id = PaperApi.Id(await _api.CreateAsync(clerk, Kyf("2021/7/550")));
        var instance = app.Scalar<string>("SELECT workflow_instance_id FROM papers WHERE id = @id", new { id });

        await (await (await app.ClientFor("kyf.landraetin")).DeleteAsync($"/api/papers/{id}")).AssertProblem(403, "forbidden");
        var stale = new HttpRequestMessage(HttpMethod.Delete, $"/api/papers/{id}");
        stale.Headers.TryAddWithoutValidation("If-Match", "\"99\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await clerk.SendAsync(stale)).StatusCode);
        Assert.Equal(1, app.Scalar<int>("SELECT COUNT(*) FROM papers WHERE id = @id", new { id }));

        Assert.Equal(HttpStatusCode.NoContent, (await clerk.DeleteAsync($"/api/papers/{id}")).StatusCode);
        Assert.Equal(0, app.Scalar<int>("SELECT COUNT(*) FROM papers WHERE id = @id", new { id }));
        Assert.Equal(0, app.Scalar<int>("SELECT COUNT(*) FROM consultations WHERE paper_id = @id", new { id }));
        Assert.Equal("Cancelled", app.Scalar<string>("SELECT sub_status FROM workflow_instances WHERE id = @instance", new { instance }));
        Assert.Contains("gelöscht von Kreistagsbüro Kyffhäuserkreis", app.Scalar<string>(
            "SELECT message FROM workflow_execution_log WHERE instance_id = @instance AND event_name = 'Cancelled'", new { instance }));
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync($"/api/papers/{id}")).StatusCode);

        // Submitted once and returned: part of the record, only withdrawing is possible.
        var returned = PaperApi.Id(await _api.CreateAsync(clerk, Kyf("2021/7/551")));
        await _api.ActAsync(clerk, returned, "submit");
        await _api.ActAsync(await app.ClientFor("kyf.landraetin"), returned, "return", new { comment = "Bitte ergänzen." });
        var problem = await (await clerk.DeleteAsync($"/api/papers/{returned}")).AssertProblem(409, "not_deletable");
        Assert.Contains("zurückgezogen", problem.GetProperty("detail").GetString());
        Assert.Equal(1, app.Scalar<int>("SELECT COUNT(*) FROM papers WHERE id = @returned", new { returned }));
    }
}

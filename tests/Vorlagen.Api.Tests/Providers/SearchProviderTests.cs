using System.Net;
using System.Text.Json;
using Vorlagen.Api.Features.Papers;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Providers;

/// <summary>
/// The full-text search (<c>q</c>, migration 0019) on each provider: every word in any order and field, German folding,
/// prefixes of three or more letters, quoted phrases, best field first with a marked snippet, filters, paging, Anlagen and
/// results, and visibility as part of the query (a non-public paper or Anlage never shows in a public hit, count or snippet).
/// Each test uses words of its own, so the tests of a class share one database.
/// </summary>
public abstract class SearchProviderTests<TApp>(TApp app) where TApp : VorlagenApp
{
    private readonly PaperApi _api = new(app);

    private async Task<JsonElement> SearchAsync(HttpClient client, string q, string more = "")
    {
        var response = await client.GetAsync($"/api/papers?q={Uri.EscapeDataString(q)}{more}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJson();
    }

    private async Task<List<string>> FindAsync(HttpClient client, string q, string more = "") =>
        [.. (await SearchAsync(client, q, more)).GetProperty("items").EnumerateArray().Select(p => p.GetProperty("reference").GetString()!)];

    private Task<JsonElement> CreateAsync(HttpClient clerk, string reference, string title, string date, string reasoning, string originator = "Bauamt",
        bool isPublic = true) =>
        _api.CreateAsync(clerk, new
        {
            bodyId = app.BodyId("kyffhaeuserkreis"), reference, title, date, originator, proposal = "Siehe Begründung.", reasoning, @public = isPublic,
        });

    private static string Marked(JsonElement snippet, int i)
    {
        var mark = snippet.GetProperty("marks")[i];
        return snippet.GetProperty("text").GetString()!.Substring(mark.GetProperty("start").GetInt32(), mark.GetProperty("length").GetInt32());
    }

    [ProviderFact]
    public async Task Every_word_must_match_in_any_order_and_field_folded_the_German_way_with_prefixes()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        await CreateAsync(clerk, "SU-1", "Radwegekonzept Quärtelbrück", "2022-03-01", "Die Maßnahmen betreffen die Straße bei Zindelwitz, zu 100% gefördert.", "Amt für Straßenbau");
        await CreateAsync(clerk, "SU-2", "Haushalt Quärtelbrück 2022", "2022-03-02", "Rabatt 1000 auf LEDs.", "Kämmerei");

        Assert.Equal(["SU-1"], await FindAsync(clerk, "quärtelbrück zindelwitz"));
        Assert.Equal(["SU-1"], await FindAsync(clerk, "Zindelwitz QUAERTELBRUECK")); // any order, ae/ue and case
        Assert.Equal(["SU-1"], await FindAsync(clerk, "quartelbruck strassenbau zindelwitz")); // a/u and ss, three fields
        Assert.Equal(["SU-1"], await FindAsync(clerk, "STRASSE zindelwitz"));
        Assert.Equal(["SU-2", "SU-1"], await FindAsync(clerk, "Quärtelbrück"));
        Assert.Empty(await FindAsync(clerk, "zindelwitz kämmerei")); // every word: the two are in different papers
        // Prefixes from three letters ("Radweg" → "Radwegekonzept"); shorter words and numbers match whole words only.
        Assert.Equal(["SU-1"], await FindAsync(clerk, "Radweg quärtel"));
        Assert.Equal(["SU-1"], await FindAsync(clerk, "zin quärtelbrück"));
        Assert.Empty(await FindAsync(clerk, "zi quärtelbrück"));
        Assert.Equal(["SU-1"], await FindAsync(clerk, "100% quärtelbrück")); // not "1000"
        Assert.Equal(["SU-2"], await FindAsync(clerk, "1000 quärtelbrück"));
        Assert.Equal(["SU-2"], await FindAsync(clerk, "led quärtelbrück")); // "LEDs"
        // Punctuation is no operator: "[a-z]" is the words a and z, "SU-2" the phrase "su 2".
        Assert.Empty(await FindAsync(clerk, "[a-z] quärtelbrück"));
        Assert.Equal(["SU-2"], await FindAsync(clerk, "su-2"));
        Assert.Equal("quartelbruck", SearchText.Fold("Quärtelbrück"));
    }

    [ProviderFact]
    public async Task Quoted_words_match_as_a_phrase()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        await CreateAsync(clerk, "PH-1", "Zuschlagsfrist Pfelling", "2022-04-01", "Der Kreisausschuss beschließt heute die Frist.");
        await CreateAsync(clerk, "PH-2", "Zuschlagsfrist Pfelling neu", "2022-04-02", "Heute beschließt der Kreisausschuss die Frist.");

        Assert.Equal(["PH-2", "PH-1"], await FindAsync(clerk, "pfelling kreisausschuss beschließt"));
        Assert.Equal(["PH-1"], await FindAsync(clerk, "pfelling \"Kreisausschuss beschliesst\""));
        Assert.Equal(["PH-2"], await FindAsync(clerk, "\"BESCHLIESST DER KREISAUSSCHUSS\" pfelling"));
        Assert.Empty(await FindAsync(clerk, "pfelling \"kreisaus beschließt\"")); // no prefixes inside a phrase
        Assert.Empty(await FindAsync(clerk, "\"pfell\""));
        Assert.Equal(["PH-2", "PH-1"], await FindAsync(clerk, "\"pfelling\"")); // a quoted word matches whole words only
    }

    [ProviderFact]
    public async Task A_phrase_matches_within_one_text_only()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        // The texts follow each other in the index: number, title | Einreicher, proposal ("Siehe Begründung."), reasoning.
        await CreateAsync(clerk, "PX-7", "Grenzstein Wolkramshausen", "2022-04-03", "Kirchturm Ebeleben wird saniert.", originator: "Hochbauamt Nohra");

        Assert.Equal(["PX-7"], await FindAsync(clerk, "\"Kirchturm Ebeleben\""));
        Assert.Equal(["PX-7"], await FindAsync(clerk, "\"Grenzstein Wolkramshausen\" \"hochbauamt nohra\""));
        Assert.Equal(["PX-7"], await FindAsync(clerk, "Begründung Kirchturm wolkramshausen")); // as words, in any texts
        Assert.Empty(await FindAsync(clerk, "\"Begründung Kirchturm\"")); // proposal → reasoning
        Assert.Empty(await FindAsync(clerk, "\"7 Grenzstein\"")); // number → title
        Assert.Empty(await FindAsync(clerk, "\"Wolkramshausen Hochbauamt\"")); // title → Einreicher (another column)
        Assert.Empty(await FindAsync(clerk, "\"Nohra Siehe\"")); // Einreicher → proposal
    }

    [ProviderFact]
    public async Task Hits_come_best_field_first_with_a_marked_snippet_and_page_by_the_next_key()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        // The title hit is the oldest and the Anlage hit the newest: the field decides before the date.
        await CreateAsync(clerk, "RK-T", "Wolkenmühle Sanierung", "2020-01-01", "Bauliche Mängel.");
        await CreateAsync(clerk, "RK-X", "Brandschutz", "2021-01-01", "Die Wolkenmühle in Bendeleben braucht einen zweiten Fluchtweg.");
        var withFile = await CreateAsync(clerk, "RK-F", "Denkmalpflege", "2022-01-01", "Siehe Anlage.");
        await TestFiles.UploadAsync(clerk, PaperApi.Id(withFile), TestFiles.Pdf("Gutachten", "Das Mühlrad der Wolkenmühle ist erhalten."), "gutachten.pdf", "Gutachten");

        var page = await SearchAsync(clerk, "wolkenmuehle");
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["RK-T", "RK-X", "RK-F"], items.Select(i => i.GetProperty("reference").GetString()));
        Assert.Equal(["title", "reasoning", "file"], items.Select(i => i.GetProperty("snippet").GetProperty("field").GetString()));
        Assert.Equal("Anlage 1: Gutachten", items[2].GetProperty("snippet").GetProperty("label").GetString());
        foreach (var item in items) Assert.Equal("Wolkenmühle", Marked(item.GetProperty("snippet"), 0));
        Assert.Contains("zweiten Fluchtweg", items[1].GetProperty("snippet").GetProperty("text").GetString());
        // Without q there is no snippet.
        Assert.False((await (await clerk.GetAsync("/api/papers?pageSize=1")).ReadJson()).GetProperty("items")[0].TryGetProperty("snippet", out _));

        // One hit per page along next: the same order, each once.
        var walked = new List<string>();
        var after = "";
        do
        {
            var one = await SearchAsync(clerk, "wolkenmühle", "&pageSize=1" + after);
            walked.AddRange(one.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("reference").GetString()!));
            after = one.TryGetProperty("next", out var next) ? "&after=" + Uri.EscapeDataString(next.GetString()!) : "";
        } while (after != "" && walked.Count < 10);
        Assert.Equal(["RK-T", "RK-X", "RK-F"], walked);
        Assert.Equal(["RK-X"], await FindAsync(clerk, "wolkenmühle", "&pageSize=1&page=2"));
    }

    [ProviderFact]
    public async Task Filters_still_apply_and_results_are_searched()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var landraetin = await app.ClientFor("kyf.landraetin");
        await CreateAsync(clerk, "FI-1", "Gänsewiese Ankauf", "2021-06-01", "Erster Teil.");
        await CreateAsync(clerk, "FI-2", "Gänsewiese Verkauf", "2022-06-01", "Zweiter Teil.");
        Assert.Equal(["FI-2"], await FindAsync(clerk, "gansewiese", "&year=2022"));
        Assert.Equal(["FI-2", "FI-1"], await FindAsync(clerk, "gansewiese", "&status=draft"));
        Assert.Empty(await FindAsync(clerk, "gansewiese", "&status=signed"));

        // A changed wording recorded as the Kreistag's result is found (and the search row follows in the same transaction).
        var (id, paper) = await _api.InDeliberationAsync("FI-3");
        paper = await _api.RecordAsync(await app.ClientFor("kyf.chair.soziales"), id, PaperApi.ConsultationId(paper, 1),
            new { date = "2021-03-04", outcome = "recommended", votes = new { entitled = 9, yes = 9, no = 0, abstain = 0, recused = 0 } });
        paper = await _api.RecordAsync(landraetin, id, PaperApi.ConsultationId(paper, 2),
            new { date = "2021-03-17", outcome = "recommended", votes = new { entitled = 7, yes = 6, no = 1, abstain = 0, recused = 0 } });
        Assert.Empty(await FindAsync(clerk, "Holunderhecke"));
        await _api.RecordAsync(landraetin, id, PaperApi.ConsultationId(paper, 3), new
        {
            date = "2021-03-31", outcome = "adopted_amended", resolutionText = "Das Konzept wird um die Holunderhecke ergänzt.",
            votes = new { entitled = 33, yes = 27, no = 6, abstain = 0, recused = 0 },
        });
        var hit = (await SearchAsync(app.CreateClient(), "holunderhecke")).GetProperty("items")[0];
        Assert.Equal("FI-3", hit.GetProperty("reference").GetString());
        Assert.Equal("result", hit.GetProperty("snippet").GetProperty("field").GetString());
        Assert.Contains(" holunderhecke ", app.Scalar<string>("SELECT appendix FROM paper_search WHERE paper_id = @id", new { id }));
    }

    [ProviderFact]
    public async Task A_non_public_paper_or_Anlage_never_shows_in_a_public_hit_count_or_snippet()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var landraetin = await app.ClientFor("kyf.landraetin");
        var (open, _) = await _api.InDeliberationAsync("VI-1");
        await TestFiles.UploadAsync(clerk, open, TestFiles.Pdf("Vertrag", "Kaufpreis nach Xylofantasie-Gutachten."), "vertrag.pdf", "Vertrag", isPublic: false);
        await TestFiles.UploadAsync(clerk, open, TestFiles.Pdf("Lageplan", "Lageplan Offenbirke, öffentlich."), "lageplan.pdf", "Lageplan", isPublic: true);
        var secret = PaperApi.Id(await CreateAsync(clerk, "VI-2", "Xylofantasie Grundstück", "2021-05-01", "Vertraulich.", isPublic: false));
        await _api.ActAsync(clerk, secret, "submit");
        await _api.ActAsync(landraetin, secret, "release");

        var anonymous = app.CreateClient();
        foreach (var q in new[] { "xylofantasie", "Xylofantasie Kaufpreis", "xylo", "\"xylofantasie gutachten\"" })
        {
            var response = await anonymous.GetAsync($"/api/papers?q={Uri.EscapeDataString(q)}");
            var text = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("ylofantasie", text, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(0, JsonDocument.Parse(text).RootElement.GetProperty("total").GetInt32());
        }
        var pub = (await SearchAsync(anonymous, "offenbirke")).GetProperty("items")[0];
        Assert.Equal("VI-1", pub.GetProperty("reference").GetString());
        Assert.Equal("Anlage 2: Lageplan", pub.GetProperty("snippet").GetProperty("label").GetString());
        Assert.DoesNotContain("ylofantasie", pub.ToString(), StringComparison.OrdinalIgnoreCase);

        // The office finds both: the non-public Anlage and the non-public paper.
        Assert.Equal(["VI-1", "VI-2"], (await FindAsync(clerk, "xylofantasie")).Order());
        var inFile = (await SearchAsync(clerk, "xylofantasie kaufpreis")).GetProperty("items")[0];
        Assert.Equal("Anlage 1: Vertrag", inFile.GetProperty("snippet").GetProperty("label").GetString());
        Assert.Contains(" xylofantasie ", app.Scalar<string>("SELECT restricted FROM paper_search WHERE paper_id = @open", new { open }));
        Assert.DoesNotContain("xylofantasie", app.Scalar<string>("SELECT appendix FROM paper_search WHERE paper_id = @open", new { open }));
    }

    [ProviderFact]
    public async Task Seed_001_is_found_by_the_text_of_its_Anlage_1()
    {
        var clerk = await app.ClientFor("erz.clerk");
        var paper = await _api.CreateAsync(clerk, new
        {
            bodyId = app.BodyId("erzgebirgskreis"), reference = "0640", title = "Fortschreibung des Integrationskonzeptes Erzgebirgskreis",
            date = "2021-11-23", originator = "Abteilung 2",
            proposal = "Der Kreistag des Erzgebirgskreises beschließt das als Anlage 1 der Beschlussvorlage beigefügte Integrationskonzept und setzt dieses zum 01.01.2022 in Kraft.",
            reasoning = "Mit Beschlussfassung des Kreistages am 7. Juni 2017 wurde zum 1. Juli 2017 das Integrationskonzept Erzgebirgskreis in Kraft gesetzt.",
            @public = true,
        });
        var id = PaperApi.Id(paper);
        var anlage = TestFiles.Pdf("Integrationskonzept Erzgebirgskreis",
            "Das zweite, überarbeitete Integrationskonzept Erzgebirgskreis versteht sich als Rahmenkonzept. Maßgabe: „Wenig, aber das Wichtige zu regeln“.",
            "Handlungsfelder: Sprache, Bildung, Arbeit, Wohnen, Gesundheit.");
        await TestFiles.UploadAsync(clerk, id, anlage, "Integrationskonzept_Erzgebirgskreis.pdf", "Integrationskonzept Erzgebirgskreis");
        await _api.ActAsync(clerk, id, "submit");
        await _api.ActAsync(await app.ClientFor("erz.landrat"), id, "release");

        var hits = (await SearchAsync(app.CreateClient(), "Rahmenkonzept massgabe wohnen")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal("0640", Assert.Single(hits).GetProperty("reference").GetString());
        var snippet = hits[0].GetProperty("snippet");
        Assert.Equal("Anlage 1: Integrationskonzept Erzgebirgskreis", snippet.GetProperty("label").GetString());
        Assert.Equal("Rahmenkonzept", Marked(snippet, 0));
        // Words of title and Anlage together; "Integr" as a prefix ranks the title hit first.
        Assert.Equal(["0640"], await FindAsync(app.CreateClient(), "Integr Handlungsfelder"));
        Assert.Equal("title", (await SearchAsync(app.CreateClient(), "Integr erzgebirgskreis")).GetProperty("items")[0].GetProperty("snippet").GetProperty("field").GetString());
    }

    [ProviderFact]
    public async Task The_list_page_marks_the_hits_and_explains_a_search_without_words()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var id = PaperApi.Id(await CreateAsync(clerk, "UI-1", "Sonnentau <b>im</b> Moor", "2022-05-01", "Der Sonnentau wächst am Moor."));
        await _api.ActAsync(clerk, id, "submit");
        await _api.ActAsync(await app.ClientFor("kyf.landraetin"), id, "release");

        var html = await (await app.CreateClient().GetAsync("/vorlagen?q=sonnentau")).Content.ReadAsStringAsync();
        Assert.Contains("<mark>Sonnentau</mark>", html);
        Assert.Contains("&lt;b&gt;im&lt;/b&gt;", html); // the text around the mark stays encoded
        var bad = await app.CreateClient().GetAsync("/vorlagen?q=" + Uri.EscapeDataString("* -"));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Der Suchbegriff enth", await bad.Content.ReadAsStringAsync()); // "ä" is encoded as a character reference
    }

    [ProviderFact]
    public async Task Bad_search_input_is_a_400_problem_never_a_500()
    {
        var anonymous = app.CreateClient();
        foreach (var q in new[] { "\"\" * - ()", "+", "\"", new string('a', 201), "a b c d e f g h i", "\"a b c d e f g h i j k l m n o p q\"" })
        {
            var problem = await (await anonymous.GetAsync($"/api/papers?q={Uri.EscapeDataString(q)}")).AssertProblem(400, "validation");
            Assert.True(problem.GetProperty("errors").TryGetProperty("q", out _) || problem.GetProperty("errors").TryGetProperty("Q", out _), problem.ToString());
        }
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/papers?q=" + Uri.EscapeDataString("AND OR NOT NEAR \"unclosed"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/papers?q=" + Uri.EscapeDataString("a:* & b <-> c' OR '1'='1"))).StatusCode);
    }
}

public sealed class SqliteSearchProviderTests(VorlagenApp app) : SearchProviderTests<VorlagenApp>(app), IClassFixture<VorlagenApp>;

public sealed class PostgreSqlSearchProviderTests(PostgreSqlApp app) : SearchProviderTests<PostgreSqlApp>(app), IClassFixture<PostgreSqlApp>, IPostgresTests;

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Features;

/// <summary>No control characters in texts; multi-line texts keep line breaks and tabs. Rejected input writes nothing.</summary>
public sealed class ControlCharacterTests(VorlagenApp app) : IClassFixture<VorlagenApp>
{
    private int Papers => app.Scalar<int>("SELECT COUNT(*) FROM papers");

    [Theory]
    [InlineData("title", "\u0000", "Gegenstand")]
    [InlineData("title", "Zeile 1\nZeile 2", "Gegenstand")]
    [InlineData("title", "\u0085", "Gegenstand")]
    [InlineData("originator", "Die Landrätin\u001b[31m", "Einreicher")]
    [InlineData("proposal", "Der Kreistag beschließt\u0007.", "Beschlussvorschlag")]
    [InlineData("reasoning", "\u007f", "Begründung")]
    [InlineData("legalBasis", "§ 1\u0000", "rechtliche Grundlage")]
    [InlineData("reference", "2021/7/014\n", "Vorlagen-Nr.")]
    public async Task A_paper_with_a_control_character_is_400_at_the_field_and_not_written(string field, string text, string named)
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var before = Papers;

        var problem = await (await clerk.PostAsJsonAsync("/api/papers", Paper(field, text))).AssertProblem(400, "validation");

        var messages = problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()!).ToList();
        Assert.Contains(messages, m => m.Contains(named) && m.Contains("Steuerzeichen"));
        Assert.Equal(before, Papers);
    }

    [Fact]
    public async Task A_title_of_only_control_characters_and_whitespace_counts_as_missing()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var before = Papers;

        var problem = await (await clerk.PostAsJsonAsync("/api/papers", Paper("title", " \u0000\t\u0001 "))).AssertProblem(400, "validation");

        Assert.Contains("Bitte geben Sie den Gegenstand (Betreff) der Vorlage an.",
            problem.GetProperty("errors").GetProperty("title").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(before, Papers);
    }

    [Fact]
    public async Task Multi_line_texts_keep_line_breaks_and_tabs()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var paper = Paper("proposal", "Zeile 1\nZeile 2\tx");
        paper["reasoning"] = "Absatz 1\r\n\r\nAbsatz 2";
        paper["financialImpact"] = new JsonObject { ["hasImpact"] = true, ["treasuryStatement"] = "Stellungnahme:\n\tgedeckt" };

        var response = await clerk.PostAsJsonAsync("/api/papers", paper);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = PaperApi.Id(await response.ReadJson());
        Assert.Equal("Zeile 1\nZeile 2\tx", app.Scalar<string>("SELECT proposal FROM papers WHERE id = @id", new { id }));
    }

    [Theory]
    [InlineData("%00")]
    [InlineData("Haushalt%0A")]
    [InlineData("%C2%9B")]
    public async Task A_search_with_a_control_character_is_400(string q)
    {
        var problem = await (await app.CreateClient().GetAsync($"/api/papers?q={q}")).AssertProblem(400, "validation");

        Assert.Contains("Suchbegriff", problem.GetProperty("errors").GetProperty("q")[0].GetString());
    }

    [Fact]
    public async Task A_search_for_ordinary_text_still_works()
    {
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/api/papers?q=Haushalt%20%C3%A4")).StatusCode);
    }

    [Theory]
    [InlineData("name", "Ausschuss\u0007")]
    [InlineData("shortName", "A\tB")]
    [InlineData("name", "\u0000 ")]
    public async Task An_organization_with_a_control_character_is_400_and_not_written(string field, string text)
    {
        var admin = await app.ClientFor("admin");
        var organization = new JsonObject
        {
            ["bodyId"] = app.BodyId("kyffhaeuserkreis"), ["name"] = "Steuerzeichenausschuss", ["shortName"] = "SZA",
            ["kind"] = "beschliessender_ausschuss", ["seats"] = 11, ["chairVotes"] = true,
        };
        organization[field] = text;
        var before = app.Scalar<int>("SELECT COUNT(*) FROM organizations");

        var problem = await (await admin.PostAsJsonAsync("/api/organizations", organization)).AssertProblem(400, "validation");

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), field);
        Assert.Equal(before, app.Scalar<int>("SELECT COUNT(*) FROM organizations"));
    }

    [Fact]
    public async Task A_user_display_name_with_a_line_break_is_400_and_not_written()
    {
        var admin = await app.ClientFor("admin");
        var before = app.Scalar<int>("SELECT COUNT(*) FROM users");

        var response = await admin.PostAsJsonAsync("/api/users", new
        {
            bodyId = app.BodyId("kyffhaeuserkreis"), username = "steuer.zeichen", displayName = "Erika\nMustermann",
            password = "ein-langes-passwort", roles = new[] { new { role = "clerk" } },
        });

        var problem = await response.AssertProblem(400, "validation");
        Assert.Contains("Steuerzeichen", problem.GetProperty("errors").GetProperty("displayName")[0].GetString());
        Assert.Equal(before, app.Scalar<int>("SELECT COUNT(*) FROM users"));
    }

    [Fact]
    public async Task A_username_with_a_trailing_line_break_is_400_and_not_written()
    {
        var admin = await app.ClientFor("admin");
        var before = app.Scalar<int>("SELECT COUNT(*) FROM users");

        var response = await admin.PostAsJsonAsync("/api/users", new
        {
            bodyId = app.BodyId("kyffhaeuserkreis"), username = "kyf.neu\n", displayName = "Erika Mustermann",
            password = "ein-langes-passwort", roles = new[] { new { role = "clerk" } },
        });

        var problem = await response.AssertProblem(400, "validation");
        Assert.Contains("Steuerzeichen", problem.GetProperty("errors").GetProperty("username")[0].GetString());
        Assert.Equal(before, app.Scalar<int>("SELECT COUNT(*) FROM users"));
    }

    [Fact]
    public async Task A_comment_with_a_control_character_is_400_and_the_action_not_taken()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var id = PaperApi.Id(await new PaperApi(app).CreateAsync(clerk, Paper("title", "Kreisstraße")));

        var response = await clerk.PostAsJsonAsync($"/api/papers/{id}/actions/withdraw", new { comment = "Erledigt\u0007" });

        Assert.Contains("Steuerzeichen", (await response.AssertProblem(400, "validation")).GetProperty("errors").GetProperty("comment")[0].GetString());
        Assert.Equal("draft", app.Scalar<string>("SELECT status FROM papers WHERE id = @id", new { id }));
    }

    private JsonObject Paper(string field, string text)
    {
        var paper = new JsonObject
        {
            ["bodyId"] = app.BodyId("kyffhaeuserkreis"), ["title"] = "Integrationskonzept", ["originator"] = "Die Landrätin",
            ["proposal"] = "Der Kreistag beschließt das Konzept.", ["reasoning"] = "Begründung.",
        };
        paper[field] = text;
        return paper;
    }
}

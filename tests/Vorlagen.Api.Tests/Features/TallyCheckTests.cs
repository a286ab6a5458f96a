using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Features;

/// <summary>The form helper endpoint: same engine as result recording, writes nothing.</summary>
public sealed class TallyCheckTests(VorlagenApp app) : IClassFixture<VorlagenApp>
{
    private const string KyfAusschuss = "Ausschuss für Soziales, Familie, Gesundheit, Gleichstellung und Ausländerfragen";
    private readonly HttpClient _client = app.CreateClient();

    private async Task<JsonElement> Check(long organizationId, object request)
    {
        var response = await _client.PostAsJsonAsync($"/api/organizations/{organizationId}/tally-check", request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJson();
    }

    [Fact]
    public async Task Seed_tally_of_the_Kyffhaeuser_Kreistag_is_valid_and_passed()
    {
        var result = await Check(app.OrganizationId("kyffhaeuserkreis", "Kreistag"), new
        {
            votes = new { entitled = 33, yes = 27, no = 6, abstain = 0, recused = 0 }, outcome = "adopted", role = "beschliessend", date = "2021-03-31",
        });

        Assert.True(result.GetProperty("valid").GetBoolean());
        var derived = result.GetProperty("derived");
        Assert.True(derived.GetProperty("passed").GetBoolean());
        Assert.False(derived.GetProperty("unanimous").GetBoolean());
        Assert.Equal(33, derived.GetProperty("quorum").GetProperty("present").GetInt32());
        Assert.Equal(27, derived.GetProperty("majority").GetProperty("yes").GetInt32());
    }

    [Fact]
    public async Task One_abstention_is_still_unanimous()
    {
        var result = await Check(app.OrganizationId("erzgebirgskreis", "Ausschuss für Familie, Bildung, Gesundheit und Soziales"), new
        {
            votes = new { entitled = 12, yes = 11, no = 0, abstain = 1 }, outcome = "recommended", role = "vorberatend", date = "2021-11-22",
        });

        Assert.True(result.GetProperty("valid").GetBoolean());
        Assert.True(result.GetProperty("derived").GetProperty("unanimous").GetBoolean());
        Assert.Equal("einstimmig bei 1 Enthaltung", result.GetProperty("derived").GetProperty("unanimityText").GetString());
    }

    [Fact]
    public async Task Citations_say_whether_their_wording_is_verified_and_elections_have_their_rule()
    {
        var kyf = await Check(app.OrganizationId("kyffhaeuserkreis", "Kreistag"), new
        {
            votes = new { entitled = 45, yes = 17, no = 28 }, outcome = "adopted", role = "beschliessend", date = "2021-03-31",
        });
        var election = await Check(app.OrganizationId("erzgebirgskreis", "Kreistag"), new
        {
            votes = new { entitled = 80, yes = 40, no = 20, abstain = 20 }, outcome = "adopted", role = "beschliessend", date = "2024-06-12", majority = "election",
        });

        Assert.False(kyf.GetProperty("errors")[0].GetProperty("wordingVerified").GetBoolean());
        Assert.False(kyf.GetProperty("derived").GetProperty("quorum").GetProperty("wordingVerified").GetBoolean());
        var error = Assert.Single(election.GetProperty("errors").EnumerateArray());
        Assert.Equal("outcome.contradicts_tally", error.GetProperty("code").GetString());
        Assert.Equal("§ 35 Abs. 7 Satz 2 SächsLKrO", error.GetProperty("citation").GetString());
        Assert.True(error.GetProperty("wordingVerified").GetBoolean());
        Assert.Equal(41, election.GetProperty("derived").GetProperty("majority").GetProperty("required").GetInt32());
    }

    [Fact]
    public async Task A_Saxon_Kreistag_whose_chair_does_not_vote_is_set_up_against_the_law()
    {
        var admin = await app.ClientFor("admin");
        var created = await admin.PostAsJsonAsync("/api/organizations", new
        {
            bodyId = app.BodyId("erzgebirgskreis"), name = "Kreistag (Testanlage)", shortName = "KT2", kind = "kreistag", seats = 99, chairVotes = false,
        });
        var id = (await created.ReadJson()).GetProperty("id").GetInt64();

        var result = await Check(id, new { votes = new { entitled = 80, yes = 70, no = 10 }, outcome = "adopted", role = "beschliessend", date = "2024-06-12" });

        Assert.False(result.GetProperty("valid").GetBoolean());
        var error = Assert.Single(result.GetProperty("errors").EnumerateArray());
        Assert.Equal("organization.chair_must_vote", error.GetProperty("code").GetString());
        Assert.Equal("§ 48 Abs. 1 Satz 1 SächsLKrO", error.GetProperty("citation").GetString());
    }

    [Fact]
    public async Task Adopted_label_with_more_no_than_yes_is_invalid_with_citation()
    {
        var result = await Check(app.OrganizationId("kyffhaeuserkreis", "Kreistag"), new
        {
            votes = new { entitled = 45, yes = 17, no = 28 }, outcome = "adopted", role = "beschliessend", date = "2021-03-31",
        });

        Assert.False(result.GetProperty("valid").GetBoolean());
        var error = Assert.Single(result.GetProperty("errors").EnumerateArray());
        Assert.Equal("outcome.contradicts_tally", error.GetProperty("code").GetString());
        Assert.Contains("ThürKO", error.GetProperty("citation").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Too_few_present_is_not_quorate_naming_required_and_present()
    {
        var result = await Check(app.OrganizationId("kyffhaeuserkreis", KyfAusschuss), new
        {
            votes = new { entitled = 5, yes = 5, no = 0 }, outcome = "recommended", role = "vorberatend", date = "2021-03-04",
        });

        var error = result.GetProperty("errors").EnumerateArray().Single(e => e.GetProperty("code").GetString() == "quorum.not_reached");
        Assert.Contains("5", error.GetProperty("message").GetString());
        Assert.Contains("6", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task More_present_than_seats_is_invalid()
    {
        var result = await Check(app.OrganizationId("kyffhaeuserkreis", "Kreisausschuss"), new
        {
            votes = new { entitled = 12, yes = 12, no = 0 }, outcome = "recommended", role = "vorberatend",
        });
        Assert.Contains(result.GetProperty("errors").EnumerateArray(), e => e.GetProperty("code").GetString() == "tally.exceeds_seats");
    }

    [Fact]
    public async Task Negative_votes_are_400_per_field_and_unknown_organization_is_404()
    {
        var response = await _client.PostAsJsonAsync($"/api/organizations/{app.OrganizationId("kyffhaeuserkreis", "Kreistag")}/tally-check",
            new { votes = new { entitled = 10, yes = -1, no = 0 }, outcome = "adopted" });
        var problem = await response.AssertProblem(400, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("votes.yes", out _));

        await (await _client.PostAsJsonAsync("/api/organizations/9999/tally-check", new { outcome = "adopted" })).AssertProblem(404, "not_found");
    }

    [Fact]
    public async Task Fractional_votes_are_400()
    {
        var response = await _client.PostAsync($"/api/organizations/{app.OrganizationId("kyffhaeuserkreis", "Kreistag")}/tally-check",
            new StringContent("{\"votes\":{\"entitled\":10,\"yes\":2.5,\"no\":0},\"outcome\":\"adopted\"}", System.Text.Encoding.UTF8, "application/json"));
        await response.AssertProblem(400, "malformed_json");
    }
}

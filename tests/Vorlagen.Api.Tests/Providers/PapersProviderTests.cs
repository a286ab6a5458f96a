using System.Net;
using Dapper;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Providers;

/// <summary>
/// A paper's whole path over HTTP on each provider: create (numbered), submit, release, three results,
/// sign-off, history, journal, lists with paging; the database agrees with every answer.
/// </summary>
public abstract class PapersProviderTests<TApp>(TApp app) where TApp : VorlagenApp
{
    private readonly PaperApi _api = new(app);

    [ProviderFact]
    public async Task A_paper_goes_from_draft_to_signed_and_the_database_agrees()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var chair = await app.ClientFor("kyf.chair.soziales");
        var landraetin = await app.ClientFor("kyf.landraetin");
        var body = app.BodyId("kyffhaeuserkreis");

        // Without a reference the body's pattern numbers it (its counter row is written in the same transaction).
        var numbered = await _api.CreateAsync(clerk, new
        {
            bodyId = body, paperType = "Beschlussvorlage", title = "Kreisstraßen 2021", date = "2021-05-10", originator = "Bauamt",
            proposal = "Der Kreistag beschließt das Sanierungsprogramm.", reasoning = "Die Brücke bei Bendeleben ist marode.", @public = true,
        });
        Assert.False(string.IsNullOrEmpty(numbered.GetProperty("reference").GetString()));

        var paper = await _api.CreateAsync(clerk, PaperApi.KyffhaeuserPaper(body));
        var id = PaperApi.Id(paper);
        Assert.Equal(3, paper.GetProperty("consultations").GetArrayLength());
        Assert.True(paper.GetProperty("public").GetBoolean());
        await _api.ActAsync(clerk, id, "submit");
        paper = await _api.ActAsync(landraetin, id, "release");
        paper = await _api.RecordAsync(chair, id, PaperApi.ConsultationId(paper, 1), new
        {
            date = "2021-03-04", outcome = "recommended", votes = new { entitled = 9, yes = 9, no = 0, abstain = 0, recused = 0 },
        });
        paper = await _api.RecordAsync(landraetin, id, PaperApi.ConsultationId(paper, 2), new
        {
            date = "2021-03-17", outcome = "recommended", votes = new { entitled = 7, yes = 6, no = 1, abstain = 0, recused = 0 },
        });
        paper = await _api.RecordAsync(landraetin, id, PaperApi.ConsultationId(paper, 3), new
        {
            date = "2021-03-31", outcome = "adopted", votes = new { entitled = 33, yes = 27, no = 6, abstain = 0, recused = 0 },
        });
        Assert.Equal(["sign", "object"], PaperApi.Actions(await _api.GetAsync(landraetin, id)));
        paper = await _api.ActAsync(landraetin, id, "sign", new { date = "2021-04-01" });
        Assert.Equal("signed", paper.GetProperty("status").GetString());
        Assert.Equal("2021-04-01", paper.GetProperty("signedDate").GetString());

        using (var db = app.OpenDatabase())
        {
            Assert.Equal("signed", await db.ExecuteScalarAsync<string>("SELECT status FROM papers WHERE id = @id", new { id }));
            Assert.Equal("2021-04-01", await db.ExecuteScalarAsync<string>("SELECT signed_date FROM papers WHERE id = @id", new { id }));
            Assert.Equal(1, await db.ExecuteScalarAsync<int>("SELECT is_public FROM papers WHERE id = @id AND released_on IS NOT NULL", new { id }));
            Assert.Contains("Hochwind-Schneider", await db.ExecuteScalarAsync<string>("SELECT updated_by FROM papers WHERE id = @id", new { id }));
            Assert.Equal(27, await db.ExecuteScalarAsync<int>("SELECT votes_yes FROM consultations WHERE paper_id = @id AND position = 3", new { id }));
            Assert.Equal(3, await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM consultations WHERE paper_id = @id AND status = 'done'", new { id }));
            Assert.Equal(0, await db.ExecuteScalarAsync<int>(
                "SELECT COUNT(*) FROM workflow_bookmarks b JOIN papers p ON p.workflow_instance_id = b.instance_id WHERE p.id = @id", new { id }));
        }

        var history = await (await clerk.GetAsync($"/api/papers/{id}/history")).ReadJson();
        Assert.Equal("sign", history.EnumerateArray().Last().GetProperty("action").GetString());
        var verify = await (await clerk.GetAsync($"/api/papers/{id}/journal/verify")).ReadJson();
        Assert.True(verify.GetProperty("valid").GetBoolean());

        // The public list shows the signed public paper; paging is stable (newest first).
        var anonymous = app.CreateClient();
        var list = await (await anonymous.GetAsync($"/api/papers?bodyId={body}&pageSize=1&page=1")).ReadJson();
        Assert.Equal("2021/7/014", list.GetProperty("items")[0].GetProperty("reference").GetString());
        Assert.True(list.GetProperty("total").GetInt32() >= 1);
        var office = await (await clerk.GetAsync($"/api/papers?bodyId={body}&pageSize=1&page=1")).ReadJson();
        Assert.Equal(numbered.GetProperty("reference").GetString(), office.GetProperty("items")[0].GetProperty("reference").GetString());
        var second = await (await clerk.GetAsync($"/api/papers?bodyId={body}&pageSize=1&page=2")).ReadJson();
        Assert.Equal("2021/7/014", second.GetProperty("items")[0].GetProperty("reference").GetString());
    }

    [ProviderFact]
    public async Task Flags_dates_and_edits_round_trip_and_a_stale_edit_changes_nothing()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var body = app.BodyId("kyffhaeuserkreis");
        var paper = await _api.CreateAsync(clerk, PaperApi.KyffhaeuserPaper(body, "2021/7/901"));
        var id = PaperApi.Id(paper);
        var etag = (await clerk.GetAsync($"/api/papers/{id}")).Headers.ETag!;

        var edit = new HttpRequestMessage(HttpMethod.Put, $"/api/papers/{id}") { Content = System.Net.Http.Json.JsonContent.Create(_api.KyffhaeuserEdit(body, "2021/7/901")) };
        edit.Headers.IfMatch.Add(etag);
        Assert.Equal(HttpStatusCode.OK, (await clerk.SendAsync(edit)).StatusCode);
        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/papers/{id}") { Content = System.Net.Http.Json.JsonContent.Create(_api.KyffhaeuserEdit(body, "2021/7/901")) };
        stale.Headers.IfMatch.Add(etag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await clerk.SendAsync(stale)).StatusCode);

        using var db = app.OpenDatabase();
        Assert.Equal("Integrationskonzept Kyffhäuserkreis 2020 (überarbeitet)",
            await db.ExecuteScalarAsync<string>("SELECT title FROM papers WHERE id = @id", new { id }));
        Assert.Equal(2, await db.ExecuteScalarAsync<int>("SELECT version FROM papers WHERE id = @id", new { id }));
        Assert.Equal("2021-02-15", await db.ExecuteScalarAsync<string>("SELECT paper_date FROM papers WHERE id = @id", new { id }));
        Assert.True(await db.ExecuteScalarAsync<bool>("SELECT is_public FROM papers WHERE id = @id", new { id }));
        Assert.Equal(1, await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM papers WHERE id = @id AND is_public = @yes", new { id, yes = true }));
    }
}

public sealed class SqlitePapersProviderTests(VorlagenApp app) : PapersProviderTests<VorlagenApp>(app), IClassFixture<VorlagenApp>;

public sealed class PostgreSqlPapersProviderTests(PostgreSqlApp app) : PapersProviderTests<PostgreSqlApp>(app), IClassFixture<PostgreSqlApp>, IPostgresTests;

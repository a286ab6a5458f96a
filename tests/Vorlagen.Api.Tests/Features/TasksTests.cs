using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Features;

/// <summary>"Meine Aufgaben": each step of a paper shows up for exactly the users who may take it, with its date.</summary>
public sealed class TasksTests(VorlagenApp app) : IClassFixture<VorlagenApp>
{
    private readonly PaperApi _api = new(app);

    [Fact]
    public async Task Anonymous_callers_get_401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/tasks")).StatusCode);
    }

    [Fact]
    public async Task Each_step_of_the_Kyffhaeuser_path_is_a_task_of_the_right_user_only()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var landraetin = await app.ClientFor("kyf.landraetin");
        var chair = await app.ClientFor("kyf.chair.soziales");
        var otherChair = await app.ClientFor("kyf.chair.wirtschaft");
        var member = await app.ClientFor("kyf.member");
        var id = PaperApi.Id(await _api.CreateAsync(clerk, PaperApi.KyffhaeuserPaper(app.BodyId("kyffhaeuserkreis"), "2021/7/901")));

        Assert.Equal("draft", (await TaskOf(clerk, id))?.GetProperty("kind").GetString());
        Assert.Null(await TaskOf(landraetin, id));

        await _api.ActAsync(clerk, id, "submit");
        Assert.Null(await TaskOf(clerk, id));
        var release = (await TaskOf(landraetin, id))!.Value;
        Assert.Equal(("release", "Vorlage freigeben"), (release.GetProperty("kind").GetString(), release.GetProperty("label").GetString()));
        Assert.Null(await TaskOf(chair, id));

        var paper = await _api.ActAsync(landraetin, id, "release");
        var result = (await TaskOf(chair, id))!.Value;
        Assert.Equal("result", result.GetProperty("kind").GetString());
        Assert.Equal(PaperApi.ConsultationId(paper, 1), result.GetProperty("consultationId").GetInt64());
        Assert.Equal(PaperApi.KyfAusschuss, result.GetProperty("organizationName").GetString());
        Assert.Contains("record_result", result.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("result", (await TaskOf(clerk, id))?.GetProperty("kind").GetString());
        foreach (var client in new[] { landraetin, otherChair, member }) Assert.Null(await TaskOf(client, id));

        await _api.RecordAsync(chair, id, PaperApi.ConsultationId(paper, 1), new
        {
            date = "2021-03-04", outcome = "recommended", votes = new { entitled = 9, yes = 9, no = 0, abstain = 0, recused = 0 },
        });
        Assert.Null(await TaskOf(chair, id));
        var kreisausschuss = (await TaskOf(landraetin, id))!.Value;
        Assert.Equal(("result", "Kreisausschuss"), (kreisausschuss.GetProperty("kind").GetString(), kreisausschuss.GetProperty("organizationName").GetString()));
        Assert.Empty((await Tasks(member)).EnumerateArray());
    }

    [Fact]
    public async Task A_Saxon_decision_to_sign_shows_the_Widerspruch_deadline_with_its_citation()
    {
        var (id, clerk, landrat) = await ErzgebirgeDecisionAsync("0640");

        var sign = (await TaskOf(landrat, id))!.Value;

        Assert.Equal("sign", sign.GetProperty("kind").GetString());
        Assert.Equal("Kreistag", sign.GetProperty("organizationName").GetString());
        // The period was one week until 4 March 2022 (SächsLKrO then in force): 08.12.2021 + 1 week.
        Assert.Equal("2021-12-15", sign.GetProperty("due").GetString());
        Assert.Equal("§ 48 Abs. 2 Satz 2 SächsLKrO a.F.", sign.GetProperty("dueCitation").GetString());
        Assert.StartsWith("Widerspruch bis", sign.GetProperty("dueLabel").GetString());
        Assert.Equal(["sign", "object"], sign.GetProperty("actions").EnumerateArray().Select(a => a.GetString()!));
        Assert.Null(await TaskOf(clerk, id));
    }

    [Fact]
    public async Task After_a_Widerspruch_the_new_decision_shows_the_deadline_for_the_new_session()
    {
        var (id, clerk, landrat) = await ErzgebirgeDecisionAsync("0641");
        var paper = await _api.ActAsync(landrat, id, "object", new { comment = "Verstößt gegen § 72 SächsHO.", date = "2021-12-10" });

        var rehearing = (await TaskOf(landrat, id))!.Value;

        Assert.Equal("result", rehearing.GetProperty("kind").GetString());
        Assert.Equal(PaperApi.ConsultationId(paper, 3), rehearing.GetProperty("consultationId").GetInt64());
        Assert.Equal("Erneut beschließen nach Widerspruch: Kreistag", rehearing.GetProperty("label").GetString());
        // Four weeks from the objected session of 08.12.2021.
        Assert.Equal("2022-01-05", rehearing.GetProperty("due").GetString());
        Assert.Equal("§ 48 Abs. 2 Satz 4 Halbsatz 2 SächsLKrO", rehearing.GetProperty("dueCitation").GetString());
        Assert.StartsWith("Neue Sitzung spätestens", rehearing.GetProperty("dueLabel").GetString());
        // The clerk may record it too, and sees the same deadline.
        Assert.Equal("2022-01-05", (await TaskOf(clerk, id))!.Value.GetProperty("due").GetString());
    }

    [Fact]
    public async Task A_returned_draft_tells_the_clerk_why_and_a_renewed_decision_can_be_signed_or_objected_again()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var landraetin = await app.ClientFor("kyf.landraetin");
        var id = PaperApi.Id(await _api.CreateAsync(clerk, PaperApi.KyffhaeuserPaper(app.BodyId("kyffhaeuserkreis"), "2021/7/902")));
        Assert.Equal(JsonValueKind.Null, (await TaskOf(clerk, id))!.Value.GetProperty("note").ValueKind);
        await _api.ActAsync(clerk, id, "submit");
        await _api.ActAsync(landraetin, id, "return", new { comment = "Bitte die Kosten für 2022 ergänzen." });

        var draft = (await TaskOf(clerk, id))!.Value;
        Assert.Equal("draft", draft.GetProperty("kind").GetString());
        Assert.StartsWith("Zurückgegeben von ", draft.GetProperty("note").GetString());
        Assert.EndsWith(": Bitte die Kosten für 2022 ergänzen.", draft.GetProperty("note").GetString());

        var (erzId, _, landrat) = await ErzgebirgeDecisionAsync("0642");
        var paper = await _api.ActAsync(landrat, erzId, "object", new { comment = "Nachteilig für den Landkreis.", date = "2021-12-10" });
        await _api.RecordAsync(landrat, erzId, PaperApi.ConsultationId(paper, 3), new
        {
            date = "2021-12-20", outcome = "adopted", votes = new { entitled = 80, yes = 60, no = 20, abstain = 0, recused = 0 },
        });
        var sign = (await TaskOf(landrat, erzId))!.Value;
        Assert.Equal("sign", sign.GetProperty("kind").GetString());
        // § 48 Abs. 2 Satz 5 SächsLKrO: a second Widerspruch is possible, within the period counted from the renewed decision.
        Assert.Equal("Beschluss ausfertigen oder Widerspruch einlegen", sign.GetProperty("label").GetString());
        Assert.Equal("2021-12-27", sign.GetProperty("due").GetString());
        Assert.Equal(["sign", "object"], sign.GetProperty("actions").EnumerateArray().Select(a => a.GetString()!));

        await _api.ActAsync(landrat, erzId, "object", new { comment = "Weiterhin rechtswidrig.", date = "2021-12-22" });
        var supervision = (await TaskOf(landrat, erzId))!.Value;
        Assert.Equal("objected_again", supervision.GetProperty("status").GetString());
        Assert.StartsWith("Entscheidung der Rechtsaufsichtsbehörde eintragen", supervision.GetProperty("label").GetString());
        Assert.Equal(["sign", "set_aside"], supervision.GetProperty("actions").EnumerateArray().Select(a => a.GetString()!));
    }

    /// <summary>Erzgebirgskreis paper decided by the Kreistag on 08.12.2021, awaiting Ausfertigung.</summary>
    private async Task<(long Id, HttpClient Clerk, HttpClient Landrat)> ErzgebirgeDecisionAsync(string reference)
    {
        var clerk = await app.ClientFor("erz.clerk");
        var landrat = await app.ClientFor("erz.landrat");
        var chair = await app.ClientFor("erz.chair.soziales");
        var id = PaperApi.Id(await _api.CreateAsync(clerk, new
        {
            bodyId = app.BodyId("erzgebirgskreis"), reference, title = "Fortschreibung des Integrationskonzeptes Erzgebirgskreis",
            date = "2021-11-23", originator = "Abteilung 2", proposal = "Der Kreistag beschließt das Integrationskonzept.", reasoning = "Begründung.",
        }));
        await _api.ActAsync(clerk, id, "submit");
        var paper = await _api.ActAsync(landrat, id, "release");
        paper = await _api.RecordAsync(chair, id, PaperApi.ConsultationId(paper, 1), new
        {
            date = "2021-11-22", outcome = "recommended", votes = new { entitled = 14, yes = 13, no = 0, abstain = 1, recused = 0 },
        });
        await _api.RecordAsync(landrat, id, PaperApi.ConsultationId(paper, 2), new
        {
            date = "2021-12-08", outcome = "adopted", votes = new { entitled = 80, yes = 70, no = 5, abstain = 5, recused = 0 },
        });
        return (id, clerk, landrat);
    }

    private static async Task<JsonElement> Tasks(HttpClient client)
    {
        var response = await client.GetAsync("/api/tasks");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(VorlagenApp.Json)).GetProperty("items");
    }

    private static async Task<JsonElement?> TaskOf(HttpClient client, long paperId) =>
        (await Tasks(client)).EnumerateArray().Where(t => t.GetProperty("paperId").GetInt64() == paperId).Cast<JsonElement?>().SingleOrDefault();
}

using System.Net.Http.Json;
using System.Text.Json;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Features.PaperTypes;

/// <summary>
/// Seed 003 end to end over HTTP: Kreisrätin Kahl asks on 02.09.2015; the Referat Kreistag/Wahlen answers on 07.09.2015,
/// signed by the Landrat, nachrichtlich to the Fraktionsvorsitzende, Gruppenvorsitzende and fraktionslose Kreisräte.
/// </summary>
public sealed class AnfrageTests(VorlagenApp app) : IClassFixture<VorlagenApp>
{
    private readonly PaperApi _api = new(app);

    public const string Question1 =
        "Erwägt der Landkreis zur Stärkung der Arbeit lokaler und regionaler Netzwerke bzw. für Koordinierungsaufgaben von der Fördermaßnahme " +
        "zur Schaffung einer „Koordinierungskraft Integration“ (II,2) Gebrauch zu machen, um auch den ehrenamtlich tätigen Integrations- und " +
        "Ausländerbeauftragten des Kreises in seiner Tätigkeit zu unterstützen?";
    public const string Question2 = "Wenn ja, wie ist der Stand der Vorbereitungen für diese Fördermaßnahme?";
    public const string Answer =
        "Bereits in Kenntnis der nunmehr vorliegende Richtlinie zur Förderung der sozialen Integration und Partizipation von Personen mit " +
        "Migrationshintergrund und der Stärkung des gesellschaftlichen Zusammenhalts wurde durch das Landratsamt Erzgebirgskreis umgehend eine " +
        "zusätzliche Koordinierungskraft im Sinne der Richtlinie mit Wirkung zum 01.09.2015 im Fachbereich des Sachgebietes Migration u. " +
        "Personenstandswesen eingestellt.";

    public static object Seed003(long bodyId, string reference, bool isPublic = true, string title = "Integration von Ausländern") => new
    {
        bodyId, reference, paperType = "anfrage", title, date = "2015-09-02",
        originator = "Frau Kreisrätin Ulrike Kahl", @public = isPublic,
        fields = new
        {
            channel = "schriftlich",
            preamble = "Meine Anfrage richtet sich auf den Erlass der Richtlinie des Sächs. Sozialministeriums vom 07.07.2015 zur Förderung der " +
                       "sozialen Integration und Partizipation von Personen mit Migrationshintergrund, Teil 2.",
            questions = new[] { Question1, Question2 },
        },
    };

    [Fact]
    public async Task Seed_003_is_asked_assigned_answered_signed_sent_and_published()
    {
        var clerk = await app.ClientFor("erz.clerk");
        var landrat = await app.ClientFor("erz.landrat");
        var created = await _api.CreateAsync(clerk, Seed003(app.BodyId("erzgebirgskreis"), "A-2015/07"));
        var id = PaperApi.Id(created);
        Assert.Equal("received", created.GetProperty("status").GetString());
        Assert.Equal("Anfrage", created.GetProperty("paperTypeLabel").GetString());
        Assert.Contains("assign", PaperApi.Actions(created));

        // § 24 Abs. 6 SächsLKrO since 01.01.2014: "grundsätzlich vier Wochen" from receipt.
        var deadline = created.GetProperty("deadlines").EnumerateArray().Single();
        Assert.Equal("answer", deadline.GetProperty("code").GetString());
        Assert.Equal("2015-09-30", deadline.GetProperty("due").GetString());
        Assert.Equal("§ 24 Abs. 6 Satz 1 SächsLKrO", deadline.GetProperty("citation").GetString());
        Assert.Equal("2014-01-01", deadline.GetProperty("validFrom").GetString());
        Assert.True(deadline.GetProperty("isDefault").GetBoolean());
        Assert.True(deadline.GetProperty("wordingVerified").GetBoolean());
        Assert.Equal("4 Wochen", deadline.GetProperty("period").GetString());

        await _api.ActAsync(clerk, id, "assign", new
        {
            date = "2015-09-03",
            fields = new { leadUnit = "Referat Kreistag/Wahlen", handler = "Herr Helmert", internalDeadline = "2015-09-16", fileNumber = "012.16/15-02000.he" },
        });
        var drafted = await _api.ActAsync(clerk, id, "answer", new
        {
            date = "2015-09-04",
            fields = new
            {
                combinedAnswer = Answer, replyChannel = "ausschließlich per E-Mail",
                distribution = new[] { "Fraktionsvorsitzende", "Vorsitzende der Gruppen", "fraktionslose Kreisräte" },
            },
        });
        Assert.Equal("answer_drafted", drafted.GetProperty("status").GetString());
        Assert.Equal(["sign", "return"], PaperApi.Actions(await _api.GetAsync(landrat, id)).Order().Reverse());
        var signed = await _api.ActAsync(landrat, id, "sign", new { date = "2015-09-07", fields = new { signatory = "F. Vogel" } });
        Assert.Equal("signed", signed.GetProperty("status").GetString());
        Assert.Equal("2015-09-07", signed.GetProperty("signedDate").GetString());
        await _api.ActAsync(clerk, id, "send", new { date = "2015-09-07" });
        var done = await _api.ActAsync(clerk, id, "publish", new { date = "2015-09-08" });
        Assert.Equal("published", done.GetProperty("status").GetString());
        Assert.False(done.GetProperty("deadlines")[0].GetProperty("overdue").GetBoolean());

        var fields = done.GetProperty("fields");
        Assert.Equal("012.16/15-02000.he", fields.GetProperty("fileNumber").GetString());
        Assert.Equal(2, fields.GetProperty("questions").GetArrayLength());
        Assert.Equal(Answer, fields.GetProperty("combinedAnswer").GetString());

        // Published and public: anonymous callers read it, and its print view is laid out like seed 003.
        var anonymous = app.CreateClient();
        Assert.Equal(200, (int)(await anonymous.GetAsync($"/api/papers/{id}")).StatusCode);
        var print = System.Net.WebUtility.HtmlDecode(await (await anonymous.GetAsync($"/vorlagen/{id}/druck")).Content.ReadAsStringAsync());
        foreach (var expected in new[] { "Referat Kreistag/Wahlen", "Bearbeiter/in", "Herr Helmert", "Unsere Zeichen", "012.16/15-02000.he",
                     "07.09.2015", "nachrichtlich", "Fraktionsvorsitzende", "Integration von Ausländern", "hier: Ihre Frage vom 02.09.2015",
                     "Ihre Frage beantworte ich wie folgt:", "Wenn ja, wie ist der Stand der Vorbereitungen", "Zusammenfassende Antwort auf die Fragen 1 – 2",
                     "Mit freundlichen Grüßen", "F. Vogel", "Frau Kreisrätin Ulrike Kahl" })
            Assert.Contains(expected, print);

        var history = await (await anonymous.GetAsync($"/api/papers/{id}/history")).ReadJson();
        Assert.Equal(["assign", "answer", "sign", "send", "publish"],
            history.EnumerateArray().Select(h => h.TryGetProperty("action", out var a) ? a.GetString() : null).Where(a => a is "assign" or "answer" or "sign" or "send" or "publish"));
    }

    [Fact]
    public async Task An_interim_reply_moves_the_deadline_and_a_refusal_ends_the_Anfrage()
    {
        var clerk = await app.ClientFor("erz.clerk");
        var landrat = await app.ClientFor("erz.landrat");
        var id = PaperApi.Id(await _api.CreateAsync(clerk, Seed003(app.BodyId("erzgebirgskreis"), "A-2015/08")));
        await _api.ActAsync(clerk, id, "assign", new { date = "2015-09-03", fields = new { leadUnit = "Referat Kreistag/Wahlen" } });
        var interim = await _api.ActAsync(clerk, id, "interim_reply", new { date = "2015-09-25", fields = new { newAnswerDate = "2015-10-15" } });
        var deadline = interim.GetProperty("deadlines")[0];
        Assert.Equal("2015-10-15", deadline.GetProperty("due").GetString());
        Assert.Equal("extended", deadline.GetProperty("source").GetString());
        Assert.Equal("assigned", interim.GetProperty("status").GetString());
        Assert.True(deadline.GetProperty("overdue").GetBoolean()); // the test clock is today, long after 2015

        var refused = await _api.ActAsync(landrat, id, "refuse", new
        {
            date = "2015-10-01", fields = new { refusalReason = "Die Frage betrifft keine Angelegenheit des Landkreises." },
        });
        Assert.Equal("refused", refused.GetProperty("status").GetString());
        Assert.Empty(PaperApi.Actions(refused));
        Assert.False(refused.GetProperty("deadlines")[0].GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public async Task Overdue_Anfragen_are_tasks_of_the_office_and_of_the_Landrat()
    {
        var clerk = await app.ClientFor("erz.clerk");
        var landrat = await app.ClientFor("erz.landrat");
        var id = PaperApi.Id(await _api.CreateAsync(clerk, Seed003(app.BodyId("erzgebirgskreis"), "A-2015/09")));
        var clerkTasks = await (await clerk.GetAsync("/api/tasks")).ReadJson();
        var task = clerkTasks.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("paperId").GetInt64() == id);
        Assert.Equal("Anfrage zuweisen", task.GetProperty("label").GetString());
        Assert.Equal("2015-09-30", task.GetProperty("due").GetString());
        Assert.Equal("§ 24 Abs. 6 Satz 1 SächsLKrO", task.GetProperty("dueCitation").GetString());
        Assert.Contains("überfällig", task.GetProperty("dueLabel").GetString());

        var landratTasks = await (await landrat.GetAsync("/api/tasks")).ReadJson();
        Assert.Contains(landratTasks.GetProperty("items").EnumerateArray(), t => t.GetProperty("paperId").GetInt64() == id);

        // Meine Aufgaben (the start page) lists the type's own steps in their own group.
        var page = await clerk.GetStringAsync("/");
        var group = page[page.IndexOf("Weitere Schritte und Fristen", StringComparison.Ordinal)..];
        Assert.Contains("A-2015/09", group);
        Assert.Contains("Anfrage zuweisen", group);
    }

    [Fact]
    public async Task A_non_public_Anfrage_never_reaches_anonymous_callers()
    {
        var clerk = await app.ClientFor("erz.clerk");
        var landrat = await app.ClientFor("erz.landrat");
        var id = PaperApi.Id(await _api.CreateAsync(clerk, Seed003(app.BodyId("erzgebirgskreis"), "A-2015/10", isPublic: false, title: "NICHTOEFFENTLICH-ANFRAGE-7781")));
        await _api.ActAsync(clerk, id, "assign", new { fields = new { leadUnit = "Referat Kreistag/Wahlen" } });
        await _api.ActAsync(clerk, id, "answer", new { fields = new { answers = new[] { "Ja.", "Eingestellt zum 01.09.2015 als Quartiersmanagerinzulage." } } });
        // The office finds it by a word of its answer (a type field); nobody else does.
        var found = await (await clerk.GetAsync("/api/papers?q=Quartiersmanagerinzulage")).ReadJson();
        Assert.Equal(id, Assert.Single(found.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt64());
        await _api.ActAsync(landrat, id, "sign");
        await _api.ActAsync(clerk, id, "send");
        await _api.ActAsync(clerk, id, "publish");

        var anonymous = app.CreateClient();
        Assert.Equal(404, (int)(await anonymous.GetAsync($"/api/papers/{id}")).StatusCode);
        Assert.Equal(404, (int)(await anonymous.GetAsync($"/vorlagen/{id}/druck")).StatusCode);
        var list = await (await anonymous.GetAsync("/api/papers?paperType=anfrage&q=A-2015/10")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("A-2015/10", list);
        Assert.DoesNotContain("NICHTOEFFENTLICH-ANFRAGE-7781", await (await anonymous.GetAsync("/api/papers?pageSize=200")).Content.ReadAsStringAsync());
        Assert.DoesNotContain("NICHTOEFFENTLICH-ANFRAGE-7781", await (await anonymous.GetAsync("/vorlagen?q=NICHTOEFFENTLICH")).Content.ReadAsStringAsync());
        Assert.Equal(404, (int)(await (await app.ClientFor("erz.member")).GetAsync($"/api/papers/{id}")).StatusCode);
        Assert.DoesNotContain("A-2015/10", await (await anonymous.GetAsync("/api/papers?q=Quartiersmanagerinzulage")).Content.ReadAsStringAsync());
        var count = await (await anonymous.GetAsync("/api/papers?q=Quartiersmanagerinzulage")).ReadJson();
        Assert.Equal(0, count.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Bad_input_is_400_and_writes_nothing()
    {
        var clerk = await app.ClientFor("erz.clerk");
        var body = app.BodyId("erzgebirgskreis");
        var papers = app.Scalar<int>("SELECT COUNT(*) FROM papers");
        var cases = new (object Body, string Field)[]
        {
            (new { bodyId = body, paperType = "anfrage", title = "T", originator = "O", date = "2015-09-02", fields = new { channel = "schriftlich" } }, "fields.questions"),
            (new { bodyId = body, paperType = "anfrage", title = "T", originator = "O", date = "2015-09-02", fields = new { channel = "brief", questions = new[] { "?" } } }, "fields.channel"),
            (new { bodyId = body, paperType = "anfrage", title = "T", originator = "O", date = "2015-09-02", fields = new { channel = "schriftlich", questions = new[] { " " } } }, "fields.questions"),
            (new { bodyId = body, paperType = "anfrage", title = "T", originator = "O", date = "2015-09-02", proposal = "Beschluss", fields = new { channel = "schriftlich", questions = new[] { "?" } } }, "proposal"),
            (new { bodyId = body, paperType = "anfrage", title = "T", originator = "O", date = "2015-09-02", fields = new { channel = "schriftlich", questions = new[] { "?" }, combinedAnswer = "vorab" } }, "fields.combinedAnswer"),
            (new { bodyId = body, paperType = "anfrage", title = "T", originator = "O", date = "2015-09-02", fields = new { channel = "schriftlich", questions = new[] { "?" } },
                   consultations = new[] { new { organizationId = app.OrganizationId("erzgebirgskreis", "Kreistag"), role = "kenntnisnahme" } } }, "consultations"),
        };
        foreach (var (request, field) in cases)
        {
            var response = await clerk.PostAsJsonAsync("/api/papers", request);
            Assert.Equal(400, (int)response.StatusCode);
            var problem = await response.ReadJson();
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{field}: {problem}");
        }
        Assert.Equal(papers, app.Scalar<int>("SELECT COUNT(*) FROM papers"));

        var id = PaperApi.Id(await _api.CreateAsync(clerk, Seed003(body, "A-2015/11")));
        await _api.ActAsync(clerk, id, "assign", new { fields = new { leadUnit = "Referat Kreistag/Wahlen" } });
        var version = app.Scalar<int>("SELECT version FROM papers WHERE id = @id", new { id });
        var noAnswer = await clerk.PostAsJsonAsync($"/api/papers/{id}/actions/answer", new { fields = new { replyChannel = "E-Mail" } });
        Assert.Equal(400, (int)noAnswer.StatusCode);
        Assert.Contains("Zusammenfassende Antwort", await noAnswer.Content.ReadAsStringAsync());
        var badDate = await clerk.PostAsJsonAsync($"/api/papers/{id}/actions/interim_reply", new { fields = new { newAnswerDate = "15.10.2015" } });
        Assert.Equal(400, (int)badDate.StatusCode);
        Assert.Equal(version, app.Scalar<int>("SELECT version FROM papers WHERE id = @id", new { id }));
        Assert.Equal("assigned", app.Scalar<string>("SELECT status FROM papers WHERE id = @id", new { id }));
        Assert.DoesNotContain("replyChannel", app.Scalar<string>("SELECT fields FROM papers WHERE id = @id", new { id }));
    }
}

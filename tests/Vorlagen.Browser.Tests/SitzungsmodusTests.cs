using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Vorlagen.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Vorlagen.Browser.Tests;

/// <summary>
/// The Kreistagsbüro conducts part of the Kyffhäuser Kreistag session of 31.03.2021 (seed 004) in the Sitzungsmodus: attendance of
/// 33 entitled members, 2021/7/014 decided 27/6/0/0 with the quorum derived from the attendance (entered as 28/5 and corrected),
/// a recorded vote, a namentliche Abstimmung, one Befangenheit, an election; then the Niederschrift printed with the corrected
/// result, its signatures recorded (a correction now refused), approved at the following session, the public decisions published.
/// </summary>
public sealed class SitzungsmodusTests(BrowserApp app) : BrowserTest(app), IClassFixture<BrowserApp>
{
    [Fact]
    public Task Conduct_the_kyffhaeuser_kreistag_session_of_31_03_2021() => Scenario(nameof(Conduct_the_kyffhaeuser_kreistag_session_of_31_03_2021), async () =>
    {
        var setup = new PaperSetup(App);
        var paperId = await setup.InDeliberationAsync(setup.Paper("2021/7/S14"));
        await setup.RecordAsync("kyf.clerk", paperId, 1, new { date = "2021-03-04", outcome = "recommended", votes = new { entitled = 9, yes = 9, no = 0 } });
        await setup.RecordAsync("kyf.clerk", paperId, 2, new { date = "2021-03-17", outcome = "recommended", votes = new { entitled = 7, yes = 6, no = 1 } });
        var consultationId = App.Scalar<long>("SELECT id FROM consultations WHERE paper_id = @paperId AND position = 3", new { paperId });
        var rollCallPaper = await setup.InDeliberationAsync(setup.Paper("2021/7/S15", "Kreisstraßenbauprogramm 2021"));
        await setup.RecordAsync("kyf.clerk", rollCallPaper, 1, new { date = "2021-03-04", outcome = "recommended", votes = new { entitled = 9, yes = 9, no = 0 } });
        await setup.RecordAsync("kyf.clerk", rollCallPaper, 2, new { date = "2021-03-17", outcome = "recommended", votes = new { entitled = 7, yes = 6, no = 1 } });
        var rollCallConsultation = App.Scalar<long>("SELECT id FROM consultations WHERE paper_id = @rollCallPaper AND position = 3", new { rollCallPaper });
        var api = await App.ApiAs("kyf.clerk");
        var kreistag = App.Scalar<long>("SELECT o.id FROM organizations o JOIN bodies b ON b.id = o.body_id WHERE b.body_key = 'kyffhaeuserkreis' AND o.name = 'Kreistag'");
        var created = await api.PostAsJsonAsync("/api/meetings", new { organizationId = kreistag, date = "2021-03-31", startTime = "17:00", room = "Sitzungssaal" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(BrowserApp.Json)).GetProperty("id").GetInt64();
        foreach (var item in new object[] { new { templateKey = "eroeffnung" }, new { consultationId }, new { templateKey = "informationen" }, new { templateKey = "wahl" }, new { consultationId = rollCallConsultation } })
            Assert.True((await api.PostAsJsonAsync($"/api/meetings/{id}/agenda-items", item)).IsSuccessStatusCode);

        var clerk = await OpenAsync("kyf.clerk");
        await clerk.SetViewportSizeAsync(768, 1000);
        await clerk.GotoAsync($"/sitzungen/{id}/sitzungsmodus");
        await clerk.GetByLabel("Schriftführerin / Schriftführer").FillAsync("Frau Beispiel");
        await clerk.Button("Sitzung eröffnen").ClickAsync();
        await Expect(clerk.MainRegion()).ToContainTextAsync("Die Sitzung ist eröffnet.");

        // 33 of the 47 members present (the Landrätin among them), one excused with a reason; the rest stay absent.
        var statuses = clerk.Locator("select[id^='status-']");
        Assert.Equal(47, await statuses.CountAsync());
        for (var i = 0; i < 33; i++) await statuses.Nth(i).SelectOptionAsync("present");
        await statuses.Nth(33).SelectOptionAsync("excused");
        await clerk.Locator("input[id^='reason-']").Nth(33).FillAsync("Krankheit");
        await clerk.Button("Anwesenheit speichern").FocusAsync();
        await clerk.Keyboard.PressAsync("Enter"); // keyboard only
        await Expect(clerk.MainRegion()).ToContainTextAsync("Die Anwesenheit ist gespeichert.");
        var decision = clerk.Locator(".session-item").Filter(new() { HasText = "Integrationskonzept" });
        await Expect(decision.Locator("[data-entitled]")).ToHaveAttributeAsync("data-entitled", "33");
        await Expect(decision).ToContainTextAsync("beschlussfähig: nötig 24");
        await Expect(decision).ToContainTextAsync("§ 36 Abs. 1 ThürKO i.V.m. § 112 ThürKO (Wortlaut nicht anhand des Gesetzestextes geprüft)");

        // Befangenheit at Ö 3 changes that item's count only.
        await clerk.GetByLabel("Befangen bei Ö 3").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await clerk.Locator(".session-item").Filter(new() { HasText = "Informationen des Landrats" }).GetByRole(AriaRole.Button, new() { Name = "als befangen vermerken" }).ClickAsync();
        await Expect(clerk.MainRegion()).ToContainTextAsync("Die Befangenheit ist vermerkt.");
        await Expect(clerk.Locator(".session-item").Filter(new() { HasText = "Informationen des Landrats" }).Locator("[data-entitled]")).ToHaveAttributeAsync("data-entitled", "32");
        await Expect(decision.Locator("[data-entitled]")).ToHaveAttributeAsync("data-entitled", "33");

        // The result of 2021/7/014, prefilled with the 33 present and entitled, through RecordResult — first mistyped as 28/5.
        await Expect(decision.GetByLabel("Stimmberechtigt")).ToHaveValueAsync("33");
        await clerk.GetByLabel("Ergebnis zu Ö 2").SelectOptionAsync("adopted");
        await decision.GetByLabel("Ja", new() { Exact = true }).FillAsync("28");
        await decision.GetByLabel("Nein", new() { Exact = true }).FillAsync("5");
        await clerk.Button("Ergebnis zu Ö 2 speichern").ClickAsync();
        await Expect(clerk.MainRegion()).ToContainTextAsync("Das Ergebnis ist gespeichert.");
        await Expect(decision).ToContainTextAsync("Ja 28, Nein 5, Enthaltungen 0, befangen 0 (33 stimmberechtigt)");

        // Corrected before the Niederschrift is signed, with a reason: the old journal record stays, the row says 27/6.
        await decision.GetByText("Ergebnis zu Ö 2 berichtigen").ClickAsync();
        await decision.GetByLabel("Ja", new() { Exact = true }).FillAsync("27");
        await decision.GetByLabel("Nein", new() { Exact = true }).FillAsync("6");
        await decision.GetByLabel("Grund der Berichtigung").FillAsync("Eine Nein-Stimme wurde als Ja-Stimme gezählt.");
        await decision.Button("Ergebnis berichtigen").ClickAsync();
        await Expect(clerk.MainRegion()).ToContainTextAsync("Das Ergebnis ist berichtigt.");
        await Expect(decision).ToContainTextAsync("Ja 27, Nein 6, Enthaltungen 0, befangen 0 (33 stimmberechtigt)");
        Assert.Equal((1, 1), (App.Scalar<int>("SELECT COUNT(*) FROM workflow_execution_log l JOIN papers p ON p.workflow_instance_id = l.instance_id WHERE p.id = @paperId AND l.event_name = 'ResultRecorded' AND l.payload LIKE '%\"consultationId\":' || @consultationId || ',%'", new { paperId, consultationId }),
            App.Scalar<int>("SELECT COUNT(*) FROM workflow_execution_log l JOIN papers p ON p.workflow_instance_id = l.instance_id WHERE p.id = @paperId AND l.event_name = 'ResultCorrected'", new { paperId })));

        // A Kreisrat demands that his vote be recorded (§ 42 ThürKO).
        await decision.GetByText("Erklärung zur Niederschrift (Ö 2)").ClickAsync();
        await decision.GetByLabel("Aufzunehmen ist").SelectOptionAsync("vote");
        await decision.GetByLabel("Wortlaut").FillAsync("Ich habe gegen das Konzept gestimmt, weil die Finanzierung offen ist.");
        await decision.Button("Erklärung zu Ö 2 aufnehmen").ClickAsync();
        await Expect(clerk.MainRegion()).ToContainTextAsync("Die Erklärung ist für die Niederschrift aufgenommen.");
        Assert.Equal("vote", App.Scalar<string>("SELECT s.kind FROM agenda_item_statements s JOIN agenda_items a ON a.id = s.agenda_item_id WHERE a.meeting_id = @id", new { id }));

        // The same form sent twice (the answer to the first was lost): the second post replays the first redirect and message.
        await decision.GetByText("Erklärung zur Niederschrift (Ö 2)").ClickAsync();
        await decision.GetByLabel("Aufzunehmen ist").SelectOptionAsync("statement");
        await decision.GetByLabel("Wortlaut").FillAsync("Erklärung der Fraktion zur Finanzierung.");
        var twice = await decision.Locator("form:has(textarea[name='text'])").EvaluateAsync<string[]>("""
            async form => {
                const send = async () => { const r = await fetch(form.action, { method: 'POST', body: new FormData(form) });
                    return [r.url, new DOMParser().parseFromString(await r.text(), 'text/html').body.textContent]; };
                const [first, second] = [await send(), await send()];
                return [first[0], second[0], String(first[1].includes('Die Erklärung ist für die Niederschrift aufgenommen.')),
                    String(second[1].includes('Die Erklärung ist für die Niederschrift aufgenommen.'))];
            }
            """);
        Assert.Equal(twice[0], twice[1]);
        Assert.Equal(("true", "true"), (twice[2], twice[3]));
        Assert.Equal(2, App.Scalar<int>("SELECT COUNT(*) FROM agenda_item_statements s JOIN agenda_items a ON a.id = s.agenda_item_id WHERE a.meeting_id = @id", new { id }));
        await clerk.ReloadAsync();

        // Namentliche Abstimmung at Ö 5 (keyboard only): 20 Ja, 13 Nein; the result must agree with it.
        var rollCall = clerk.Locator(".session-item").Filter(new() { HasText = "Kreisstraßenbauprogramm" });
        await rollCall.GetByText("Namentliche Abstimmung zu Ö 5", new() { Exact = true }).FocusAsync();
        await clerk.Keyboard.PressAsync("Enter");
        var votes = rollCall.Locator("select[id^='rc-']");
        Assert.Equal(33, await votes.CountAsync());
        for (var i = 0; i < 33; i++) await votes.Nth(i).SelectOptionAsync(i < 20 ? "yes" : "no");
        await rollCall.Button("Namentliche Abstimmung zu Ö 5 speichern").ClickAsync();
        await Expect(clerk.MainRegion()).ToContainTextAsync("Die namentliche Abstimmung ist gespeichert: Ja 20, Nein 13, Enthaltungen 0.");
        await clerk.GetByLabel("Ergebnis zu Ö 5").SelectOptionAsync("adopted");
        await rollCall.GetByLabel("Ja", new() { Exact = true }).FillAsync("21");
        await rollCall.GetByLabel("Nein", new() { Exact = true }).FillAsync("12");
        await rollCall.Button("Ergebnis zu Ö 5 speichern").ClickAsync();
        await Expect(clerk.MainRegion()).ToContainTextAsync("Die namentliche Abstimmung ergab Ja 20, Nein 13");
        Assert.Equal("pending", App.Scalar<string>("SELECT status FROM consultations WHERE id = @rollCallConsultation", new { rollCallConsultation }));
        await clerk.GetByLabel("Ergebnis zu Ö 5").SelectOptionAsync("adopted");
        await rollCall.GetByLabel("Ja", new() { Exact = true }).FillAsync("20");
        await rollCall.GetByLabel("Nein", new() { Exact = true }).FillAsync("13");
        await rollCall.Button("Ergebnis zu Ö 5 speichern").ClickAsync();
        await Expect(clerk.MainRegion()).ToContainTextAsync("Das Ergebnis ist gespeichert.");
        await Expect(rollCall).ToContainTextAsync("Ja 20, Nein 13");
        Assert.Equal(("adopted", 27, 6, 33), (App.Scalar<string>("SELECT outcome FROM consultations WHERE id = @consultationId", new { consultationId }),
            App.Scalar<int>("SELECT votes_yes FROM consultations WHERE id = @consultationId", new { consultationId }),
            App.Scalar<int>("SELECT votes_no FROM consultations WHERE id = @consultationId", new { consultationId }),
            App.Scalar<int>("SELECT votes_entitled FROM consultations WHERE id = @consultationId", new { consultationId })));

        // An election item: two candidates, one ballot, more than half of the 33 present and entitled.
        await clerk.GetByLabel("Wahl von (Amt, Gremium)").FillAsync("Mitglied des Jugendhilfeausschusses");
        await clerk.GetByLabel("Bewerberinnen und Bewerber").SelectOptionAsync(new[] { new SelectOptionValue { Index = 2 }, new SelectOptionValue { Index = 3 } });
        await clerk.Button("Wahl zu Ö 4 anlegen").ClickAsync();
        await Expect(clerk.MainRegion()).ToContainTextAsync("Die Wahl ist angelegt.");
        await clerk.GetByLabel("gültige Stimmzettel", new() { Exact = true }).FillAsync("32");
        await clerk.GetByLabel("ungültige Stimmzettel", new() { Exact = true }).FillAsync("1");
        var candidateVotes = clerk.Locator("input[name^='votes[']");
        await candidateVotes.Nth(0).FillAsync("20");
        await candidateVotes.Nth(1).FillAsync("12");
        await clerk.Button("Wahlgang zu Ö 4 speichern").ClickAsync();
        await Expect(clerk.MainRegion()).ToContainTextAsync("Der Wahlgang ist gespeichert.");
        await Expect(clerk.Locator(".session-item").Filter(new() { HasText = "Jugendhilfeausschusses" })).ToContainTextAsync("gewählt:");
        Assert.Equal("elected", App.Scalar<string>("SELECT status FROM elections e JOIN agenda_items a ON a.id = e.agenda_item_id WHERE a.meeting_id = @id", new { id }));

        var scroll = await clerk.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scroll <= 768, $"Der Sitzungsmodus ist bei 768 px {scroll} px breit.");
        await clerk.AssertAccessibleAsync("Sitzungsmodus");

        // The session is over: the Niederschrift is printed with the corrected result, its signatures (§ 42 ThürKO: chair and
        // Schriftführerin) recorded; a correction after that is refused.
        Assert.True((await api.PostAsJsonAsync($"/api/meetings/{id}/status", new { status = "held" })).IsSuccessStatusCode);
        App.Scalar<int?>("UPDATE meetings SET published_at = '2021-03-01T00:00:00Z' WHERE id = @id", new { id }); // the invitation went out before
        await clerk.SetViewportSizeAsync(1280, 1000);
        await clerk.GotoAsync($"/sitzungen/{id}/niederschrift");
        var document = clerk.GetByRole(AriaRole.Article, new() { Name = "Niederschrift" });
        await Expect(document).ToContainTextAsync("Ja: 27 Nein: 6");
        await Expect(document).ToContainTextAsync("Frau Beispiel");
        await Expect(document).ToContainTextAsync("Krankheit");
        await clerk.GotoAsync($"/sitzungen/{id}/niederschrift/verfahren");
        await clerk.GetByLabel("Wer hat unterschrieben?").SelectOptionAsync(new SelectOptionValue { Value = "chair" });
        await clerk.Button("Unterschrift erfassen").ClickAsync();
        await Expect(clerk.MainRegion()).ToContainTextAsync("Die Unterschrift wurde erfasst.");
        await clerk.GetByLabel("Wer hat unterschrieben?").SelectOptionAsync(new SelectOptionValue { Value = "secretary" });
        await clerk.Button("Unterschrift erfassen").ClickAsync();
        await Expect(clerk.GetByTestId("minutes-state")).ToHaveTextAsync("unterzeichnet");
        var late = await api.PostAsJsonAsync($"/api/papers/{paperId}/consultations/{consultationId}/result-corrections",
            new { outcome = "adopted", reason = "zu spät", votes = new { entitled = 33, yes = 26, no = 7, abstain = 0, recused = 0 } });
        Assert.Equal(409, (int)late.StatusCode);
        Assert.Contains("minutes_signed", await late.Content.ReadAsStringAsync());

        // Approved at the following Kreistag session under "Bestätigung der Niederschrift", then the public decisions are published.
        var next = await api.PostAsJsonAsync("/api/meetings", new { organizationId = kreistag, date = "2021-05-05", startTime = "17:00", room = "Sitzungssaal" });
        var following = (await next.Content.ReadFromJsonAsync<JsonElement>(BrowserApp.Json)).GetProperty("id").GetInt64();
        Assert.True((await api.PostAsJsonAsync($"/api/meetings/{following}/agenda-items", new { templateKey = "niederschrift" })).IsSuccessStatusCode);
        Assert.True((await api.PostAsJsonAsync($"/api/meetings/{following}/status", new { status = "held" })).IsSuccessStatusCode);
        await clerk.ReloadAsync();
        await clerk.GetByLabel("Sitzung mit dem TOP „Bestätigung der Niederschrift“").SelectOptionAsync(new SelectOptionValue { Value = following.ToString() });
        await clerk.Button("Bestätigung erfassen").ClickAsync();
        await Expect(clerk.GetByTestId("minutes-state")).ToHaveTextAsync("bestätigt");
        await clerk.Button("Beschlüsse veröffentlichen").ClickAsync();
        await Expect(clerk.GetByTestId("minutes-state")).ToHaveTextAsync("veröffentlicht");

        var visitor = await OpenAsync(null);
        await visitor.GotoAsync("/beschluesse");
        await visitor.GetByLabel("Jahr").SelectOptionAsync(new SelectOptionValue { Value = "2021" });
        await visitor.Button("Anzeigen").ClickAsync();
        await Expect(visitor.GetByTestId("beschluesse")).ToContainTextAsync("2021/7/S14");
    });
}

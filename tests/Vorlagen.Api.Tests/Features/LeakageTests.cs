using System.Net.Http.Json;
using System.Text.Json;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Features;

/// <summary>
/// Non-public papers and consultations carry a unique marker; no anonymous-reachable endpoint may
/// ever return it — not in lists, search, counts, details, history, journal, errors or OpenAPI.
/// </summary>
public sealed class LeakageTests(VorlagenApp app) : IClassFixture<VorlagenApp>
{
    private const string Marker = "GEHEIM7Q3X";
    private readonly PaperApi _api = new(app);

    [Fact]
    public async Task The_marker_never_reaches_an_anonymous_caller()
    {
        var ids = await CreateSecretsAsync();
        var anonymous = app.CreateClient();
        var urls = new List<string>
        {
            "/api/papers", "/api/papers?pageSize=200", $"/api/papers?q={Marker}", "/api/papers?q=GEHEIM", "/api/papers?status=draft",
            "/api/papers?status=withdrawn", "/api/papers?status=adopted", "/api/bodies", "/api/organizations?pageSize=200", "/openapi/v1.json",
        };
        foreach (var id in ids.Concat([ids.Max() + 1]))
            urls.AddRange([$"/api/papers/{id}", $"/api/papers/{id}/history", $"/api/papers/{id}/journal", $"/api/papers/{id}/journal/verify"]);

        foreach (var url in urls)
        {
            var text = await (await anonymous.GetAsync(url)).Content.ReadAsStringAsync();
            Assert.False(text.Contains(Marker, StringComparison.OrdinalIgnoreCase), $"{url} leaked the marker: {text}");
        }
        foreach (var id in ids)
        {
            var text = await (await anonymous.PostAsJsonAsync($"/api/papers/{id}/actions/sign", new { })).Content.ReadAsStringAsync();
            Assert.DoesNotContain(Marker, text);
        }
    }

    [Fact]
    public async Task Persons_contact_data_and_non_public_memberships_never_reach_an_anonymous_caller()
    {
        const string PersonMarker = "PRIVAT5K8Z";
        var admin = await app.ClientFor("admin");
        var kyf = app.BodyId("kyffhaeuserkreis");
        var term = app.Scalar<long>("SELECT id FROM legislative_terms WHERE body_id = @kyf AND name LIKE '8.%'", new { kyf });
        var kreistag = app.OrganizationId("kyffhaeuserkreis", "Kreistag");
        var beirat = (await (await admin.PostAsJsonAsync("/api/organizations", new { bodyId = kyf, name = "Beirat für geheimzuhaltende Angelegenheiten", shortName = "BgA", kind = "beirat", seats = 5 })).ReadJson()).GetProperty("id").GetInt64();
        async Task<long> Person(object body) => (await (await admin.PostAsJsonAsync("/api/persons", body)).ReadJson()).GetProperty("id").GetInt64();
        // A public Kreisrat with contact data and one non-public membership, and someone known only from a non-public membership.
        var publicPerson = await Person(new { bodyId = kyf, givenName = "Offen", familyName = "Sichtbar", phone = $"0361 {PersonMarker}", email = $"{PersonMarker}@example.org", officeAddress = $"Büro {PersonMarker}" });
        var hiddenPerson = await Person(new { bodyId = kyf, givenName = "Verdeckt", familyName = PersonMarker });
        var viewerToday = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(-1).ToString("yyyy-MM-dd");
        var memberships = new List<long>();
        foreach (var (person, organization, isPublic) in new[] { (publicPerson, beirat, false), (hiddenPerson, beirat, false) })
        {
            var response = await admin.PostAsJsonAsync("/api/memberships", new { personId = person, organizationId = organization, legislativeTermId = term, role = "mitglied", startDate = viewerToday, @public = isPublic });
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            memberships.Add((await response.ReadJson()).GetProperty("id").GetInt64());
        }
        var kreistagSeat = app.Scalar<long>("SELECT MIN(id) FROM memberships WHERE organization_id = @kreistag AND statutory = 0 AND legislative_term_id = @term", new { kreistag, term });
        var deputy = await admin.PostAsJsonAsync("/api/memberships", new { personId = publicPerson, organizationId = kreistag, legislativeTermId = term, role = "stellvertretung", deputyForId = kreistagSeat, startDate = viewerToday });
        Assert.True(deputy.IsSuccessStatusCode, await deputy.Content.ReadAsStringAsync());

        var anonymous = app.CreateClient();
        var urls = new List<string>
        {
            "/api/persons", $"/api/persons?bodyId={kyf}&pageSize=200", $"/api/persons/{publicPerson}", $"/api/persons/{hiddenPerson}", $"/api/persons/{publicPerson}/history",
            $"/api/memberships?organizationId={beirat}", $"/api/memberships?personId={publicPerson}", $"/api/memberships?personId={hiddenPerson}", "/api/memberships?pageSize=200",
            $"/api/legislative-terms?bodyId={kyf}", $"/personen/{publicPerson}", $"/personen/{hiddenPerson}", $"/gremien/{beirat}", $"/gremien/{kreistag}",
        };
        urls.AddRange(memberships.Select(m => $"/api/memberships/{m}"));
        foreach (var url in urls)
        {
            var text = await (await anonymous.GetAsync(url)).Content.ReadAsStringAsync();
            Assert.False(text.Contains(PersonMarker, StringComparison.OrdinalIgnoreCase), $"{url} leaked the marker: {text}");
        }
        var shown = await (await anonymous.GetAsync($"/api/persons/{publicPerson}")).ReadJson();
        Assert.Equal(JsonValueKind.Null, shown.GetProperty("email").ValueKind);
        Assert.DoesNotContain(shown.GetProperty("memberships").EnumerateArray(), m => m.GetProperty("organizationId").GetInt64() == beirat);
        Assert.Equal(404, (int)(await anonymous.GetAsync($"/api/persons/{hiddenPerson}")).StatusCode);
        var beiratMembers = await (await anonymous.GetAsync($"/api/memberships?organizationId={beirat}")).ReadJson();
        Assert.Equal(0, beiratMembers.GetProperty("total").GetInt32());

        // The office sees both, so the marker is really there.
        var clerk = await app.ClientFor("kyf.clerk");
        Assert.Contains(PersonMarker, await (await clerk.GetAsync($"/api/persons/{publicPerson}")).Content.ReadAsStringAsync());
        Assert.Equal(2, (await (await clerk.GetAsync($"/api/memberships?organizationId={beirat}")).ReadJson()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Files_with_the_marker_never_reach_an_anonymous_caller()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var (publicPaper, _) = await _api.InDeliberationAsync($"F-{Guid.NewGuid():N}"[..20]);
        var draft = PaperApi.Id(await _api.CreateAsync(clerk, PaperApi.KyffhaeuserPaper(app.BodyId("kyffhaeuserkreis"), $"D-{Guid.NewGuid():N}"[..20])));
        var secretContent = TestFiles.Pdf($"Vertrag {Marker}", $"Kaufpreis {Marker}");
        var hidden = await TestFiles.UploadAsync(clerk, publicPaper, secretContent, $"vertrag-{Marker}.pdf", $"Vertrag {Marker}", isPublic: false);
        var ofDraft = await TestFiles.UploadAsync(clerk, draft, secretContent, $"entwurf-{Marker}.pdf", $"Entwurf {Marker}");
        var ids = new[] { hidden.GetProperty("id").GetInt64(), ofDraft.GetProperty("id").GetInt64() };

        var anonymous = app.CreateClient();
        var urls = new List<string> { $"/api/papers/{publicPaper}/files", $"/api/papers/{draft}/files", $"/vorlagen/{publicPaper}/pdf", $"/vorlagen/{draft}/pdf",
            $"/api/papers/{publicPaper}", "/openapi/v1.json" };
        foreach (var id in ids.Concat([ids.Max() + 1]))
            urls.AddRange([$"/api/files/{id}", $"/dateien/{id}", $"/dateien/{id}/download", $"/dateien/{id}/versionen/1", $"/dateien/{id}/versionen/1/download"]);
        foreach (var url in urls)
        {
            var response = await anonymous.GetAsync(url);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.False(System.Text.Encoding.UTF8.GetString(bytes).Contains(Marker, StringComparison.OrdinalIgnoreCase), $"{url} leaked the marker");
            if (response.Content.Headers.ContentType?.MediaType == "application/pdf")
            {
                using var pdf = UglyToad.PdfPig.PdfDocument.Open(bytes);
                Assert.DoesNotContain(Marker, string.Join(" ", pdf.GetPages().Select(p => p.Text)));
            }
            Assert.DoesNotContain(Marker, response.Content.Headers.ContentDisposition?.ToString() ?? "");
        }
        // The control: the office does get it.
        Assert.Contains(Marker, await (await clerk.GetAsync($"/api/papers/{publicPaper}/files")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Anonymous_counts_include_only_released_public_papers()
    {
        await CreateSecretsAsync();
        var anonymous = app.CreateClient();

        var page = await (await anonymous.GetAsync("/api/papers?pageSize=200")).ReadJson();

        var expected = app.Scalar<int>("SELECT COUNT(*) FROM papers WHERE is_public = 1 AND released_on IS NOT NULL");
        Assert.Equal(expected, page.GetProperty("total").GetInt32());
        Assert.Equal(expected, page.GetProperty("items").GetArrayLength());
        Assert.True(app.Scalar<int>("SELECT COUNT(*) FROM papers") > expected);
        Assert.All(page.GetProperty("items").EnumerateArray(), p => Assert.True(p.GetProperty("public").GetBoolean()));
    }

    [Fact]
    public async Task The_office_does_see_the_marker()
    {
        await CreateSecretsAsync();
        var clerk = await app.ClientFor("kyf.clerk");
        var found = await (await clerk.GetAsync($"/api/papers?q={Marker}")).ReadJson();
        Assert.True(found.GetProperty("total").GetInt32() >= 3);
    }

    [Fact]
    public async Task A_decision_taken_in_a_non_public_session_is_not_revealed_by_status_history_or_filters()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var landraetin = await app.ClientFor("kyf.landraetin");
        var paper = await _api.CreateAsync(clerk, new
        {
            bodyId = app.BodyId("kyffhaeuserkreis"), reference = "NP-" + Guid.NewGuid().ToString("N")[..8], title = "Öffentliche Vorlage",
            originator = "Amt", proposal = "Vorschlag", reasoning = "Begründung", @public = true,
            consultations = new object[]
            {
                new { organizationId = app.OrganizationId("kyffhaeuserkreis", "Kreisausschuss"), role = "beschliessend", @public = false },
            },
        });
        var id = PaperApi.Id(paper);
        await _api.ActAsync(clerk, id, "submit");
        paper = await _api.ActAsync(landraetin, id, "release");
        await _api.RecordAsync(landraetin, id, PaperApi.ConsultationId(paper, 1),
            new { date = "2021-03-17", outcome = "adopted", votes = new { entitled = 7, yes = 5, no = 2 } });
        await _api.ActAsync(landraetin, id, "object", new { comment = $"Widerspruch {Marker}", date = "2021-03-20" });
        paper = await _api.GetAsync(landraetin, id);
        await _api.RecordAsync(landraetin, id, PaperApi.ConsultationId(paper, 2),
            new { date = "2021-04-14", outcome = "rejected", votes = new { entitled = 7, yes = 2, no = 5 } });

        var anonymous = app.CreateClient();
        var seen = await _api.GetAsync(anonymous, id);
        Assert.Equal("decided", seen.GetProperty("status").GetString());
        var history = await (await anonymous.GetAsync($"/api/papers/{id}/history")).Content.ReadAsStringAsync();
        foreach (var word in new[] { "rejected", "adopted", "Abgelehnt", "Beschlossen", Marker, "object" })
            Assert.DoesNotContain(word, history);
        var rejected = await (await anonymous.GetAsync("/api/papers?status=rejected&pageSize=200")).ReadJson();
        Assert.DoesNotContain(rejected.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetInt64() == id);
        var decided = await (await anonymous.GetAsync("/api/papers?status=decided&pageSize=200")).ReadJson();
        Assert.Contains(decided.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetInt64() == id);

        Assert.Equal("rejected", (await _api.GetAsync(clerk, id)).GetProperty("status").GetString());
        Assert.Contains(Marker, await (await clerk.GetAsync($"/api/papers/{id}/history")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Adopted_and_rejected_look_the_same_to_callers_who_may_not_see_the_decision()
    {
        var adopted = await DecidedInSecretAsync("adopted", new { entitled = 33, yes = 27, no = 6 });
        var rejected = await DecidedInSecretAsync("rejected", new { entitled = 33, yes = 6, no = 27 });
        await _api.ActAsync(await app.ClientFor("kyf.landraetin"), adopted.Id, "sign", new { date = "2021-04-01" });

        foreach (var caller in new[] { app.CreateClient(), await app.ClientFor("kyf.chair.wirtschaft") })
        {
            Assert.Equal(await VerifyAsync(caller, adopted.Id), await VerifyAsync(caller, rejected.Id));
            Assert.Equal(await HistoryShapeAsync(caller, adopted.Id), await HistoryShapeAsync(caller, rejected.Id));
            // Signing bumps version and updatedAt, and only an adopted paper can be signed: neither is shown.
            foreach (var id in new[] { adopted.Id, rejected.Id })
            {
                var response = await caller.GetAsync($"/api/papers/{id}");
                Assert.Null(response.Headers.ETag);
                var paper = await response.ReadJson();
                foreach (var field in new[] { "version", "updatedAt", "updatedBy" })
                    Assert.Equal(System.Text.Json.JsonValueKind.Null, paper.GetProperty(field).ValueKind);
                var listed = (await (await caller.GetAsync("/api/papers?status=decided&pageSize=200")).ReadJson()).GetProperty("items")
                    .EnumerateArray().Single(p => p.GetProperty("id").GetInt64() == id);
                Assert.Equal(System.Text.Json.JsonValueKind.Null, listed.GetProperty("version").ValueKind);
            }
        }
        var other = await app.ClientFor("kyf.chair.wirtschaft");
        foreach (var action in new[] { "sign", "object", "submit" })
            Assert.Equal(await RefusalAsync(other, $"/api/papers/{adopted.Id}/actions/{action}", new { comment = "x" }),
                await RefusalAsync(other, $"/api/papers/{rejected.Id}/actions/{action}", new { comment = "x" }));
        var result = new { date = "2021-04-20", outcome = "recommended", votes = new { entitled = 9, yes = 9, no = 0 } };
        Assert.Equal(await RefusalAsync(other, $"/api/papers/{adopted.Id}/consultations/{adopted.Deciding}/result", result),
            await RefusalAsync(other, $"/api/papers/{rejected.Id}/consultations/{rejected.Deciding}/result", result));

        // Outside the office the history starts at the release; a held non-public session shows its date, not the plan.
        var anonymous = app.CreateClient();
        var publicHistory = await (await anonymous.GetAsync($"/api/papers/{adopted.Id}/history")).ReadJson();
        Assert.Equal("release", publicHistory[0].GetProperty("action").GetString());
        var publicPaper = await _api.GetAsync(anonymous, adopted.Id);
        Assert.Equal("2021-03-31", publicPaper.GetProperty("consultations")[0].GetProperty("plannedDate").GetString());

        // The office still sees the whole picture.
        var clerk = await app.ClientFor("kyf.clerk");
        Assert.True((await (await clerk.GetAsync($"/api/papers/{adopted.Id}/journal/verify")).ReadJson()).GetProperty("records").GetInt64() > 0);
        Assert.Equal("submit", (await (await clerk.GetAsync($"/api/papers/{adopted.Id}/history")).ReadJson())[0].GetProperty("action").GetString());
    }

    private static async Task<string> VerifyAsync(HttpClient caller, long id) =>
        await (await caller.GetAsync($"/api/papers/{id}/journal/verify")).Content.ReadAsStringAsync();

    private static async Task<string> HistoryShapeAsync(HttpClient caller, long id)
    {
        var history = await (await caller.GetAsync($"/api/papers/{id}/history")).ReadJson();
        return string.Join(" | ", history.EnumerateArray().Select(h => string.Join(",", new[] { "kind", "action", "actorRole", "statusLabel", "outcomeLabel", "restricted" }
            .Select(field => h.TryGetProperty(field, out var value) ? value.ToString() : ""))));
    }

    private static async Task<string> RefusalAsync(HttpClient caller, string url, object body)
    {
        var response = await caller.PostAsJsonAsync(url, body);
        var problem = await response.ReadJson();
        return $"{(int)response.StatusCode} {problem.GetProperty("detail").GetString()}".Replace(url, "");
    }

    /// <summary>A public paper whose only, non-public Kreistag consultation decided; returns its id and that consultation.</summary>
    private async Task<(long Id, long Deciding)> DecidedInSecretAsync(string outcome, object votes)
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var landraetin = await app.ClientFor("kyf.landraetin");
        var paper = await _api.CreateAsync(clerk, new
        {
            bodyId = app.BodyId("kyffhaeuserkreis"), reference = "ND-" + Guid.NewGuid().ToString("N")[..8], title = "Öffentliche Vorlage",
            originator = "Amt", proposal = "Vorschlag", reasoning = "Begründung", @public = true,
            consultations = new object[] { new { organizationId = app.OrganizationId("kyffhaeuserkreis", "Kreistag"), role = "beschliessend", @public = false, plannedDate = "2021-03-24" } },
        });
        var id = PaperApi.Id(paper);
        await _api.ActAsync(clerk, id, "submit");
        paper = await _api.ActAsync(landraetin, id, "release");
        var deciding = PaperApi.ConsultationId(paper, 1);
        await _api.RecordAsync(landraetin, id, deciding, new { date = "2021-03-31", outcome, votes });
        return (id, deciding);
    }

    /// <summary>A non-public draft, a non-public released paper, withdrawn papers, and a public paper decided non-publicly.</summary>
    private async Task<IReadOnlyList<long>> CreateSecretsAsync()
    {
        var clerk = await app.ClientFor("kyf.clerk");
        var landraetin = await app.ClientFor("kyf.landraetin");
        var bodyId = app.BodyId("kyffhaeuserkreis");
        var ausschuss = app.OrganizationId("kyffhaeuserkreis", PaperApi.KyfAusschuss);
        var kreistag = app.OrganizationId("kyffhaeuserkreis", "Kreistag");
        object Paper(bool isPublic, bool kreistagPublic) => new
        {
            bodyId, reference = $"{Marker}-{Guid.NewGuid():N}"[..24], title = $"Vertrag {Marker}", originator = $"Amt {Marker}",
            proposal = $"Beschluss {Marker}", reasoning = $"Begründung {Marker}", legalBasis = Marker, consultedWith = Marker, @public = isPublic,
            financialImpact = new { hasImpact = true, budgetLine = Marker, treasuryStatement = Marker },
            consultations = new object[]
            {
                new { organizationId = ausschuss, role = "vorberatend", @public = false },
                new { organizationId = kreistag, role = "beschliessend", @public = kreistagPublic },
            },
        };

        var draft = PaperApi.Id(await _api.CreateAsync(clerk, Paper(false, false)));
        var released = PaperApi.Id(await _api.CreateAsync(clerk, Paper(false, false)));
        await _api.ActAsync(clerk, released, "submit");
        await _api.ActAsync(landraetin, released, "release", new { comment = Marker });
        var withdrawn = PaperApi.Id(await _api.CreateAsync(clerk, Paper(false, false)));
        await _api.ActAsync(clerk, withdrawn, "withdraw", new { comment = Marker });
        // A public paper withdrawn before it was ever released stays inside the office too.
        var withdrawnDraft = PaperApi.Id(await _api.CreateAsync(clerk, Paper(true, true)));
        await _api.ActAsync(clerk, withdrawnDraft, "withdraw", new { comment = Marker });

        var publicOne = new
        {
            bodyId, reference = Guid.NewGuid().ToString("N")[..12], title = "Öffentliche Vorlage", originator = "Amt", proposal = "Vorschlag",
            reasoning = "Begründung", @public = true,
            consultations = new object[]
            {
                new { organizationId = ausschuss, role = "vorberatend", @public = false },
                new { organizationId = kreistag, role = "beschliessend", @public = false },
            },
        };
        var decided = await _api.CreateAsync(clerk, publicOne);
        var decidedId = PaperApi.Id(decided);
        await _api.ActAsync(clerk, decidedId, "submit");
        var paper = await _api.ActAsync(landraetin, decidedId, "release");
        paper = await _api.RecordAsync(clerk, decidedId, PaperApi.ConsultationId(paper, 1),
            new { date = "2021-03-04", outcome = "recommended", votes = new { entitled = 9, yes = 9, no = 0 } });
        await _api.RecordAsync(landraetin, decidedId, PaperApi.ConsultationId(paper, 2), new
        {
            date = "2021-03-31", outcome = "adopted_amended", resolutionText = $"Geänderter Beschluss {Marker}",
            votes = new { entitled = 33, yes = 27, no = 6 },
        });
        return [draft, released, withdrawn, withdrawnDraft, decidedId];
    }
}

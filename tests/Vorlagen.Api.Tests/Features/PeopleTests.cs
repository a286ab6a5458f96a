using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Features;

/// <summary>Persons, Fraktionen, memberships and Wahlperioden over HTTP: status codes, bodies and what the database holds.</summary>
public sealed class PeopleTests(VorlagenApp app) : IClassFixture<VorlagenApp>
{
    private readonly HttpClient _admin = app.ClientFor("admin").GetAwaiter().GetResult();
    private long Kyf => app.BodyId("kyffhaeuserkreis");
    private long Org(string body, string name) => app.OrganizationId(body, name);
    private int Count(string table) => app.Scalar<int>($"SELECT COUNT(*) FROM {table}");
    private string Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime).ToString("yyyy-MM-dd");
    private long CurrentTerm => app.Scalar<long>("SELECT id FROM legislative_terms WHERE body_id = @Kyf AND name LIKE '8.%'", new { Kyf });

    [Theory]
    [InlineData("kyffhaeuserkreis")]
    [InlineData("erzgebirgskreis")]
    public async Task Every_demo_gremium_is_filled_to_its_statutory_size_today(string body)
    {
        var organizations = (await (await _admin.GetAsync($"/api/organizations?bodyId={app.BodyId(body)}&pageSize=200")).ReadJson()).GetProperty("items").EnumerateArray()
            .Where(o => o.GetProperty("kind").GetString() is not ("fraktion" or "gruppe")).ToList();
        Assert.NotEmpty(organizations);
        foreach (var organization in organizations)
        {
            var members = (await (await app.CreateClient().GetAsync($"/api/memberships?organizationId={organization.GetProperty("id")}&at={Today}&pageSize=200")).ReadJson())
                .GetProperty("items").EnumerateArray().ToList();
            var voting = members.Count(m => m.GetProperty("votingRight").GetBoolean() && m.GetProperty("role").GetString() is "mitglied" or "vorsitz" or "stellv_vorsitz");
            Assert.Equal(organization.GetProperty("seats").GetInt32(), voting);
        }
    }

    [Fact]
    public async Task The_kyffhaeuser_kreisausschuss_is_the_landraetin_and_six_members_with_gendered_titles()
    {
        var ka = Org("kyffhaeuserkreis", "Kreisausschuss");
        Assert.Equal(7, app.Scalar<int>("SELECT seats FROM organizations WHERE id = @ka", new { ka }));
        var members = (await (await app.CreateClient().GetAsync($"/api/memberships?organizationId={ka}&at={Today}")).ReadJson()).GetProperty("items").EnumerateArray().ToList();
        var landraetin = members.Single(m => m.GetProperty("statutory").GetBoolean());
        Assert.Equal(("Hochwind-Schneider", "Landrätin"), (landraetin.GetProperty("personName").GetString(), landraetin.GetProperty("roleTitle").GetString()));
        Assert.Equal(6, members.Count(m => m.GetProperty("role").GetString() == "mitglied"));
        // Six named deputies from the seed (the seat-limit test of this class may add one more).
        Assert.True(members.Count(m => m.GetProperty("role").GetString() == "stellvertretung" && m.GetProperty("deputyForId").ValueKind == JsonValueKind.Number) >= 6);
    }

    [Fact]
    public async Task Create_and_update_a_person_with_if_match_and_history()
    {
        var response = await _admin.PostAsJsonAsync("/api/persons", new { bodyId = Kyf, title = "Dr.", givenName = "Erika", familyName = "Testfrau", gender = "female", email = "buero@example.org" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var person = await response.ReadJson();
        var id = person.GetProperty("id").GetInt64();
        Assert.Equal(("Dr. Erika Testfrau", "\"1\""), (person.GetProperty("name").GetString(), response.Headers.ETag?.Tag));

        var stale = await Put($"/api/persons/{id}", new { familyName = "Veraltet" }, "\"7\"");
        await stale.AssertProblem(412, "stale_version");
        var ok = await Put($"/api/persons/{id}", new { givenName = "Erika", familyName = "Testfrau-Neu", gender = "female", status = "former" }, "\"1\"");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(("Testfrau-Neu", "former", 2L), (app.Scalar<string>("SELECT family_name FROM persons WHERE id = @id", new { id }),
            app.Scalar<string>("SELECT status FROM persons WHERE id = @id", new { id }), app.Scalar<long>("SELECT version FROM persons WHERE id = @id", new { id })));
        var history = (await (await _admin.GetAsync($"/api/persons/{id}/history")).ReadJson()).EnumerateArray().ToList();
        Assert.Equal(["created", "updated"], history.Select(h => h.GetProperty("action").GetString()));
        Assert.Contains("Testfrau-Neu", history[1].GetProperty("summary").GetString());
        Assert.StartsWith("Systemadministration (#", history[1].GetProperty("changedBy").GetString());
    }

    [Fact]
    public async Task Invalid_person_input_is_400_per_field_and_non_admins_403_and_nothing_is_written()
    {
        var (before, changes) = (Count("persons"), Count("people_changes"));
        var invalid = await _admin.PostAsJsonAsync("/api/persons", new { bodyId = Kyf, familyName = " ", gender = "weiblich", email = "keine adresse", status = "tot" });
        var errors = (await invalid.AssertProblem(400, "validation")).GetProperty("errors");
        foreach (var field in new[] { "familyName", "gender", "email", "status" }) Assert.True(errors.TryGetProperty(field, out _), field);
        await (await (await app.ClientFor("kyf.clerk")).PostAsJsonAsync("/api/persons", new { bodyId = Kyf, familyName = "Unbefugt" })).AssertProblem(403, "forbidden");
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().PostAsJsonAsync("/api/persons", new { bodyId = Kyf, familyName = "Anonym" })).StatusCode);
        Assert.Equal(before, Count("persons"));
        Assert.Equal(changes, Count("people_changes"));
    }

    [Fact]
    public async Task Memberships_follow_two_wahlperioden_and_dates_outside_a_term_are_refused()
    {
        var term9 = await _admin.PostAsJsonAsync("/api/legislative-terms", new { bodyId = Kyf, name = "9. Wahlperiode (2029–2034)", startDate = "2029-07-01", endDate = "2034-06-30" });
        Assert.Equal(HttpStatusCode.Created, term9.StatusCode);
        var term9Id = (await term9.ReadJson()).GetProperty("id").GetInt64();
        var overlapping = await _admin.PostAsJsonAsync("/api/legislative-terms", new { bodyId = Kyf, name = "Doppelt", startDate = "2029-01-01", endDate = "2030-01-01" });
        await overlapping.AssertProblem(409, "term_overlaps");
        var person = await CreatePersonAsync("Zweiperioden");
        var gfk = Org("kyffhaeuserkreis", "Fraktion Gemeinsam für den Kreis");

        var first = await _admin.PostAsJsonAsync("/api/memberships", new { personId = person, organizationId = gfk, legislativeTermId = CurrentTerm, role = "mitglied", startDate = "2024-07-01" });
        var second = await _admin.PostAsJsonAsync("/api/memberships", new { personId = person, organizationId = gfk, legislativeTermId = term9Id, role = "vorsitz", startDate = "2029-07-01" });
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, second.StatusCode));

        var in2026 = (await (await app.CreateClient().GetAsync($"/api/memberships?personId={person}&at=2026-01-15")).ReadJson()).GetProperty("items").EnumerateArray().Single();
        var in2030 = (await (await app.CreateClient().GetAsync($"/api/memberships?personId={person}&at=2030-01-15")).ReadJson()).GetProperty("items").EnumerateArray().Single();
        Assert.Equal(("mitglied", "2029-06-30"), (in2026.GetProperty("role").GetString(), in2026.GetProperty("effectiveEndDate").GetString()));
        Assert.Equal(("vorsitz", "Vorsitz"), (in2030.GetProperty("role").GetString(), in2030.GetProperty("roleTitle").GetString()));
        var shown = await (await app.CreateClient().GetAsync($"/api/persons/{person}")).ReadJson();
        Assert.Equal("Fraktion Gemeinsam für den Kreis", shown.GetProperty("fraktionName").GetString());

        var before = Count("memberships");
        var outside = await _admin.PostAsJsonAsync("/api/memberships", new { personId = person, organizationId = Org("kyffhaeuserkreis", "Fraktion Neue Mitte"),
            legislativeTermId = CurrentTerm, role = "mitglied", startDate = "2023-01-01", endDate = "2030-01-01" });
        var outsideErrors = (await outside.AssertProblem(400, "validation")).GetProperty("errors");
        Assert.True(outsideErrors.TryGetProperty("startDate", out _) && outsideErrors.TryGetProperty("endDate", out _));
        var overlap = await _admin.PostAsJsonAsync("/api/memberships", new { personId = person, organizationId = gfk, legislativeTermId = CurrentTerm, role = "mitglied", startDate = "2025-01-01" });
        await overlap.AssertProblem(409, "membership_overlaps");
        Assert.Equal(before, Count("memberships"));
    }

    [Fact]
    public async Task A_full_gremium_refuses_another_voting_seat_and_a_deputy_must_name_a_member()
    {
        var ka = Org("kyffhaeuserkreis", "Kreisausschuss");
        var person = await CreatePersonAsync("Achtermitglied");
        var before = Count("memberships");

        var full = await _admin.PostAsJsonAsync("/api/memberships", new { personId = person, organizationId = ka, legislativeTermId = CurrentTerm, role = "mitglied", startDate = Today });
        var problem = await full.AssertProblem(422, "seat_limit_exceeded");
        Assert.Equal((7, 8), (problem.GetProperty("seats").GetInt32(), problem.GetProperty("filled").GetInt32()));
        Assert.Contains("ThürKO", problem.GetProperty("citation").GetString());
        var unnamed = await _admin.PostAsJsonAsync("/api/memberships", new { personId = person, organizationId = ka, legislativeTermId = CurrentTerm, role = "stellvertretung", startDate = Today });
        Assert.True((await unnamed.AssertProblem(400, "validation")).GetProperty("errors").TryGetProperty("deputyForId", out _));
        Assert.Equal(before, Count("memberships"));

        var member = app.Scalar<long>("SELECT m.id FROM memberships m WHERE m.organization_id = @ka AND m.legislative_term_id = @term AND m.role = 'mitglied' ORDER BY m.id LIMIT 1",
            new { ka, term = CurrentTerm });
        var deputy = await _admin.PostAsJsonAsync("/api/memberships", new { personId = person, organizationId = ka, legislativeTermId = CurrentTerm, role = "stellvertretung",
            deputyForId = member, startDate = Today });
        Assert.Equal(HttpStatusCode.Created, deputy.StatusCode);
        Assert.False((await deputy.ReadJson()).GetProperty("votingRight").GetBoolean());
    }

    [Fact]
    public async Task A_gremium_cannot_be_made_smaller_than_its_current_members_fill()
    {
        var ka = Org("kyffhaeuserkreis", "Kreisausschuss");
        var current = await (await _admin.GetAsync($"/api/organizations/{ka}")).ReadJson();
        object Body(int seats) => new
        {
            name = current.GetProperty("name").GetString(), shortName = current.GetProperty("shortName").GetString(), kind = current.GetProperty("kind").GetString(),
            seats, chairVotes = current.GetProperty("chairVotes").GetBoolean(), defaultMajority = current.GetProperty("defaultMajority").GetString(), active = true,
        };
        var version = $"\"{current.GetProperty("version").GetInt32()}\"";

        var smaller = await Put($"/api/organizations/{ka}", Body(6), version);
        var problem = await smaller.AssertProblem(422, "seat_limit_exceeded");
        Assert.Equal((6, 7), (problem.GetProperty("seats").GetInt32(), problem.GetProperty("filled").GetInt32()));
        Assert.Contains("verkleinert", problem.GetProperty("detail").GetString());
        Assert.Equal(7, app.Scalar<int>("SELECT seats FROM organizations WHERE id = @ka", new { ka }));

        var same = await Put($"/api/organizations/{ka}", Body(7), version);
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
    }

    [Fact]
    public async Task Chair_rights_come_from_a_vorsitz_membership_and_end_with_it()
    {
        var gremium = (await (await _admin.PostAsJsonAsync("/api/organizations", new { bodyId = Kyf, name = "Jugendhilfeausschuss Test", shortName = "JHA", kind = "beratender_ausschuss", seats = 5, chairVotes = true })).ReadJson()).GetProperty("id").GetInt64();
        var user = (await (await _admin.PostAsJsonAsync("/api/users", new { bodyId = Kyf, username = "kyf.vorsitz.jha", displayName = "Vorsitz JHA", password = "sehr-geheim-123" })).ReadJson()).GetProperty("id").GetInt64();
        var person = (await (await _admin.PostAsJsonAsync("/api/persons", new { bodyId = Kyf, givenName = "Jana", familyName = "Vorsitzende", userId = user })).ReadJson()).GetProperty("id").GetInt64();
        var client = app.CreateClient();
        var token = (await (await client.PostAsJsonAsync("/api/auth/token", new { username = "kyf.vorsitz.jha", password = "sehr-geheim-123" })).ReadJson()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        async Task<long[]> ChairOf() => [.. (await (await client.GetAsync("/api/auth/me")).ReadJson()).GetProperty("chairOf").EnumerateArray().Select(e => e.GetInt64())];
        Assert.Empty(await ChairOf());

        var created = await _admin.PostAsJsonAsync("/api/memberships", new { personId = person, organizationId = gremium, legislativeTermId = CurrentTerm, role = "vorsitz", startDate = "2024-07-01" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var membership = (await created.ReadJson()).GetProperty("id").GetInt64();
        Assert.Equal([gremium], await ChairOf());
        Assert.Contains((await (await _admin.GetAsync($"/api/users/{user}")).ReadJson()).GetProperty("derivedRoles").EnumerateArray(),
            g => g.GetProperty("role").GetString() == "chair" && g.GetProperty("organizationId").GetInt64() == gremium);

        var ended = await Put($"/api/memberships/{membership}", new { legislativeTermId = CurrentTerm, role = "vorsitz", startDate = "2024-07-01", endDate = Today }, "\"1\"");
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.Equal([gremium], await ChairOf());
        var yesterday = DateOnly.ParseExact(Today, "yyyy-MM-dd").AddDays(-1).ToString("yyyy-MM-dd");
        var endedYesterday = await Put($"/api/memberships/{membership}", new { legislativeTermId = CurrentTerm, role = "vorsitz", startDate = "2024-07-01", endDate = yesterday }, "\"2\"");
        Assert.Equal(HttpStatusCode.OK, endedYesterday.StatusCode);
        Assert.Empty(await ChairOf());
        Assert.Equal(3, app.Scalar<int>("SELECT COUNT(*) FROM people_changes WHERE subject = 'membership' AND subject_id = @membership", new { membership }));
    }

    [Fact]
    public async Task Csv_dry_run_lists_every_problem_by_line_and_the_import_is_all_or_nothing()
    {
        const string bad = "Name;Fraktion;Gremium;Rolle;von;bis\n" +
                           "Anna Import;GfK;Wirtschaft unbekannt;Mitglied;01.08.2024;\n" +
                           "Bernd Import;Keine Fraktion;Kreistag;König;32.13.2024;\n" +
                           "Clara Import;NM;WiA;beratend;01.08.2024;\n";
        var (persons, memberships) = (Count("persons"), Count("memberships"));

        var dry = await (await _admin.PostAsJsonAsync("/api/persons/import", new { bodyId = Kyf, csv = bad, dryRun = true })).ReadJson();
        var problems = dry.GetProperty("problems").EnumerateArray().Select(p => (p.GetProperty("line").GetInt32(), p.GetProperty("field").GetString())).ToList();
        Assert.Contains((2, "gremium"), problems);
        Assert.Contains((3, "fraktion"), problems);
        Assert.Contains((3, "role"), problems);
        Assert.Contains((3, "from"), problems);
        Assert.DoesNotContain(problems, p => p.Item1 == 4);
        Assert.False(dry.GetProperty("written").GetBoolean());
        var real = await _admin.PostAsJsonAsync("/api/persons/import", new { bodyId = Kyf, csv = bad, dryRun = false });
        Assert.Equal(4, (await real.AssertProblem(422, "import_failed")).GetProperty("problems").GetArrayLength());
        Assert.Equal((persons, memberships), (Count("persons"), Count("memberships")));

        const string good = "Dora Import;GfK;WiA;sachkundige Einwohnerin;01.08.2024;\nEmil Import;SL;Ausschuss für Wirtschaft, Tourismus und Umwelt;Stellvertretung für Dora Import;15.08.2024;31.12.2025\n";
        var goodDry = await (await _admin.PostAsJsonAsync("/api/persons/import", new { bodyId = Kyf, csv = good })).ReadJson();
        Assert.Equal(1, goodDry.GetProperty("problems").GetArrayLength()); // Dora is beratend: she holds no seat a deputy could stand in for
        const string fixedCsv = "Dora Import;GfK;Kreistag;Stellvertretung für Dora Import;01.08.2024;\n";
        var selfDeputy = await (await _admin.PostAsJsonAsync("/api/persons/import", new { bodyId = Kyf, csv = fixedCsv })).ReadJson();
        Assert.NotEqual(0, selfDeputy.GetProperty("problems").GetArrayLength());
        const string valid = "Dora Import;GfK;WiA;sachkundige Einwohnerin;01.08.2024;\nEmil Import;SL;WiA;beratendes Mitglied;15.08.2024;31.12.2025\n";
        var imported = await (await _admin.PostAsJsonAsync("/api/persons/import", new { bodyId = Kyf, csv = valid, dryRun = false })).ReadJson();
        Assert.Equal((true, 2, 4), (imported.GetProperty("written").GetBoolean(), imported.GetProperty("personsCreated").GetInt32(), imported.GetProperty("membershipsCreated").GetInt32()));
        Assert.Equal((persons + 2, memberships + 4), (Count("persons"), Count("memberships")));
        Assert.Equal("2025-12-31", app.Scalar<string>("SELECT m.end_date FROM memberships m JOIN persons p ON p.id = m.person_id JOIN organizations o ON o.id = m.organization_id WHERE p.family_name = 'Import' AND p.given_name = 'Emil' AND o.short_name = 'WiA'"));
    }

    [Fact]
    public async Task A_members_paper_list_shows_non_public_papers_of_their_gremien_only_while_the_membership_lasts()
    {
        var api = new PaperApi(app);
        var clerk = await app.ClientFor("kyf.clerk");
        var reference = "MB-" + Guid.NewGuid().ToString("N")[..8];
        var paper = await api.CreateAsync(clerk, new
        {
            bodyId = Kyf, reference, title = "Vertrauliche Grundstückssache", originator = "Die Landrätin", proposal = "Verkauf.", reasoning = "Vertraulich.", @public = false,
            consultations = new object[] { new { organizationId = Org("kyffhaeuserkreis", "Ausschuss für Soziales, Familie, Gesundheit, Gleichstellung und Ausländerfragen"), role = "vorberatend", @public = false },
                new { organizationId = Org("kyffhaeuserkreis", "Kreistag"), role = "beschliessend", @public = false } },
        });
        var id = PaperApi.Id(paper);
        await api.ActAsync(clerk, id, "submit");
        await api.ActAsync(await app.ClientFor("kyf.landraetin"), id, "release");
        var member = await app.ClientFor("kyf.member");
        async Task<int> Found() => (await (await member.GetAsync($"/api/papers?q={reference}")).ReadJson()).GetProperty("total").GetInt32();
        Assert.Equal(1, await Found());
        Assert.Equal(0, (await (await (await app.ClientFor("kyf.chair.wirtschaft")).GetAsync($"/api/papers?q={reference}")).ReadJson()).GetProperty("total").GetInt32());

        // End kyf.member's memberships in both Gremien yesterday: the list and the detail close at once.
        var yesterday = DateOnly.ParseExact(Today, "yyyy-MM-dd").AddDays(-1).ToString("yyyy-MM-dd");
        using (var db = app.OpenDatabase())
            Dapper.SqlMapper.Execute(db, "UPDATE memberships SET end_date = @yesterday WHERE person_id = (SELECT p.id FROM persons p JOIN users u ON u.id = p.user_id " +
                "WHERE u.username = 'kyf.member') AND legislative_term_id = @term AND start_date <= @yesterday", new { yesterday, term = CurrentTerm });
        Assert.Equal(0, await Found());
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/api/papers/{id}")).StatusCode);
    }

    private async Task<long> CreatePersonAsync(string familyName)
    {
        var response = await _admin.PostAsJsonAsync("/api/persons", new { bodyId = Kyf, givenName = "Test", familyName });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJson()).GetProperty("id").GetInt64();
    }

    private async Task<HttpResponseMessage> Put(string url, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await _admin.SendAsync(request);
    }
}

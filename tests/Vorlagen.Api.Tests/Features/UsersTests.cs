using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Features;

/// <summary>User administration over HTTP: status codes, bodies and what the database holds afterwards.</summary>
public sealed class UsersTests(VorlagenApp app) : IClassFixture<VorlagenApp>
{
    private const string Password = "sehr-geheim-123";
    private readonly HttpClient _admin = app.ClientFor("admin").GetAwaiter().GetResult();

    private long Kyf => app.BodyId("kyffhaeuserkreis");
    private long Erz => app.BodyId("erzgebirgskreis");
    private long KyfAusschuss => app.OrganizationId("kyffhaeuserkreis", PaperApi.KyfAusschuss);
    private int UserCount => app.Scalar<int>("SELECT COUNT(*) FROM users");

    [Fact]
    public async Task Lists_the_users_of_a_body_with_their_roles_and_never_a_password_hash()
    {
        var response = await _admin.GetAsync($"/api/users?bodyId={Kyf}&pageSize=200");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJson();
        var items = body.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(app.Scalar<int>("SELECT COUNT(*) FROM users WHERE body_id = @Kyf", new { Kyf }), body.GetProperty("total").GetInt32());
        Assert.All(items, u => Assert.Equal(Kyf, u.GetProperty("bodyId").GetInt64()));
        Assert.DoesNotContain("password", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        var chair = items.Single(u => u.GetProperty("username").GetString() == "kyf.chair.soziales");
        // Chair rights are not granted but derived from the Vorsitz membership of the linked person.
        Assert.Empty(chair.GetProperty("roles").EnumerateArray());
        Assert.Equal(app.Scalar<long>("SELECT p.id FROM persons p JOIN users u ON u.id = p.user_id WHERE u.username = 'kyf.chair.soziales'"),
            chair.GetProperty("personId").GetInt64());
        var grant = chair.GetProperty("derivedRoles").EnumerateArray().Single();
        Assert.Equal(("chair", "Vorsitz", KyfAusschuss, PaperApi.KyfAusschuss),
            (grant.GetProperty("role").GetString(), grant.GetProperty("roleLabel").GetString(), grant.GetProperty("organizationId").GetInt64(),
                grant.GetProperty("organizationName").GetString()));
    }

    [Fact]
    public async Task Chair_and_member_grants_are_refused_because_they_follow_from_memberships()
    {
        var before = UserCount;
        var response = await _admin.PostAsJsonAsync("/api/users", new
        {
            bodyId = Kyf, username = "kyf.chair.neu", displayName = "Neue Vorsitzende", password = Password,
            roles = new object[] { new { role = "chair", organizationId = KyfAusschuss }, new { role = "member", organizationId = KyfAusschuss } },
        });

        var errors = (await response.AssertProblem(400, "validation")).GetProperty("errors");
        Assert.Contains("Mitgliedschaften", errors.GetProperty("roles[0].role")[0].GetString());
        Assert.True(errors.TryGetProperty("roles[1].role", out _));
        Assert.Equal(before, UserCount);
    }

    [Fact]
    public async Task Create_stores_a_hashed_password_and_a_kreisrat_account_needs_no_role_and_can_sign_in()
    {
        var response = await _admin.PostAsJsonAsync("/api/users", new
        {
            bodyId = Kyf, username = "kyf.chair.neu", displayName = "Neue Kreisrätin", password = Password,
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadJson();
        var id = created.GetProperty("id").GetInt64();
        Assert.Equal($"/api/users/{id}", response.Headers.Location?.ToString());
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.True(created.GetProperty("active").GetBoolean());
        var hash = app.Scalar<string>("SELECT password_hash FROM users WHERE id = @id", new { id });
        Assert.DoesNotContain(Password, hash);
        Assert.Equal(0, app.Scalar<int>("SELECT COUNT(*) FROM user_roles WHERE user_id = @id", new { id }));

        var me = await (await ClientWith("kyf.chair.neu", Password)).GetFromJsonAsync<JsonElement>("/api/auth/me");
        Assert.Empty(me.GetProperty("chairOf").EnumerateArray());
        Assert.Empty(me.GetProperty("roles").EnumerateArray());
    }

    [Fact]
    public async Task Create_with_invalid_fields_is_400_per_field_and_writes_nothing()
    {
        var before = UserCount;
        var response = await _admin.PostAsJsonAsync("/api/users", new
        {
            bodyId = Kyf, username = "Nicht Gültig!", displayName = "", password = "kurz",
            roles = new object[] { new { role = "king" }, new { role = "chair" }, new { role = "clerk", organizationId = KyfAusschuss } },
        });

        var problem = await response.AssertProblem(400, "validation");
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "username", "displayName", "password", "roles[0].role", "roles[1].role", "roles[2].organizationId" })
            Assert.True(errors.TryGetProperty(field, out _), field);
        Assert.Equal(before, UserCount);
    }

    [Fact]
    public async Task Create_with_a_gremium_grant_or_a_bodyless_non_admin_is_400_and_writes_nothing()
    {
        var before = UserCount;
        var erzAusschuss = app.OrganizationId("erzgebirgskreis", PaperApi.ErzAusschuss);

        var foreign = await _admin.PostAsJsonAsync("/api/users", NewUser("kyf.fremd", Kyf, new { role = "member", organizationId = erzAusschuss }));
        var none = await _admin.PostAsJsonAsync("/api/users", new { username = "ohne.rolle", displayName = "Ohne Rolle", password = Password });
        var bodyless = await _admin.PostAsJsonAsync("/api/users", new
        {
            username = "ohne.koerperschaft", displayName = "Ohne Körperschaft", password = Password, roles = new[] { new { role = "clerk" } },
        });

        Assert.True((await foreign.AssertProblem(400, "validation")).GetProperty("errors").TryGetProperty("roles[0].role", out _));
        Assert.True((await none.AssertProblem(400, "validation")).GetProperty("errors").TryGetProperty("roles", out _));
        Assert.True((await bodyless.AssertProblem(400, "validation")).GetProperty("errors").TryGetProperty("roles", out _));
        Assert.Equal(before, UserCount);
    }

    [Fact]
    public async Task Create_with_a_taken_username_is_409_and_writes_nothing()
    {
        var before = UserCount;
        var response = await _admin.PostAsJsonAsync("/api/users", NewUser("kyf.clerk", Kyf, new { role = "clerk" }));

        await response.AssertProblem(409, "username_taken");
        Assert.Equal(before, UserCount);
    }

    [Theory]
    [InlineData("kyf.clerk")]
    [InlineData("kyf.landraetin")]
    [InlineData("kyf.member")]
    public async Task Non_admins_get_403_and_nothing_is_written(string username)
    {
        var client = await app.ClientFor(username);
        var before = UserCount;
        var memberId = app.Scalar<long>("SELECT id FROM users WHERE username = 'kyf.member'");

        var list = await client.GetAsync($"/api/users?bodyId={Kyf}");
        var get = await client.GetAsync($"/api/users/{memberId}");
        var create = await client.PostAsJsonAsync("/api/users", NewUser($"{username}.zwei", Kyf, new { role = "clerk" }));
        var update = await client.PutAsJsonAsync($"/api/users/{memberId}", new { displayName = "Umbenannt", active = true, roles = new[] { new { role = "clerk" } } });
        var reset = await client.PostAsJsonAsync($"/api/users/{memberId}/password", new { password = Password });

        foreach (var response in new[] { list, get, create, update, reset }) await response.AssertProblem(403, "forbidden");
        Assert.Equal(before, UserCount);
        Assert.Equal("Kreisrat Kyffhäuserkreis", app.Scalar<string>("SELECT display_name FROM users WHERE id = @memberId", new { memberId }));
        Assert.Equal(0, app.Scalar<int>("SELECT COUNT(*) FROM user_roles WHERE user_id = @memberId AND role = 'clerk'", new { memberId }));
    }

    [Fact]
    public async Task Anonymous_callers_get_401()
    {
        var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/users?bodyId={Kyf}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/users", NewUser("anon.user", Kyf, new { role = "clerk" }))).StatusCode);
    }

    [Fact]
    public async Task A_body_admin_manages_the_users_of_their_own_body_only()
    {
        await CreateAsync(NewUser("kyf.admin", Kyf, new { role = "admin" }));
        var bodyAdmin = await ClientWith("kyf.admin", Password);
        var erzClerk = app.Scalar<long>("SELECT id FROM users WHERE username = 'erz.clerk'");

        var own = await (await bodyAdmin.GetAsync("/api/users?pageSize=200")).ReadJson();
        Assert.All(own.GetProperty("items").EnumerateArray(), u => Assert.Equal(Kyf, u.GetProperty("bodyId").GetInt64()));
        await (await bodyAdmin.GetAsync($"/api/users?bodyId={Erz}")).AssertProblem(403, "forbidden");
        await (await bodyAdmin.GetAsync($"/api/users/{erzClerk}")).AssertProblem(404, "not_found");
        await (await bodyAdmin.PutAsJsonAsync($"/api/users/{erzClerk}", new { displayName = "Übernommen", roles = new[] { new { role = "clerk" } } }))
            .AssertProblem(404, "not_found");
        await (await bodyAdmin.PostAsJsonAsync("/api/users", NewUser("erz.eingeschleust", Erz, new { role = "clerk" }))).AssertProblem(403, "forbidden");
        Assert.Equal("Sitzungsdienst Erzgebirgskreis", app.Scalar<string>("SELECT display_name FROM users WHERE id = @erzClerk", new { erzClerk }));

        var created = await bodyAdmin.PostAsJsonAsync("/api/users", NewUser("kyf.sitzungsdienst2", Kyf, new { role = "clerk" }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(Kyf, app.Scalar<long>("SELECT body_id FROM users WHERE username = 'kyf.sitzungsdienst2'"));
    }

    [Fact]
    public async Task Update_replaces_roles_checks_if_match_and_deactivation_stops_sign_in()
    {
        var id = await CreateAsync(NewUser("kyf.wechsel", Kyf, new { role = "landrat" }));
        var token = await TokenFor("kyf.wechsel", Password);

        var ok = await Put($"/api/users/{id}", new { displayName = "Gewechselt", active = false, roles = new[] { new { role = "clerk" } } }, "\"1\"");

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("\"2\"", ok.Headers.ETag?.Tag);
        Assert.False((await ok.ReadJson()).GetProperty("active").GetBoolean());
        Assert.Equal(("Gewechselt", 0L), (app.Scalar<string>("SELECT display_name FROM users WHERE id = @id", new { id }),
            app.Scalar<long>("SELECT active FROM users WHERE id = @id", new { id })));
        Assert.Equal(["clerk"], ReadRoles(id));
        Assert.Equal(HttpStatusCode.Unauthorized, (await _admin.PostAsJsonAsync("/api/auth/token", new { username = "kyf.wechsel", password = Password })).StatusCode);
        var stillSignedIn = app.CreateClient();
        stillSignedIn.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stillSignedIn.GetAsync("/api/auth/me")).StatusCode);

        var stale = await Put($"/api/users/{id}", new { displayName = "Veraltet", active = true, roles = new[] { new { role = "landrat" } } }, "\"1\"");
        Assert.Equal(2, (await stale.AssertProblem(412, "stale_version")).GetProperty("currentVersion").GetInt32());
        Assert.Equal(["clerk"], ReadRoles(id));
    }

    [Fact]
    public async Task Invalid_update_is_400_and_changes_nothing()
    {
        var id = await CreateAsync(NewUser("kyf.unveraendert", Kyf, new { role = "clerk" }));

        var response = await Put($"/api/users/{id}", new { displayName = "", active = true, roles = new[] { new { role = "member" } } }, null);

        var errors = (await response.AssertProblem(400, "validation")).GetProperty("errors");
        Assert.True(errors.TryGetProperty("displayName", out _));
        Assert.True(errors.TryGetProperty("roles[0].role", out _));
        Assert.Equal(1, app.Scalar<int>("SELECT version FROM users WHERE id = @id", new { id }));
        Assert.Equal(["clerk"], ReadRoles(id));
    }

    [Fact]
    public async Task An_admin_cannot_lock_themselves_out()
    {
        var adminId = app.Scalar<long>("SELECT id FROM users WHERE username = 'admin'");
        var response = await _admin.PutAsJsonAsync($"/api/users/{adminId}", new { displayName = "Systemadministration", active = false, roles = new[] { new { role = "admin" } } });

        await response.AssertProblem(409, "self_lockout");
        Assert.Equal(1L, app.Scalar<long>("SELECT active FROM users WHERE id = @adminId", new { adminId }));
    }

    [Fact]
    public async Task Reset_password_unlocks_the_account_and_revokes_its_tokens()
    {
        var id = await CreateAsync(NewUser("kyf.vergesslich", Kyf, new { role = "clerk" }));
        var oldToken = await TokenFor("kyf.vergesslich", Password);
        for (var i = 0; i < 5; i++) await _admin.PostAsJsonAsync("/api/auth/token", new { username = "kyf.vergesslich", password = "falsch" });
        Assert.True((await (await _admin.GetAsync($"/api/users/{id}")).ReadJson()).GetProperty("locked").GetBoolean());

        var response = await _admin.PostAsJsonAsync($"/api/users/{id}/password", new { password = "ein-neues-passwort" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False((await response.ReadJson()).GetProperty("locked").GetBoolean());
        Assert.Equal(0, app.Scalar<int>("SELECT COUNT(*) FROM access_tokens WHERE user_id = @id AND revoked_at IS NULL", new { id }));
        Assert.StartsWith("Systemadministration (#", app.Scalar<string>("SELECT updated_by FROM users WHERE id = @id", new { id }));
        var old = app.CreateClient();
        old.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", oldToken);
        Assert.Equal(HttpStatusCode.Unauthorized, (await old.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _admin.PostAsJsonAsync("/api/auth/token", new { username = "kyf.vergesslich", password = Password })).StatusCode);
        await TokenFor("kyf.vergesslich", "ein-neues-passwort");

        var tooShort = await _admin.PostAsJsonAsync($"/api/users/{id}/password", new { password = "kurz" });
        Assert.True((await tooShort.AssertProblem(400, "validation")).GetProperty("errors").TryGetProperty("password", out _));
    }

    [Theory]
    [InlineData("\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000", "Steuerzeichen")]
    [InlineData("\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B", "unsichtbare Zeichen")]
    [InlineData("geheim-\u202Egeheim-geheim", "unsichtbare Zeichen")]
    [InlineData("            ", "Bitte geben Sie ein Passwort an")]
    public async Task A_password_of_invisible_or_control_characters_is_refused_on_create_and_reset(string password, string message)
    {
        var id = await CreateAsync(NewUser("kyf.unsichtbar." + message.Length + password.Length, Kyf, new { role = "clerk" }));
        var hash = app.Scalar<string>("SELECT password_hash FROM users WHERE id = @id", new { id });
        var users = app.Scalar<int>("SELECT COUNT(*) FROM users");

        var created = await _admin.PostAsJsonAsync("/api/users", new { bodyId = Kyf, username = "kyf.leer", displayName = "Leer", password, roles = new[] { new { role = "clerk" } } });
        var reset = await _admin.PostAsJsonAsync($"/api/users/{id}/password", new { password });

        foreach (var response in new[] { created, reset })
        {
            var errors = (await response.AssertProblem(400, "validation")).GetProperty("errors").GetProperty("password");
            Assert.Contains(errors.EnumerateArray(), e => e.GetString()!.Contains(message));
        }
        Assert.Equal(users, app.Scalar<int>("SELECT COUNT(*) FROM users"));
        Assert.Equal(hash, app.Scalar<string>("SELECT password_hash FROM users WHERE id = @id", new { id }));
    }

    private static object NewUser(string username, long bodyId, object role) =>
        new { bodyId, username, displayName = "Testperson " + username, password = Password, roles = new[] { role } };

    private async Task<long> CreateAsync(object user)
    {
        var response = await _admin.PostAsJsonAsync("/api/users", user);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJson()).GetProperty("id").GetInt64();
    }

    private async Task<HttpResponseMessage> Put(string url, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await _admin.SendAsync(request);
    }

    private List<string> ReadRoles(long id)
    {
        using var connection = app.OpenDatabase();
        return [.. Dapper.SqlMapper.Query<string>(connection, "SELECT role FROM user_roles WHERE user_id = @id ORDER BY role", new { id })];
    }

    private async Task<string> TokenFor(string username, string password)
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/auth/token", new { username, password });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.ReadJson()).GetProperty("accessToken").GetString()!;
    }

    private async Task<HttpClient> ClientWith(string username, string password)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenFor(username, password));
        return client;
    }
}

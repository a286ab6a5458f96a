using System.Data.Common;
using System.Text.Json;
using Dapper;
using Vorlagen.Api.Data;

namespace Vorlagen.Api.Seed;

/// <summary>
/// Loads the demo bodies from <c>db/seed/bodies/*.json</c> and the system users from
/// <c>db/seed/users.json</c>; a body or user that exists is skipped. Demo passwords are all "demo".
/// </summary>
public sealed class DemoDataSeeder(ConnectionFactory factory, TimeProvider clock, ILogger<DemoDataSeeder> logger)
{
    public const string BodyExistsSql = "SELECT COUNT(*) FROM bodies WHERE body_key = @Key";
    public const string InsertBodySql =
        "INSERT INTO bodies (body_key, name, short_name, state, rule_profile, reference_pattern, website, seat, finance_fields, version, created_at, updated_at) " +
        "VALUES (@Key, @Name, @ShortName, @State, @RuleProfile, @ReferencePattern, @Website, @Seat, @Finance, 1, @Now, @Now) {{ReturnId}}";
    /// <summary>A demo body loaded before bodies had a finance block (migration 0011) gets the one of its seed file.</summary>
    public const string FillFinanceSql = "UPDATE bodies SET finance_fields = @Finance WHERE body_key = @Key AND finance_fields IS NULL";
    public const string InsertTemplateSql =
        "INSERT INTO consultation_templates (body_id, paper_type, position, organization_id, role, is_public) " +
        "VALUES (@BodyId, @PaperType, @Position, @OrganizationId, @Role, @Public)";

    public const string DemoPassword = "demo";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task SeedAsync(string seedFolder, CancellationToken cancellationToken)
    {
        var bodiesFolder = Path.Combine(seedFolder, "bodies");
        var files = Directory.Exists(bodiesFolder) ? Directory.GetFiles(bodiesFolder, "*.json").Order().ToList() : [];
        await using var connection = await factory.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var file in files)
        {
            var body = JsonSerializer.Deserialize<SeedBody>(await File.ReadAllTextAsync(file, cancellationToken), Json)
                       ?? throw new InvalidOperationException($"Demo data file {file} is empty.");
            if (await connection.ExecuteScalarAsync<int>(BodyExistsSql, new { body.Key }, transaction) > 0)
            {
                if (body.Finance is { } finance) await connection.ExecuteAsync(FillFinanceSql, new { body.Key, Finance = finance.ToJson() }, transaction);
                continue;
            }
            await InsertAsync(connection, transaction, body);
            logger.LogInformation("Loaded demo body {Body}", body.Name);
        }
        var systemUsers = Path.Combine(seedFolder, "users.json");
        if (File.Exists(systemUsers))
        {
            var now = Instants.Format(clock.GetUtcNow());
            foreach (var user in JsonSerializer.Deserialize<List<SeedUser>>(await File.ReadAllTextAsync(systemUsers, cancellationToken), Json) ?? [])
                await UserWriter.InsertAsync(connection, transaction, factory.Dialect, now, null, user.Username, user.DisplayName, DemoPassword,
                    user.Roles.Select(r => (r.Role, (long?)null)));
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task InsertAsync(DbConnection connection, DbTransaction transaction, SeedBody body)
    {
        var dialect = factory.Dialect;
        var now = Instants.Format(clock.GetUtcNow());
        var bodyId = await connection.ExecuteScalarAsync<long>(dialect.Render(InsertBodySql),
            new
            {
                body.Key, body.Name, body.ShortName, body.State, body.RuleProfile, body.ReferencePattern, body.Website, body.Seat,
                Finance = body.Finance?.ToJson(), Now = now,
            }, transaction);
        var organizationIds = new Dictionary<string, long>();
        foreach (var organization in body.Organizations)
        {
            organizationIds[organization.Key] = await connection.ExecuteScalarAsync<long>(dialect.Render(Features.Organizations.CreateOrganization.InsertSql), new
            {
                BodyId = bodyId, organization.Name, organization.ShortName, organization.Kind, organization.Seats,
                organization.ChairVotes, DefaultMajority = "simple", Now = now, Actor = (string?)null,
            }, transaction);
        }
        foreach (var (paperType, steps) in body.ConsultationTemplates)
        {
            for (var i = 0; i < steps.Count; i++)
            {
                if (!organizationIds.TryGetValue(steps[i].Organization, out var organizationId))
                    throw new InvalidOperationException($"Demo body {body.Key}: template {paperType} names unknown organization '{steps[i].Organization}'.");
                await connection.ExecuteAsync(InsertTemplateSql, new
                {
                    BodyId = bodyId, PaperType = paperType, Position = i + 1, OrganizationId = organizationId, steps[i].Role, steps[i].Public,
                }, transaction);
            }
        }
        foreach (var user in body.Users ?? [])
        {
            await UserWriter.InsertAsync(connection, transaction, dialect, now, bodyId, user.Username, user.DisplayName, DemoPassword,
                user.Roles.Select(r => (r.Role, r.Organization is null ? (long?)null : organizationIds[r.Organization])));
        }
        await InsertPeopleAsync(connection, transaction, body, bodyId, organizationIds, now);
    }

    /// <summary>Wahlperioden, persons and their memberships (deputies after the members they stand for).</summary>
    private async Task InsertPeopleAsync(DbConnection connection, DbTransaction transaction, SeedBody body, long bodyId,
        Dictionary<string, long> organizationIds, string now)
    {
        var dialect = factory.Dialect;
        var terms = new Dictionary<string, (long Id, SeedTerm Term)>();
        foreach (var term in body.LegislativeTerms ?? [])
            terms[term.Key] = (await connection.ExecuteScalarAsync<long>(dialect.Render(Features.People.LegislativeTerms.InsertSql), new
            {
                BodyId = bodyId, term.Name, StartDate = Text(term.StartDate), EndDate = Text(term.EndDate), Now = now, Actor = (string?)null,
            }, transaction), term);
        var persons = new Dictionary<string, long>();
        foreach (var person in body.Persons ?? [])
        {
            var userId = person.User is null ? (long?)null : await connection.ExecuteScalarAsync<long?>(UserIdSql, new { Username = person.User }, transaction)
                ?? throw new InvalidOperationException($"Demo body {body.Key}: person {person.Key} names unknown user '{person.User}'.");
            persons[person.Key] = await connection.ExecuteScalarAsync<long>(dialect.Render(Features.People.CreatePerson.InsertSql), new
            {
                BodyId = bodyId, person.Title, person.GivenName, person.FamilyName, person.FormOfAddress, person.Gender, person.Phone, person.Email,
                person.OfficeAddress, Status = person.Status ?? "active", UserId = userId, Now = now, Actor = (string?)null,
            }, transaction);
        }
        var memberships = new Dictionary<(string Person, string Organization, string Term), long>();
        foreach (var (person, membership) in (body.Persons ?? []).SelectMany(p => p.Memberships.Select(m => (p, m))).OrderBy(x => x.m.DeputyFor is null ? 0 : 1))
        {
            foreach (var termKey in membership.Terms)
            {
                var (termId, term) = terms[termKey];
                long? deputyFor = membership.DeputyFor is { } d ? memberships[(d, membership.Organization, termKey)] : null;
                memberships[(person.Key, membership.Organization, termKey)] = await connection.ExecuteScalarAsync<long>(
                    dialect.Render(Features.People.CreateMembership.InsertSql), new
                    {
                        PersonId = persons[person.Key], OrganizationId = organizationIds[membership.Organization], LegislativeTermId = termId,
                        membership.Role, VotingRight = membership.VotingRight ?? Features.People.MembershipRoles.HoldsSeat(membership.Role),
                        membership.Statutory, DeputyForId = deputyFor, StartDate = Text(term.StartDate), EndDate = (string?)null, membership.Public,
                        Now = now, Actor = (string?)null,
                    }, transaction);
            }
        }
    }

    public const string UserIdSql = "SELECT id FROM users WHERE username = @Username";

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd");
}

using Dapper;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.People;

/// <summary>Queries, rows and the change log shared by the people slices.</summary>
public static class PeopleSql
{
    public const string SelectPersonSql =
        "SELECT p.id AS Id, p.body_id AS BodyId, p.title AS Title, p.given_name AS GivenName, p.family_name AS FamilyName, " +
        "p.form_of_address AS FormOfAddress, p.gender AS Gender, p.phone AS Phone, p.email AS Email, p.office_address AS OfficeAddress, " +
        "p.status AS Status, p.user_id AS UserId, p.version AS Version, p.updated_by AS UpdatedBy FROM persons p";
    public const string PersonByIdSql = SelectPersonSql + " WHERE p.id = @Id";

    public const string SelectMembershipSql =
        "SELECT m.id AS Id, m.person_id AS PersonId, p.title AS PersonTitle, p.given_name AS PersonGivenName, p.family_name AS PersonFamilyName, " +
        "p.gender AS PersonGender, p.body_id AS BodyId, m.organization_id AS OrganizationId, o.name AS OrganizationName, o.kind AS OrganizationKind, " +
        "m.legislative_term_id AS LegislativeTermId, t.name AS LegislativeTermName, t.end_date AS TermEndDate, m.role AS Role, " +
        "m.voting_right AS VotingRight, m.statutory AS Statutory, m.deputy_for_id AS DeputyForId, " +
        "(SELECT dp.family_name FROM memberships d JOIN persons dp ON dp.id = d.person_id WHERE d.id = m.deputy_for_id) AS DeputyForFamilyName, " +
        "(SELECT dp.given_name FROM memberships d JOIN persons dp ON dp.id = d.person_id WHERE d.id = m.deputy_for_id) AS DeputyForGivenName, " +
        "m.start_date AS StartDate, m.end_date AS EndDate, m.is_public AS IsPublic, m.version AS Version, m.updated_by AS UpdatedBy " +
        "FROM memberships m JOIN persons p ON p.id = m.person_id JOIN organizations o ON o.id = m.organization_id " +
        "JOIN legislative_terms t ON t.id = m.legislative_term_id";
    public const string MembershipByIdSql = SelectMembershipSql + " WHERE m.id = @Id";
    public const string MembershipsOfPersonSql = SelectMembershipSql + " WHERE m.person_id = @PersonId ORDER BY m.start_date DESC, o.name, m.id";
    public const string MembershipsOfBodySql = SelectMembershipSql + " WHERE (@BodyId IS NULL OR p.body_id = @BodyId) ORDER BY m.start_date DESC, o.name, m.id";

    public const string InsertChangeSql =
        "INSERT INTO people_changes (body_id, subject, subject_id, person_id, action, summary, changed_at, changed_by) " +
        "VALUES (@BodyId, @Subject, @SubjectId, @PersonId, @Action, @Summary, @Now, @Actor)";

    public sealed record PersonRow
    {
        public long Id { get; init; }
        public long BodyId { get; init; }
        public string? Title { get; init; }
        public string? GivenName { get; init; }
        public string FamilyName { get; init; } = "";
        public string? FormOfAddress { get; init; }
        public string? Gender { get; init; }
        public string? Phone { get; init; }
        public string? Email { get; init; }
        public string? OfficeAddress { get; init; }
        public string Status { get; init; } = "active";
        public long? UserId { get; init; }
        public int Version { get; init; }
        public string? UpdatedBy { get; init; }
    }

    public sealed record MembershipRow
    {
        public long Id { get; init; }
        public long PersonId { get; init; }
        public string? PersonTitle { get; init; }
        public string? PersonGivenName { get; init; }
        public string PersonFamilyName { get; init; } = "";
        public string? PersonGender { get; init; }
        public long BodyId { get; init; }
        public long OrganizationId { get; init; }
        public string OrganizationName { get; init; } = "";
        public string OrganizationKind { get; init; } = "";
        public long LegislativeTermId { get; init; }
        public string LegislativeTermName { get; init; } = "";
        public string TermEndDate { get; init; } = "";
        public string Role { get; init; } = "";
        public bool VotingRight { get; init; }
        public bool Statutory { get; init; }
        public long? DeputyForId { get; init; }
        public string? DeputyForFamilyName { get; init; }
        public string? DeputyForGivenName { get; init; }
        public string StartDate { get; init; } = "";
        public string? EndDate { get; init; }
        public bool IsPublic { get; init; }
        public int Version { get; init; }
        public string? UpdatedBy { get; init; }

        public MembershipDto ToDto() => new(Id, PersonId, FullName(PersonTitle, PersonGivenName, PersonFamilyName), OrganizationId, OrganizationName,
            OrganizationKind, LegislativeTermId, LegislativeTermName, Role, MembershipRoles.Label(Role),
            MembershipRoles.Title(Role, OrganizationKind, Statutory, PersonGender), VotingRight, Statutory, DeputyForId,
            DeputyForFamilyName is null ? null : FullName(null, DeputyForGivenName, DeputyForFamilyName),
            Date(StartDate), EndDate is null ? null : Date(EndDate), Date(EndDate ?? TermEndDate), IsPublic, Version, UpdatedBy);
    }

    public static string FullName(string? title, string? givenName, string familyName) =>
        string.Join(' ', new[] { title, givenName, familyName }.Where(s => !string.IsNullOrWhiteSpace(s)));

    public static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd");

    public static string Text(DateOnly date) => date.ToString("yyyy-MM-dd");

    /// <summary>Status labels of a person.</summary>
    public static string StatusLabel(string status) => status == "former" ? "ausgeschieden" : "aktiv";

    /// <summary>
    /// The person as <paramref name="caller"/> may see them: contact data for signed-in users of the body, the user link and
    /// non-public memberships for the office (clerk, Landrat, admin) and the person themselves.
    /// </summary>
    public static PersonDto ToDto(PersonRow person, IEnumerable<MembershipRow> memberships, Caller caller, DateOnly today)
    {
        var office = caller.SeesAllOf(person.BodyId);
        var self = caller.IsAuthenticated && person.UserId == caller.UserId;
        var insider = caller.BelongsTo(person.BodyId);
        var visible = memberships.Where(m => m.IsPublic || office || self).Select(m => m.ToDto()).ToList();
        var current = visible.Where(m => m.IsCurrentOn(today)).ToList();
        var fraktion = current.FirstOrDefault(m => m.OrganizationKind is "fraktion" or "gruppe")
                       ?? visible.Where(m => m.OrganizationKind is "fraktion" or "gruppe").MaxBy(m => m.StartDate);
        var title = current.FirstOrDefault(m => m.Statutory)?.RoleTitle
                    ?? current.FirstOrDefault(m => m.OrganizationKind == "kreistag")?.RoleTitle
                    ?? current.FirstOrDefault(m => m.OrganizationKind is not ("fraktion" or "gruppe"))?.RoleTitle;
        return new PersonDto(person.Id, person.BodyId, FullName(person.Title, person.GivenName, person.FamilyName), person.Title, person.GivenName,
            person.FamilyName, person.FormOfAddress, insider ? person.Gender : null, title, fraktion?.OrganizationId, fraktion?.OrganizationName,
            person.Status, StatusLabel(person.Status), insider ? person.Phone : null, insider ? person.Email : null, insider ? person.OfficeAddress : null,
            caller.Is(Roles.Admin) && caller.BelongsTo(person.BodyId) ? person.UserId : null, visible, person.Version, office ? person.UpdatedBy : null);
    }

    /// <summary>The person with their memberships, as the caller may see them; 404 when missing or not visible to the caller.</summary>
    public static async Task<PersonDto> ReadPersonAsync(DbSession db, long id, Caller caller, DateOnly today, CancellationToken cancellationToken)
    {
        var connection = await db.ConnectionAsync(cancellationToken);
        var person = await connection.QuerySingleOrDefaultAsync<PersonRow>(new CommandDefinition(PersonByIdSql, new { Id = id }, db.Transaction,
                         cancellationToken: cancellationToken)) ?? throw new NotFoundException("Person", id);
        var memberships = await connection.QueryAsync<MembershipRow>(new CommandDefinition(MembershipsOfPersonSql, new { PersonId = id },
            db.Transaction, cancellationToken: cancellationToken));
        var dto = ToDto(person, memberships, caller, today);
        // Someone with no public membership is not a public person: to outsiders they do not exist.
        if (!caller.SeesAllOf(person.BodyId) && !(caller.IsAuthenticated && person.UserId == caller.UserId) && dto.Memberships.Count == 0) throw new NotFoundException("Person", id);
        return dto;
    }

    /// <summary>All memberships in a body (or all bodies), by person; visibility is decided by <see cref="ToDto"/>. A body has a few hundred.</summary>
    public static async Task<ILookup<long, MembershipRow>> MembershipsOfAsync(DbSession db, long? bodyId, CancellationToken cancellationToken)
    {
        var connection = await db.ConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<MembershipRow>(new CommandDefinition(MembershipsOfBodySql, new { BodyId = bodyId }, db.Transaction,
            cancellationToken: cancellationToken))).ToLookup(m => m.PersonId);
    }

    public static async Task<MembershipDto> ReadMembershipAsync(DbSession db, long id, CancellationToken cancellationToken)
    {
        var connection = await db.ConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<MembershipRow>(new CommandDefinition(MembershipByIdSql, new { Id = id }, db.Transaction,
            cancellationToken: cancellationToken)) ?? throw new NotFoundException("Mitgliedschaft", id);
        return row.ToDto();
    }

    /// <summary>Records who changed what (the history of persons, memberships and Wahlperioden).</summary>
    public static async Task LogAsync(DbSession db, long bodyId, string subject, long subjectId, long? personId, string action, string summary,
        Caller caller, TimeProvider clock, CancellationToken cancellationToken) =>
        await db.Connection.ExecuteAsync(new CommandDefinition(InsertChangeSql, new
        {
            BodyId = bodyId, Subject = subject, SubjectId = subjectId, PersonId = personId, Action = action, Summary = summary,
            Now = Instants.Format(clock.GetUtcNow()), Actor = caller.AuditName,
        }, db.Transaction, cancellationToken: cancellationToken));
}

using System.Data.Common;
using Dapper;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.Users;

/// <summary>Queries and row mapping shared by the user slices.</summary>
public static class UserSql
{
    public const string SelectUserSql =
        "SELECT u.id AS Id, u.body_id AS BodyId, u.username AS Username, u.display_name AS DisplayName, u.active AS Active, " +
        "u.locked_until AS LockedUntil, u.version AS Version, u.created_at AS CreatedAt, u.updated_at AS UpdatedAt FROM users u";
    public const string UserByIdSql = SelectUserSql + " WHERE u.id = @Id";
    public const string SelectGrantsSql =
        "SELECT r.user_id AS UserId, r.role AS Role, r.organization_id AS OrganizationId, o.name AS OrganizationName FROM user_roles r " +
        "JOIN users u ON u.id = r.user_id LEFT JOIN organizations o ON o.id = r.organization_id";
    public const string GrantsOfUserSql = SelectGrantsSql + " WHERE r.user_id = @Id ORDER BY r.role, o.name, r.id";
    /// <summary>Chair, deputy chair and member rights that follow from the current memberships of the user's person (read-only
    /// here; a deputy chair acting in a session has chair rights on top, see TokenAuthenticationHandler.GrantsSql).</summary>
    public const string DerivedGrantsSql =
        "SELECT p.user_id AS UserId, CASE m.role WHEN 'vorsitz' THEN 'chair' WHEN 'stellv_vorsitz' THEN 'deputy_chair' ELSE 'member' END AS Role, " +
        "m.organization_id AS OrganizationId, o.name AS OrganizationName FROM memberships m JOIN persons p ON p.id = m.person_id " +
        "JOIN legislative_terms t ON t.id = m.legislative_term_id JOIN organizations o ON o.id = m.organization_id " +
        "WHERE p.user_id IS NOT NULL AND (@UserId IS NULL OR p.user_id = @UserId) AND (@BodyId IS NULL OR p.body_id = @BodyId) AND p.status = 'active' AND m.statutory = 0 AND o.kind NOT IN ('fraktion', 'gruppe') " +
        "AND m.start_date <= @Today AND COALESCE(m.end_date, t.end_date) >= @Today ORDER BY o.name, m.id";
    public const string PersonOfUsersSql =
        "SELECT user_id AS UserId, id AS PersonId FROM persons WHERE user_id IS NOT NULL AND (@UserId IS NULL OR user_id = @UserId) AND (@BodyId IS NULL OR body_id = @BodyId)";
    public const string InsertRoleSql = "INSERT INTO user_roles (user_id, role, organization_id) VALUES (@UserId, @Role, @OrganizationId)";
    public const string DeleteRolesSql = "DELETE FROM user_roles WHERE user_id = @UserId";
    public const string OrganizationsOfBodySql = "SELECT id FROM organizations WHERE body_id = @BodyId";

    public sealed record UserRow
    {
        public long Id { get; init; }
        public long? BodyId { get; init; }
        public string Username { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public bool Active { get; init; }
        public string? LockedUntil { get; init; }
        public int Version { get; init; }
        public string CreatedAt { get; init; } = "";
        public string UpdatedAt { get; init; } = "";
    }

    public sealed record GrantRow
    {
        public long UserId { get; init; }
        public string Role { get; init; } = "";
        public long? OrganizationId { get; init; }
        public string? OrganizationName { get; init; }
    }

    public sealed record PersonLink
    {
        public long UserId { get; init; }
        public long PersonId { get; init; }
    }

    public static UserDto ToDto(UserRow user, IEnumerable<GrantRow> grants, Derived derived, DateTimeOffset now) => new(
        user.Id, user.BodyId, user.Username, user.DisplayName, user.Active,
        user.LockedUntil is { } locked && Instants.Parse(locked) > now,
        [.. grants.Select(Grant)], [.. derived.Grants[user.Id].Select(Grant)], derived.Persons.GetValueOrDefault(user.Id),
        user.Version, Instants.Parse(user.CreatedAt), Instants.Parse(user.UpdatedAt));

    private static RoleGrantDto Grant(GrantRow g) => new(g.Role, Roles.Labels.GetValueOrDefault(g.Role, g.Role), g.OrganizationId, g.OrganizationName);

    /// <summary>The derived grants and linked persons of one user (<paramref name="userId"/>) or of a body's users (null: all).</summary>
    public sealed record Derived(ILookup<long, GrantRow> Grants, IReadOnlyDictionary<long, long?> Persons);

    public static async Task<Derived> DerivedAsync(DbSession db, long? userId, long? bodyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var connection = await db.ConnectionAsync(cancellationToken);
        var today = DateOnly.FromDateTime(BerlinTime.ToBerlin(now).DateTime).ToString("yyyy-MM-dd");
        var grants = await connection.QueryAsync<GrantRow>(new CommandDefinition(DerivedGrantsSql, new { UserId = userId, BodyId = bodyId, Today = today }, db.Transaction,
            cancellationToken: cancellationToken));
        var persons = await connection.QueryAsync<PersonLink>(new CommandDefinition(PersonOfUsersSql, new { UserId = userId, BodyId = bodyId }, db.Transaction,
            cancellationToken: cancellationToken));
        return new Derived(grants.ToLookup(g => g.UserId), persons.ToDictionary(p => p.UserId, p => (long?)p.PersonId));
    }

    /// <summary>The user as stored now; 404 when there is none.</summary>
    public static async Task<UserDto> ReadAsync(DbSession db, long id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var connection = await db.ConnectionAsync(cancellationToken);
        var user = await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(UserByIdSql, new { Id = id }, db.Transaction,
                       cancellationToken: cancellationToken)) ?? throw new NotFoundException("Benutzer", id);
        var grants = await connection.QueryAsync<GrantRow>(new CommandDefinition(GrantsOfUserSql, new { Id = id }, db.Transaction,
            cancellationToken: cancellationToken));
        return ToDto(user, grants, await DerivedAsync(db, id, null, now, cancellationToken), now);
    }

    public static async Task InsertRolesAsync(DbConnection connection, DbSession db, long userId, IEnumerable<RoleGrant> roles,
        CancellationToken cancellationToken)
    {
        foreach (var grant in roles)
            await connection.ExecuteAsync(new CommandDefinition(InsertRoleSql, new { UserId = userId, grant.Role, grant.OrganizationId },
                db.Transaction, cancellationToken: cancellationToken));
    }
}

using FluentValidation;
using FluentValidation.Results;
using Dapper;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.Users;

/// <summary>Who may manage users, and the checks on role grants that need the database.</summary>
public static class UserAccess
{
    /// <summary>
    /// Admins only: a body admin manages the users of their body, the system administrator every user.
    /// Another body's users are "not found" to a body admin, so their existence does not leak.
    /// </summary>
    public static void RequireAdmin(Caller caller, long? bodyId, long? userId = null)
    {
        RequireAnyAdmin(caller);
        var allowed = bodyId is { } body ? caller.BelongsTo(body) : caller.IsSystemAdmin;
        if (allowed) return;
        if (userId is { } id) throw new NotFoundException("Benutzer", id);
        throw new ForbiddenException("Benutzer anderer Körperschaften kann nur deren Administration verwalten.");
    }

    /// <summary>Non-admins get 403 before anything is looked up.</summary>
    public static void RequireAnyAdmin(Caller caller)
    {
        if (!caller.Is(Roles.Admin))
            throw new ForbiddenException("Benutzer verwalten darf nur die Administration der Körperschaft.");
    }

    /// <summary>
    /// Chair and member grants must name a Gremium of the user's own body; a user without a body can
    /// only be a system administrator (every other role works within one body).
    /// </summary>
    public static async Task CheckGrantsAsync(DbSession db, long? bodyId, IReadOnlyList<RoleGrant> roles, CancellationToken cancellationToken)
    {
        if (bodyId is null && (roles.Count == 0 || roles.Any(r => r.Role != Roles.Admin)))
            throw new ValidationException([new ValidationFailure("roles", "Benutzer ohne Körperschaft können nur Systemadministratoren sein.")]);
        var connection = await db.ConnectionAsync(cancellationToken);
        var own = bodyId is null ? [] : (await connection.QueryAsync<long>(new CommandDefinition(UserSql.OrganizationsOfBodySql,
            new { BodyId = bodyId }, db.Transaction, cancellationToken: cancellationToken))).ToHashSet();
        var failures = roles.Select((r, i) => (r, i))
            .Where(x => x.r.OrganizationId is { } org && !own.Contains(org))
            .Select(x => new ValidationFailure($"roles[{x.i}].organizationId", "Dieses Gremium gehört nicht zur Körperschaft des Benutzers."))
            .ToList();
        if (failures.Count > 0) throw new ValidationException(failures);
    }
}

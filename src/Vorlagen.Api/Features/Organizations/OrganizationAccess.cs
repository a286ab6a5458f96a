using Dapper;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.Organizations;

public static class OrganizationAccess
{
    /// <summary>Only an admin of the body (or the system administrator) configures its Gremien.</summary>
    public static void RequireAdmin(Caller caller, long bodyId)
    {
        if (!caller.Is(Roles.Admin) || !caller.BelongsTo(bodyId))
            throw new ForbiddenException("Nur die Administration der Körperschaft darf Gremien anlegen oder ändern.");
    }

    public const string NameTakenSql = "SELECT COUNT(*) FROM organizations WHERE body_id = @BodyId AND name = @Name AND id <> @ExceptId";

    /// <summary>409 when another Gremium of the body has this (trimmed) name; <paramref name="exceptId"/> is the one being edited.</summary>
    public static async Task EnsureNameFreeAsync(DbSession db, long bodyId, string name, long exceptId, CancellationToken cancellationToken)
    {
        var connection = await db.ConnectionAsync(cancellationToken);
        if (await connection.ExecuteScalarAsync<int>(new CommandDefinition(NameTakenSql, new { BodyId = bodyId, Name = name, ExceptId = exceptId },
                db.Transaction, cancellationToken: cancellationToken)) > 0)
            throw new ConflictException("organization_name_taken", $"Ein Gremium mit dem Namen „{name}“ gibt es in dieser Körperschaft bereits.");
    }
}

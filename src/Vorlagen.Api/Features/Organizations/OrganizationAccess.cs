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
}

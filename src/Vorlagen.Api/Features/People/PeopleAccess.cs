using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.People;

public static class PeopleAccess
{
    /// <summary>Only an admin of the body (or the system administrator) maintains its persons, memberships and Wahlperioden.</summary>
    public static void RequireAdmin(Caller caller, long bodyId)
    {
        if (!caller.Is(Roles.Admin) || !caller.BelongsTo(bodyId))
            throw new ForbiddenException("Personen, Mitgliedschaften und Wahlperioden pflegt nur die Administration der Körperschaft.");
    }

    /// <summary>
    /// SQL arguments that decide visibility inside list queries: the office (clerk, Landrat, admin) sees everything of its body,
    /// the system administrator everything, a signed-in person also their own non-public memberships; everyone else public ones only.
    /// </summary>
    public static object VisibilityArgs(Caller caller) => new
    {
        OfficeBody = caller.BodyId is { } body && caller.SeesAllOf(body) ? body : (long?)null,
        SystemAdmin = caller.IsSystemAdmin,
        SelfUser = caller.UserId,
    };

    /// <summary>The condition on memberships m (joined with persons p) matching <see cref="VisibilityArgs"/>.</summary>
    public const string VisibleMembershipCondition =
        "(m.is_public = 1 OR @SystemAdmin = 1 OR p.body_id = @OfficeBody OR p.user_id = @SelfUser)";
}

using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.Meetings;

/// <summary>
/// Who sees and changes meetings. The office (clerk, Landrat, admin of the body) plans and sees everything; members and chairs
/// of the Gremium see its meetings once published, with the non-public part; everyone else only published meetings with a public
/// part, the non-public part reduced to "nichtöffentlicher Teil".
/// </summary>
public static class MeetingAccess
{
    public static bool IsOffice(Caller caller, long bodyId) => caller.SeesAllOf(bodyId);

    public static bool InGremium(Caller caller, long organizationId) => caller.ChairOf.Contains(organizationId) || caller.MemberOf.Contains(organizationId);

    public static bool MaySee(Caller caller, MeetingSql.MeetingRow row) =>
        IsOffice(caller, row.BodyId) || (row.PublishedAt is not null && (row.IsPublic || (caller.BelongsTo(row.BodyId) && InGremium(caller, row.OrganizationId))));

    public static bool SeesNonPublic(Caller caller, MeetingSql.MeetingRow row) =>
        IsOffice(caller, row.BodyId) || (caller.BelongsTo(row.BodyId) && InGremium(caller, row.OrganizationId));

    public static void RequireOffice(Caller caller, long bodyId)
    {
        if (!IsOffice(caller, bodyId))
            throw new ForbiddenException("Sitzungen plant nur der Sitzungsdienst (Kreistagsbüro), der Landrat oder die Administration der Körperschaft.");
    }

    /// <summary>SQL arguments for list visibility (see <see cref="VisibleCondition"/>).</summary>
    public static object VisibilityArgs(Caller caller) => new
    {
        OfficeBody = caller.BodyId is { } body && caller.SeesAllOf(body) ? body : -1L,
        SystemAdmin = caller.IsSystemAdmin,
        CallerBody = caller.BodyId ?? -1L,
        UserId = caller.UserId ?? -1L,
        GrantsOn = caller.GrantsOn ?? "",
    };

    public const string VisibleCondition =
        "(@SystemAdmin = 1 OR m.body_id = @OfficeBody OR (m.published_at IS NOT NULL AND (m.is_public = 1 OR (m.body_id = @CallerBody AND m.organization_id IN " +
        "(SELECT gm.organization_id FROM memberships gm JOIN persons gp ON gp.id = gm.person_id JOIN legislative_terms gt ON gt.id = gm.legislative_term_id " +
        "WHERE gp.user_id = @UserId AND gp.status = 'active' AND gm.statutory = 0 AND gm.start_date <= @GrantsOn " +
        "AND COALESCE(gm.end_date, gt.end_date) >= @GrantsOn)))))";
}

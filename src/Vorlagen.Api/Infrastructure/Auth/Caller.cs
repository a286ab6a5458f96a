using System.Security.Claims;

namespace Vorlagen.Api.Infrastructure.Auth;

/// <summary>
/// Who is calling, read from the authenticated principal. Anonymous callers are the public.
/// A body-less admin is the system administrator; every other user belongs to exactly one body.
/// </summary>
/// <param name="GrantsOn">the Berlin date (yyyy-MM-dd) on which chair and member rights were derived from memberships;
/// SQL visibility filters use it so that they agree with <see cref="ChairOf"/> and <see cref="MemberOf"/>.</param>
/// <param name="ChairOf">Gremien whose chair rights the caller has: as Vorsitz, or as stellvertretender Vorsitz while acting
/// (chairing a session whose minutes are not yet signed).</param>
/// <param name="DeputyChairOf">Gremien where the caller holds the stellvertretender Vorsitz (acting or not).</param>
public sealed record Caller(long? UserId, string Username, string DisplayName, long? BodyId,
    IReadOnlySet<string> Roles, IReadOnlySet<long> ChairOf, IReadOnlySet<long> MemberOf, IReadOnlySet<long> DeputyChairOf, string? GrantsOn = null)
{
    public const string GrantsOnClaim = "grants_on";
    public const string UserIdClaim = "sub";
    public const string UsernameClaim = "username";
    public const string BodyClaim = "body";
    public const string GrantClaim = "grant";

    public static Caller Anonymous { get; } = new(null, "", "Öffentlichkeit", null,
        new HashSet<string>(), new HashSet<long>(), new HashSet<long>(), new HashSet<long>());

    public bool IsAuthenticated => UserId is not null;

    /// <summary>How changes by this caller are recorded in <c>updated_by</c> columns: name and user id.</summary>
    public string AuditName => $"{DisplayName} (#{UserId})";
    public bool Is(string role) => Roles.Contains(role);
    public bool IsSystemAdmin => Is(Auth.Roles.Admin) && BodyId is null;

    /// <summary>Users never see or touch another body's data.</summary>
    public bool BelongsTo(long bodyId) => IsSystemAdmin || (BodyId == bodyId && IsAuthenticated);

    /// <summary>Clerks, the Landrat and admins of the body see everything of it, including non-public items.</summary>
    public bool SeesAllOf(long bodyId) => BelongsTo(bodyId) && (Is(Auth.Roles.Clerk) || Is(Auth.Roles.Landrat) || Is(Auth.Roles.Admin));

    public static Caller From(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true || principal.FindFirstValue(UserIdClaim) is not { } id) return Anonymous;
        var grants = principal.FindAll(GrantClaim).Select(c => c.Value).ToList();
        return new Caller(long.Parse(id), principal.FindFirstValue(UsernameClaim) ?? "", principal.Identity.Name ?? "",
            principal.FindFirstValue(BodyClaim) is { } body ? long.Parse(body) : null,
            grants.Select(g => g.Split(':')[0]).ToHashSet(),
            Scoped(grants, Auth.Roles.Chair), Scoped(grants, Auth.Roles.Member), Scoped(grants, Auth.Roles.DeputyChair),
            principal.FindFirstValue(GrantsOnClaim));
    }

    private static HashSet<long> Scoped(IEnumerable<string> grants, string role) =>
        grants.Where(g => g.StartsWith(role + ":", StringComparison.Ordinal)).Select(g => long.Parse(g[(role.Length + 1)..])).ToHashSet();
}

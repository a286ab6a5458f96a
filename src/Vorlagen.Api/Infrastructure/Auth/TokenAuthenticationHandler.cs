using System.Security.Claims;
using System.Text.Encodings.Web;
using Dapper;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Vorlagen.Api.Data;

namespace Vorlagen.Api.Infrastructure.Auth;

/// <summary>Authenticates <c>Authorization: Bearer …</c> against stored, unexpired, unrevoked token hashes.</summary>
public sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ConnectionFactory factory, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    /// <summary>The user's row version when signed in: any change to the user (password, roles, deactivation) bumps it.</summary>
    public const string StampClaim = "stamp";

    public const string TokenUserSql =
        "SELECT u.id AS Id, u.username AS Username, u.display_name AS DisplayName, u.body_id AS BodyId, u.version AS Version FROM access_tokens t " +
        "JOIN users u ON u.id = t.user_id WHERE t.token_hash = @Hash AND t.revoked_at IS NULL AND t.expires_at > @Now AND u.active = 1";

    /// <summary>
    /// The user's roles: admin, clerk and landrat as granted in user_roles; chair, deputy_chair and member derived from the
    /// current memberships of the user's person. Vorsitz gives chair; stellvertretender Vorsitz gives deputy_chair and
    /// member, and chair only while acting — while the person chairs a session of that Gremium whose Niederschrift is still
    /// a draft (a deputy stands in only when the chair is prevented — for the Landrat's deputies § 51 Abs. 1 Satz 2 SächsLKrO
    /// says so, for Ausschüsse the Geschäftsordnung); any other
    /// membership gives member. Fraktionen and the Landrat's statutory seats give nothing: the Landrat's rights come from the
    /// landrat role. Read on every request, so a membership that ends takes the rights with it the next day, and a signed
    /// Niederschrift ends the deputy's acting.
    /// </summary>
    public const string GrantsSql =
        "SELECT role AS Role, organization_id AS OrganizationId FROM user_roles WHERE user_id = @Id AND role NOT IN ('chair', 'member', 'deputy_chair') " +
        "UNION SELECT CASE WHEN m.role = 'vorsitz' THEN 'chair' ELSE 'member' END AS Role, m.organization_id AS OrganizationId " + CurrentMembershipsClause +
        "UNION SELECT 'deputy_chair' AS Role, m.organization_id AS OrganizationId " + CurrentMembershipsClause + "AND m.role = 'stellv_vorsitz' " +
        "UNION SELECT 'chair' AS Role, m.organization_id AS OrganizationId " + CurrentMembershipsClause + "AND m.role = 'stellv_vorsitz' " +
        "AND EXISTS (SELECT 1 FROM meetings mt JOIN meeting_sessions s ON s.meeting_id = mt.id " +
        "WHERE mt.organization_id = m.organization_id AND s.chair_person_id = p.id AND s.minutes_state = 'draft')";

    private const string CurrentMembershipsClause =
        "FROM memberships m JOIN persons p ON p.id = m.person_id JOIN legislative_terms t ON t.id = m.legislative_term_id " +
        "JOIN organizations o ON o.id = m.organization_id " +
        "WHERE p.user_id = @Id AND p.status = 'active' AND m.statutory = 0 AND o.kind NOT IN ('fraktion', 'gruppe') " +
        "AND m.start_date <= @Today AND COALESCE(m.end_date, t.end_date) >= @Today ";

    /// <summary>The arguments of <see cref="GrantsSql"/>.</summary>
    public static object GrantArgs(long userId, TimeProvider clock) => new { Id = userId, Today = GrantsOn(clock) };

    /// <summary>The day whose memberships give the rights (Berlin date), also carried in the principal.</summary>
    public static string GrantsOn(TimeProvider clock) => BerlinTime.Today(clock).ToString("yyyy-MM-dd");

    public sealed record UserRow
    {
        public long Id { get; init; }
        public string Username { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public long? BodyId { get; init; }
        public int Version { get; init; }
    }

    public sealed record GrantRow
    {
        public string Role { get; init; } = "";
        public long? OrganizationId { get; init; }
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (AccessTokens.FromHeader(Request) is not { Length: > 0 } token) return AuthenticateResult.NoResult();
        await using var connection = await factory.OpenAsync(Context.RequestAborted);
        var user = await connection.QuerySingleOrDefaultAsync<UserRow>(TokenUserSql,
            new { Hash = AccessTokens.Hash(token), Now = Instants.Format(clock.GetUtcNow()) });
        if (user is null) return AuthenticateResult.Fail("Unknown, expired or revoked token.");
        var grants = await connection.QueryAsync<GrantRow>(GrantsSql, GrantArgs(user.Id, clock));
        return AuthenticateResult.Success(new AuthenticationTicket(Principal(user, grants, SchemeName, GrantsOn(clock)), SchemeName));
    }

    /// <summary>The principal both sign-in schemes (token and cookie) build from the stored user.</summary>
    public static ClaimsPrincipal Principal(UserRow user, IEnumerable<GrantRow> grants, string scheme, string grantsOn)
    {
        var claims = new List<Claim>
        {
            new(Caller.UserIdClaim, user.Id.ToString()), new(ClaimTypes.Name, user.DisplayName), new(Caller.UsernameClaim, user.Username),
        };
        if (user.BodyId is { } body) claims.Add(new Claim(Caller.BodyClaim, body.ToString()));
        claims.Add(new Claim(StampClaim, user.Version.ToString()));
        claims.Add(new Claim(Caller.GrantsOnClaim, grantsOn));
        claims.AddRange(grants.Select(g => new Claim(Caller.GrantClaim, g.OrganizationId is { } org ? $"{g.Role}:{org}" : g.Role)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }
}

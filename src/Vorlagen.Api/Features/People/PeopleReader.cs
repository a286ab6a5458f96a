using Dapper;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Domain.Rules;

namespace Vorlagen.Api.Features.People;

/// <summary>Reads for other areas: the memberships of a signed-in user's person (Meine Aufgaben), the voting seats a
/// Gremium has filled (Gremien).</summary>
public sealed class PeopleReader(DbSession db, RuleProfiles profiles)
{
    public const string CurrentOfUserSql = PeopleSql.SelectMembershipSql +
        " WHERE p.user_id = @UserId AND m.start_date <= @Today AND COALESCE(m.end_date, t.end_date) >= @Today ORDER BY o.name, m.id";

    /// <summary>The user's own current memberships (their own non-public ones included); empty without a linked person.</summary>
    public async Task<IReadOnlyList<MembershipDto>> CurrentMembershipsAsync(long userId, DateOnly today, CancellationToken cancellationToken)
    {
        var connection = await db.ConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<PeopleSql.MembershipRow>(new CommandDefinition(CurrentOfUserSql,
            new { UserId = userId, Today = PeopleSql.Text(today) }, db.Transaction, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToDto())];
    }

    /// <summary>
    /// The most voting seats of a Gremium filled on any day from <paramref name="from"/> on (current and future memberships),
    /// with the Landrat's statutory seat counted where the body's rule profile says so; the citation is that rule's.
    /// </summary>
    public async Task<(DateOnly Date, int Filled, string? Citation)> MostVotingSeatsFilledAsync(long organizationId, string organizationKind,
        DateOnly from, CancellationToken cancellationToken)
    {
        var connection = await db.ConnectionAsync(cancellationToken);
        var profileId = await connection.ExecuteScalarAsync<string>(new CommandDefinition(
            "SELECT b.rule_profile FROM organizations o JOIN bodies b ON b.id = o.body_id WHERE o.id = @OrganizationId",
            new { OrganizationId = organizationId }, db.Transaction, cancellationToken: cancellationToken));
        var profile = profiles.Get(profileId!);
        var rows = await connection.QueryAsync<SeatRow>(new CommandDefinition(MembershipRules.SeatsSql,
            new { OrganizationId = organizationId, ExceptId = 0L, Start = PeopleSql.Text(from), End = "9999-12-31" }, db.Transaction,
            cancellationToken: cancellationToken));
        var seats = rows.Select(r => (Start: PeopleSql.Date(r.StartDate), End: PeopleSql.Date(r.EndDate), r.Statutory)).ToList();
        var most = SeatLimit.MostFilled(organizationKind, profile, seats, from, DateOnly.MaxValue);
        return (most.Date, most.Filled, most.LandratCounts ? profile.Find(RuleNames.LandratSeat, most.Date)?.Citation : null);
    }

    private sealed record SeatRow
    {
        public string StartDate { get; init; } = "";
        public string EndDate { get; init; } = "";
        public bool Statutory { get; init; }
    }
}

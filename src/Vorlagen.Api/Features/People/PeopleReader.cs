using Dapper;
using Vorlagen.Api.Data;

namespace Vorlagen.Api.Features.People;

/// <summary>Reads for other areas (Meine Aufgaben): the memberships of a signed-in user's person.</summary>
public sealed class PeopleReader(DbSession db)
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
}

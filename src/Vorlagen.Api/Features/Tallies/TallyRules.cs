using Dapper;
using Vorlagen.Api.Data;
using Vorlagen.Api.Features.Organizations;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Domain.Organizations;
using Vorlagen.Domain.Voting;

namespace Vorlagen.Api.Features.Tallies;

/// <summary>
/// The one bridge from stored Gremien to the domain's <see cref="TallyChecker"/>: used by the
/// tally-check endpoint and by result recording, so both apply exactly the same rules.
/// </summary>
public sealed class TallyRules(DbSession db, RuleProfiles profiles)
{
    public const string ProfileOfBodySql = "SELECT rule_profile FROM bodies WHERE id = @BodyId";

    public async Task<TallyCheckResult> CheckAsync(OrganizationDto organization, string role, string outcome, VoteTally? tally,
        DateOnly date, string? majority, bool secondSession, CancellationToken cancellationToken)
    {
        var connection = await db.ConnectionAsync(cancellationToken);
        var profileId = await connection.ExecuteScalarAsync<string>(new CommandDefinition(ProfileOfBodySql,
            new { organization.BodyId }, db.Transaction, cancellationToken: cancellationToken));
        var input = new TallyCheckInput(profiles.Get(profileId!),
            new OrganizationRules(organization.Seats, organization.ChairVotes, organization.Kind, organization.DefaultMajority),
            role, outcome, tally, date, majority, secondSession);
        return TallyChecker.Check(input);
    }
}

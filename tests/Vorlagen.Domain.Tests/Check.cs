using Vorlagen.Domain.Organizations;
using Vorlagen.Domain.Rules;
using Vorlagen.Domain.Voting;

namespace Vorlagen.Domain.Tests;

/// <summary>Short-hand for building a check input in tests.</summary>
internal static class Check
{
    public static readonly DateOnly Today = new(2024, 6, 12);

    public static TallyCheckResult Run(
        RuleProfile profile, int seats, string role, string outcome, VoteTally? tally,
        string? majorityOverride = null, bool secondSession = false, DateOnly? date = null,
        string kind = OrganizationKinds.Kreistag, string defaultMajority = MajorityRequirements.Simple, bool chairVotes = true) =>
        TallyChecker.Check(new TallyCheckInput(
            profile, new OrganizationRules(seats, chairVotes, kind, defaultMajority),
            role, outcome, tally, date ?? Today, majorityOverride, secondSession));

    public static TallyCheckResult Decide(RuleProfile profile, int seats, VoteTally tally, string outcome = Outcomes.Adopted,
        string? majority = null, bool secondSession = false) =>
        Run(profile, seats, ConsultationRoles.Beschliessend, outcome, tally, majority, secondSession);

    public static VoteTally Tally(int entitled, int yes, int no, int abstain = 0, int recused = 0) => new(entitled, yes, no, abstain, recused);

    public static string[] Codes(this TallyCheckResult result) => [.. result.Errors.Select(e => e.Code)];
}

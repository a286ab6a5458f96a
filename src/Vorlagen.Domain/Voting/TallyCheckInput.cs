using Vorlagen.Domain.Organizations;
using Vorlagen.Domain.Rules;

namespace Vorlagen.Domain.Voting;

/// <summary>
/// Everything a tally check needs. <see cref="Role"/>, <see cref="Outcome"/> and <see cref="MajorityOverride"/> are codes
/// as received (unknown codes become violations). <see cref="MajorityOverride"/> replaces the Gremium's default
/// majority for this vote; <see cref="SecondSession"/> marks a second session after one that was not quorate.
/// </summary>
public sealed record TallyCheckInput(
    RuleProfile Profile,
    OrganizationRules Organization,
    string Role,
    string Outcome,
    VoteTally? Tally,
    DateOnly DecisionDate,
    string? MajorityOverride = null,
    bool SecondSession = false);

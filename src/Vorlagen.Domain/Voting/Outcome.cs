namespace Vorlagen.Domain.Voting;

/// <summary>A consultation outcome: code, German label, whether it needs a tally, and the roles that allow it.</summary>
public sealed record Outcome(string Code, string Label, bool RequiresTally, IReadOnlyList<string> Roles, TallyExpectation Expectation)
{
    public bool AllowedFor(string roleCode) => Roles.Contains(roleCode);
}

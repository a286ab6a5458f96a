namespace Vorlagen.Domain.Voting;

/// <summary>
/// A consultation outcome: code, German label, whether it needs a tally, and the roles that allow it.
/// <see cref="OptionalTally"/>: procedural outcomes (vertagt, verwiesen, …) are often voted on ("mehrheitlich vertagt"), so a
/// tally may be given and is then checked like any other; <see cref="Expectation"/> applies only when one is given.
/// </summary>
public sealed record Outcome(string Code, string Label, bool RequiresTally, IReadOnlyList<string> Roles, TallyExpectation Expectation,
    bool OptionalTally = false)
{
    public bool TakesTally => RequiresTally || OptionalTally;

    public bool AllowedFor(string roleCode) => Roles.Contains(roleCode);
}

using Vorlagen.Domain.Rules;

namespace Vorlagen.Domain.Voting;

/// <summary>The quorum of an agenda item from the number present and entitled, by the same rules as a tally check.</summary>
public static class AttendanceQuorum
{
    public static QuorumFacts Evaluate(RuleProfile profile, int seats, DateOnly date, int entitledPresent, int recused, bool secondSession = false)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var rules = profile.Rules;
        var quorum = rules.Quorum.At(date)
            ?? throw new InvalidOperationException($"The rule profile '{profile.Id}' has no quorum rule in force on {date:yyyy-MM-dd}.");
        var tally = new VoteTally(entitledPresent, 0, 0, 0, recused);
        return QuorumEvaluator.Evaluate(quorum, rules.ReducedQuorum.At(date), rules.SecondSessionQuorum.At(date), seats, tally, secondSession).Facts;
    }
}

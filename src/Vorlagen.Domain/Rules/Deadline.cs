namespace Vorlagen.Domain.Rules;

/// <summary>
/// A computed deadline: <see cref="Due"/> is the last day of <see cref="Period"/> counted from <see cref="From"/>;
/// <see cref="WordingVerified"/> as the rule it comes from.
/// </summary>
public sealed record Deadline(DateOnly From, DateOnly Due, RulePeriod Period, string Citation, bool WordingVerified = false)
{
    /// <summary>True when <paramref name="date"/> lies after the last day.</summary>
    public bool IsMissedBy(DateOnly date) => date > Due;
}

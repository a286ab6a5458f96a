namespace Vorlagen.Domain.Rules;

/// <summary>A computed deadline: <see cref="Due"/> is the last day of <see cref="Period"/> counted from <see cref="From"/>.</summary>
public sealed record Deadline(DateOnly From, DateOnly Due, RulePeriod Period, string Citation);

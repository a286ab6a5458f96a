namespace Vorlagen.Domain.Rules;

/// <summary>All versions of one rule, ordered by <see cref="VersionedRule.ValidFrom"/>; empty when the law has no such rule.</summary>
public sealed class RuleHistory<T>(IReadOnlyList<T> versions) where T : VersionedRule
{
    public static RuleHistory<T> None { get; } = new([]);

    public IReadOnlyList<T> Versions { get; } = versions;

    public bool IsEmpty => Versions.Count == 0;

    /// <summary>The version in force on <paramref name="date"/>, or null if the rule did not (yet) exist then.</summary>
    public T? At(DateOnly date) => Versions.LastOrDefault(v => v.ValidFrom <= date);
}

namespace Vorlagen.Domain.Voting;

/// <summary>
/// Facts derived from a tally. <see cref="Passed"/>: quorate and majority reached. <see cref="Unanimous"/>: at least one
/// yes and no vote against — abstentions allowed ("bei einer Enthaltung einstimmig angenommen").
/// </summary>
public sealed record TallyDerived(bool Passed, bool Unanimous, QuorumFacts Quorum, MajorityFacts Majority)
{
    /// <summary>How records say it, e.g. "einstimmig bei 2 Enthaltungen"; null when not unanimous.</summary>
    public string? UnanimityText { get; init; }
}

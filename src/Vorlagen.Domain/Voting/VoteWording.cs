namespace Vorlagen.Domain.Voting;

/// <summary>
/// The words records use for a tally. "einstimmig" means no vote against, abstentions allowed ("bei einer Enthaltung
/// einstimmig angenommen", seed 001); it needs at least one yes vote.
/// </summary>
public static class VoteWording
{
    public static bool IsUnanimous(int yes, int no) => yes > 0 && no == 0;

    /// <summary>"einstimmig", "einstimmig bei 1 Enthaltung", "einstimmig bei 3 Enthaltungen"; null when not unanimous.</summary>
    public static string? Unanimity(int yes, int no, int abstain) => !IsUnanimous(yes, no)
        ? null
        : abstain switch
        {
            <= 0 => "einstimmig",
            1 => "einstimmig bei 1 Enthaltung",
            _ => $"einstimmig bei {abstain} Enthaltungen",
        };
}

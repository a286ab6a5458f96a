namespace Vorlagen.Domain.Voting;

/// <summary>What an outcome claims about the vote: nothing, that the majority was reached, or that it was not.</summary>
public enum TallyExpectation
{
    None,
    MajorityReached,
    MajorityNotReached,

    /// <summary>The Gremium was not quorate because members were befangen (the hand-over to the Kreistag).</summary>
    NotQuorateByRecusal,
}

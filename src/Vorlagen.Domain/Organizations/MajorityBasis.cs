namespace Vorlagen.Domain.Organizations;

/// <summary>What a majority requirement is measured against.</summary>
public enum MajorityBasis
{
    /// <summary>More yes than no votes (abstentions as the rule profile says).</summary>
    VotesCast,

    /// <summary>A fraction of all seats.</summary>
    AllMembers,

    /// <summary>A fraction of the members present and entitled to vote.</summary>
    MembersPresent,
}

namespace Vorlagen.Domain.Organizations;

/// <summary>
/// Vote-relevant settings of one Gremium. <see cref="Seats"/> is the legal number of members including a voting chair
/// (e.g. the Landrat in the Kreistag); <see cref="Kind"/> is an <see cref="OrganizationKinds"/> code and
/// <see cref="DefaultMajority"/> a <see cref="MajorityRequirements"/> code.
/// </summary>
public sealed record OrganizationRules(int Seats, bool ChairVotes, string Kind, string DefaultMajority = MajorityRequirements.Simple);

namespace Vorlagen.Api.Features.People;

/// <summary>
/// A membership (OParl Membership): person × organization × Wahlperiode. <see cref="EndDate"/> null means until the end
/// of the Wahlperiode (<see cref="EffectiveEndDate"/>). <see cref="Statutory"/>: the Landrat's seat by law.
/// </summary>
public sealed record MembershipDto(long Id, long PersonId, string PersonName, long OrganizationId, string OrganizationName, string OrganizationKind,
    long LegislativeTermId, string LegislativeTermName, string Role, string RoleLabel, string RoleTitle, bool VotingRight, bool Statutory,
    long? DeputyForId, string? DeputyForName, DateOnly StartDate, DateOnly? EndDate, DateOnly EffectiveEndDate, bool Public, int Version, string? UpdatedBy)
{
    public bool IsCurrentOn(DateOnly date) => StartDate <= date && EffectiveEndDate >= date;
}

namespace Vorlagen.Api.Features.People;

/// <summary>
/// A person as the API shows it (OParl Person). Anonymous callers get name, Fraktion and public memberships only:
/// <see cref="Phone"/>, <see cref="Email"/>, <see cref="OfficeAddress"/>, <see cref="Gender"/> and <see cref="UserId"/> are then null.
/// </summary>
public sealed record PersonDto(long Id, long BodyId, string Name, string? Title, string? GivenName, string FamilyName, string? FormOfAddress,
    string? Gender, string? RoleTitle, long? FraktionId, string? FraktionName, string Status, string StatusLabel,
    string? Phone, string? Email, string? OfficeAddress, long? UserId, IReadOnlyList<MembershipDto> Memberships, int Version, string? UpdatedBy);

using System.Text.Json.Serialization;

namespace Vorlagen.Api.Features.Papers;

/// <summary>
/// One step of the Beratungsfolge. For callers who may not see a non-public consultation only
/// organization, date and "nichtöffentlich" remain (<see cref="Restricted"/>); result is null then.
/// </summary>
public sealed record ConsultationDto(
    long Id, int Position, long OrganizationId, string OrganizationName, string Role, string RoleLabel, bool Public,
    string PublicLabel, DateOnly? PlannedDate, string Status, string StatusLabel, ConsultationResultDto? Result, bool Restricted,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? RehearingOf = null);

public sealed record ConsultationResultDto(
    string Outcome, string OutcomeLabel, DateOnly? Date, VotesDto? Votes, string? Majority,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Unanimous,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? UnanimityText,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Passed,
    string? ResolutionText, long? ReferredToOrganizationId, string? ReferredToOrganizationName, string? RecordedBy);

public sealed record VotesDto(int Entitled, int Yes, int No, int Abstain, int Recused);

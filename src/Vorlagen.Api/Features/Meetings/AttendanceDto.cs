using System.Text.Json.Serialization;
using Vorlagen.Domain.Voting;

namespace Vorlagen.Api.Features.Meetings;

/// <summary>GET /api/meetings/{id}/attendance: the session, every member's attendance, and per item the counts and quorum derived from it.</summary>
public sealed record AttendanceDto(long MeetingId, SessionDto? Session, int Seats, string RuleProfile, int EntitledMembers,
    IReadOnlyList<AttendeeDto> Members, IReadOnlyList<ItemAttendanceDto> Items, int Version,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] InvitationCureDto? InvitationCure = null);

/// <summary>The rule that cures a defective invitation (Sachsen § 35 Abs. 1 Satz 2 SächsLKrO), with its citation.</summary>
public sealed record InvitationCureDto(string Citation, string Label, bool WordingVerified, string Source);

public sealed record SessionDto(DateTimeOffset OpenedAt, string OpenedBy, long? ChairPersonId, string? ChairName, string? SecretaryName,
    DateTimeOffset? ClosedAt, string MinutesState, int Version);

/// <summary>
/// One member (or deputy). <see cref="Status"/> is null while not recorded; <see cref="VotingRight"/>: a voting seat that counts.
/// <see cref="InvitationDefect"/> (<c>not_invited</c>, <c>not_delivered</c>, <c>late</c>; office and Gremium only): then
/// <see cref="InvitationObjection"/> records whether the member objected (null: not recorded) and <see cref="DefectCured"/> is true when the
/// member attends and did not object, false when absent or objecting, null while the objection is not recorded.
/// </summary>
public sealed record AttendeeDto(long PersonId, string Name, string Role, bool VotingRight, bool Statutory, string? Status, string? StatusLabel,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AbsenceReason,
    long? ArrivesAtItemId, long? LeavesAfterItemId, long? DeputyForPersonId, string? DeputyForName,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? InvitationDefect = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? InvitationDefectLabel = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? InvitationObjection = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? DefectCured = null);

/// <summary>Per TOP: present, befangen, present and entitled (present − befangen), and the quorum from the existing engine.</summary>
public sealed record ItemAttendanceDto(long Id, string? Number, string Title, bool Public, long? ConsultationId, int Present, int Recused,
    int EntitledPresent, IReadOnlyList<long> RecusedPersonIds, QuorumFacts Quorum);

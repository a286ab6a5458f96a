using System.Text.Json.Serialization;
using Vorlagen.Domain.Voting;

namespace Vorlagen.Api.Features.Meetings;

/// <summary>GET /api/meetings/{id}/attendance: the session, every member's attendance, and per item the counts and quorum derived from it.</summary>
public sealed record AttendanceDto(long MeetingId, SessionDto? Session, int Seats, string RuleProfile, int EntitledMembers,
    IReadOnlyList<AttendeeDto> Members, IReadOnlyList<ItemAttendanceDto> Items, int Version);

public sealed record SessionDto(DateTimeOffset OpenedAt, string OpenedBy, long? ChairPersonId, string? ChairName, string? SecretaryName,
    DateTimeOffset? ClosedAt, string MinutesState, int Version);

/// <summary>One member (or deputy). <see cref="Status"/> is null while not recorded; <see cref="VotingRight"/>: a voting seat that counts.</summary>
public sealed record AttendeeDto(long PersonId, string Name, string Role, bool VotingRight, bool Statutory, string? Status, string? StatusLabel,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AbsenceReason,
    long? ArrivesAtItemId, long? LeavesAfterItemId, long? DeputyForPersonId, string? DeputyForName);

/// <summary>Per TOP: present, befangen, present and entitled (present − befangen), and the quorum from the existing engine.</summary>
public sealed record ItemAttendanceDto(long Id, string? Number, string Title, bool Public, long? ConsultationId, int Present, int Recused,
    int EntitledPresent, IReadOnlyList<long> RecusedPersonIds, QuorumFacts Quorum);

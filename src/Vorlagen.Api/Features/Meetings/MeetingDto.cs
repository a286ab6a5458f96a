using System.Text.Json.Serialization;

namespace Vorlagen.Api.Features.Meetings;

/// <summary>
/// A Sitzung (OParl Meeting) as the caller may see it. <see cref="Restricted"/>: the caller may not see the non-public part, so it is
/// one item "nichtöffentlicher Teil" without number, title or ids. <see cref="Notice"/>, <see cref="Invitations"/> and
/// <see cref="AgendaDeadlines"/> (Anträge this session's agenda must take) are the office's only.
/// </summary>
public sealed record MeetingDto(
    long Id, long BodyId, long OrganizationId, string OrganizationName, string? Number, DateOnly Date, string? StartTime, string? EndTime,
    string? Room, string? Address, bool Public, string Status, string StatusLabel, DateOnly? PostponedFrom, bool Published, bool Restricted,
    IReadOnlyList<AgendaItemDto> AgendaItems, int Version,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] NoticeDto? Notice = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<InvitationDto>? Invitations = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? UrgencyReason = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<AgendaDeadlineDto>? AgendaDeadlines = null);

/// <summary>One TOP. <see cref="Number"/> is "Ö 1", "Ö 2.1", "N 1"; null for the reduced non-public part.</summary>
public sealed record AgendaItemDto(long? Id, string? Number, bool Public, string Title, long? PaperId, string? PaperReference, long? ConsultationId,
    bool Sub, bool Supplement, string? TemplateKey);

/// <summary>The Ladungsfrist in force for the meeting and the verdict over the invitations sent (main invitation, and Nachtrag apart).</summary>
public sealed record NoticeDto(string Citation, bool WordingVerified, string Source, string? Note, int? FullDays, bool SetByBody, string? BodyCitation,
    string UrgentCitation, DateOnly? LatestReceipt, IReadOnlyDictionary<string, DateOnly?> LatestDispatch, string Verdict, string VerdictLabel,
    string? SupplementVerdict, string? SupplementVerdictLabel);

public sealed record InvitationDto(long Id, long PersonId, string PersonName, string Channel, bool Supplement, DateTimeOffset SentAt, DateOnly ReceivedOn,
    bool Urgent, string Verdict, string VerdictLabel, string Delivery, string? DeliveryError, string SentBy);

/// <summary>One line of a meeting list.</summary>
public sealed record MeetingSummaryDto(long Id, long BodyId, long OrganizationId, string OrganizationName, string? Number, DateOnly Date, string? StartTime,
    string? Room, bool Public, string Status, string StatusLabel);

public static class MeetingStatuses
{
    public const string Planned = "planned";
    public const string Invited = "invited";
    public const string Held = "held";
    public const string Closed = "closed";
    public const string Cancelled = "cancelled";
    public const string Postponed = "postponed";

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [Planned] = "geplant", [Invited] = "eingeladen", [Held] = "durchgeführt", [Closed] = "abgeschlossen", [Cancelled] = "abgesagt", [Postponed] = "verschoben",
    };

    /// <summary>The agenda may change until the session is held (after the invitation only by Nachtrag).</summary>
    public static bool AgendaOpen(string status) => status is Planned or Invited or Postponed;

    public static string Label(string status) => Labels.GetValueOrDefault(status, status);
}

using System.Text.Json.Serialization;
using Vorlagen.Api.Features.Papers;

namespace Vorlagen.Api.Features.Meetings;

/// <summary>
/// The Niederschrift of a Sitzung (§ 36 Abs. 1 SächsLKrO, § 42 ThürKO) and its state: draft → signed → approved → published.
/// <see cref="Restricted"/>: the caller sees only the public part (anonymous callers only once published); the non-public part is then
/// one item "nichtöffentlicher Teil" without anything else, and <see cref="Objections"/> are left out.
/// </summary>
public sealed record MinutesDto(
    long MeetingId, long BodyId, long OrganizationId, string OrganizationName, string? Number, DateOnly Date, string? StartTime, string? EndTime,
    string? Room, string? Address, string MeetingStatus, string State, string StateLabel, bool Restricted, bool SessionRecorded,
    string? ChairName, string? SecretaryName, int PresentCount, IReadOnlyList<MinutesAttendeeDto> Present, IReadOnlyList<MinutesAttendeeDto> Absent,
    IReadOnlyList<MinutesItemDto> Items, SignatureRuleDto SignatureRule, IReadOnlyList<SignatureDto> Signatures,
    ApprovalDto? Approval, DateOnly? PublishedOn, MinutesDeadlineDto? NoticeDeadline, int Version,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ObjectionDto>? Objections = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] InvitationDefectsDto? InvitationDefects = null);

/// <summary>Members whose invitation was defective and whether the defect is cured (§ 35 Abs. 1 Satz 2 SächsLKrO); office and Gremium only.</summary>
public sealed record InvitationDefectsDto(string Citation, string Rule, bool WordingVerified, IReadOnlyList<InvitationDefectDto> Members);

/// <param name="Cured">true: attended and did not object; false: absent or objected; null: the objection is not recorded.</param>
public sealed record InvitationDefectDto(long PersonId, string Name, string Defect, string DefectLabel, bool Attended, bool? Objected, bool? Cured);

/// <param name="Status">present, excused or absent; <paramref name="Reason"/> the reason of an absence.</param>
public sealed record MinutesAttendeeDto(long PersonId, string Name, string Status, string StatusLabel, string? Reason, string? DeputyFor);

/// <summary>One TOP of the Niederschrift: the motion (Beschlussvorschlag), the result with tally and the wording decided.</summary>
public sealed record MinutesItemDto(long? Id, string? Number, bool Public, string Title, long? PaperId, string? PaperReference, long? ConsultationId,
    string? Motion, MinutesResultDto? Result, IReadOnlyList<string> Recused, IReadOnlyList<StatementDto> Statements, ElectionDto? Election);

public sealed record MinutesResultDto(string Outcome, string OutcomeLabel, DateOnly? Date, VotesDto? Votes, string? UnanimityText, string? Wording,
    string? DecisionNumber, DateOnly? AnnouncedOn);

public sealed record StatementDto(string PersonName, string Kind, string Text);

public sealed record ElectionDto(string Office, string Status, string? ElectedName, IReadOnlyList<ElectionRoundDto> Rounds);

public sealed record ElectionRoundDto(int Round, int EntitledPresent, int ValidBallots, int InvalidBallots, string Outcome, string? ElectedName,
    bool DecidedByLot, IReadOnlyList<CandidateVotesDto> Votes);

public sealed record CandidateVotesDto(string Name, int Votes);

/// <summary>Who must sign, from the rule profile; <see cref="Members"/> Kreisräte who took part.</summary>
public sealed record SignatureRuleDto(bool Chair, int Members, bool MembersMustHaveAttended, bool Secretary, bool ElectronicFormExcluded,
    string Citation, string? ElectronicCitation, bool WordingVerified, string Source, string? Note);

/// <param name="Role">chair, member or secretary.</param>
public sealed record SignatureDto(long Id, string Role, string RoleLabel, long? PersonId, string Name, DateOnly SignedOn, DateTimeOffset RecordedAt, string RecordedBy);

public sealed record ApprovalDto(long ApprovingMeetingId, DateOnly ApprovingMeetingDate, long? AgendaItemId, DateOnly ApprovedOn, string RecordedBy);

public sealed record ObjectionDto(long Id, string RaisedBy, string Objection, string Outcome, string OutcomeLabel, string? Resolution, string RecordedBy);

/// <summary>When the Niederschrift is due at the Gremium (Sachsen: within a month, at the latest at the next session).</summary>
public sealed record MinutesDeadlineDto(DateOnly Due, string Citation, bool WordingVerified, bool Met);

public static class MinutesStates
{
    public const string Draft = "draft";
    public const string Signed = "signed";
    public const string Approved = "approved";
    public const string Published = "published";

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [Draft] = "Entwurf", [Signed] = "unterzeichnet", [Approved] = "bestätigt", [Published] = "veröffentlicht",
    };

    public static string Label(string state) => Labels.GetValueOrDefault(state, state);

    /// <summary>The signature lines of the printed Niederschrift: the recorded signer's name, or an empty line per required signer.</summary>
    public static IReadOnlyList<(string Label, string? Name)> SignatureLines(MinutesDto minutes)
    {
        var rule = minutes.SignatureRule;
        var lines = new List<(string, string?)>();
        string? Signed(string role, int index) => minutes.Signatures.Where(s => s.Role == role).Skip(index).FirstOrDefault()?.Name;
        if (rule.Chair) lines.Add(("Vorsitz", Signed("chair", 0) ?? minutes.ChairName));
        for (var i = 0; i < rule.Members; i++) lines.Add(("Kreisrat/Kreisrätin", Signed("member", i)));
        if (rule.Secretary) lines.Add(("Schriftführer/in", Signed("secretary", 0) ?? minutes.SecretaryName));
        return lines;
    }

    public static readonly IReadOnlyDictionary<string, string> SignerLabels = new Dictionary<string, string>
    {
        ["chair"] = "Vorsitz", ["member"] = "Kreisrat/Kreisrätin (Teilnehmer/in)", ["secretary"] = "Schriftführer/in",
    };
}

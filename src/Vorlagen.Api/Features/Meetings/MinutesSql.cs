using Dapper;
using Vorlagen.Api.Data;
using Vorlagen.Api.Features.Papers;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;
using Vorlagen.Domain.Voting;

namespace Vorlagen.Api.Features.Meetings;

/// <summary>Reads the Niederschrift from the session record (attendance, items, results, statements, elections) and its signing steps.</summary>
public static class MinutesSql
{
    public const string SessionSql =
        "SELECT s.minutes_state AS MinutesState, s.secretary_name AS SecretaryName, s.chair_person_id AS ChairPersonId, " +
        "cp.title AS ChairTitle, cp.given_name AS ChairGivenName, cp.family_name AS ChairFamilyName, s.version AS Version " +
        "FROM meeting_sessions s LEFT JOIN persons cp ON cp.id = s.chair_person_id WHERE s.meeting_id = @Id";

    public const string AttendanceSql =
        "SELECT a.person_id AS PersonId, p.title AS Title, p.given_name AS GivenName, p.family_name AS FamilyName, a.status AS Status, " +
        "a.absence_reason AS Reason, a.invitation_objection AS InvitationObjection, d.title AS DeputyTitle, d.given_name AS DeputyGivenName, d.family_name AS DeputyFamilyName " +
        "FROM meeting_attendance a JOIN persons p ON p.id = a.person_id LEFT JOIN persons d ON d.id = a.deputy_for_person_id " +
        "WHERE a.meeting_id = @Id ORDER BY p.family_name, p.given_name, a.person_id";

    public const string ItemsSql =
        "SELECT a.id AS Id, a.is_public AS IsPublic, a.sort_order AS SortOrder, a.is_sub AS IsSub, a.title AS Title, a.consultation_id AS ConsultationId, " +
        "a.paper_id AS PaperId, p.reference AS PaperReference, a.template_key AS TemplateKey, a.supplement AS Supplement, p.proposal AS Proposal, " +
        "c.is_public AS ConsultationPublic, c.status AS ConsultationStatus, c.outcome AS Outcome, c.result_date AS ResultDate, c.votes_entitled AS VotesEntitled, " +
        "c.votes_yes AS VotesYes, c.votes_no AS VotesNo, c.votes_abstain AS VotesAbstain, c.votes_recused AS VotesRecused, c.resolution_text AS ResolutionText, " +
        "c.announced_on AS AnnouncedOn, dn.number AS DecisionNumber " +
        "FROM agenda_items a LEFT JOIN papers p ON p.id = a.paper_id LEFT JOIN consultations c ON c.id = a.consultation_id " +
        "LEFT JOIN decision_numbers dn ON dn.consultation_id = c.id WHERE a.meeting_id = @Id";

    public const string StatementsSql =
        "SELECT s.agenda_item_id AS ItemId, p.title AS Title, p.given_name AS GivenName, p.family_name AS FamilyName, s.kind AS Kind, s.text AS Text " +
        "FROM agenda_item_statements s JOIN agenda_items a ON a.id = s.agenda_item_id JOIN persons p ON p.id = s.person_id WHERE a.meeting_id = @Id ORDER BY s.id";

    public const string RecusalsSql =
        "SELECT r.agenda_item_id AS ItemId, p.title AS Title, p.given_name AS GivenName, p.family_name AS FamilyName " +
        "FROM agenda_item_recusals r JOIN agenda_items a ON a.id = r.agenda_item_id JOIN persons p ON p.id = r.person_id " +
        "WHERE a.meeting_id = @Id ORDER BY p.family_name, p.given_name";

    public const string ElectionsSql =
        "SELECT e.id AS Id, e.agenda_item_id AS ItemId, e.office AS Office, e.status AS Status, p.title AS Title, p.given_name AS GivenName, p.family_name AS FamilyName " +
        "FROM elections e JOIN agenda_items a ON a.id = e.agenda_item_id LEFT JOIN persons p ON p.id = e.elected_person_id WHERE a.meeting_id = @Id";

    public const string RoundsSql =
        "SELECT r.election_id AS ElectionId, r.round_number AS Round, r.entitled_present AS EntitledPresent, r.valid_ballots AS ValidBallots, " +
        "r.invalid_ballots AS InvalidBallots, r.outcome AS Outcome, r.decided_by_lot AS DecidedByLot, p.title AS Title, p.given_name AS GivenName, p.family_name AS FamilyName " +
        "FROM election_rounds r JOIN elections e ON e.id = r.election_id JOIN agenda_items a ON a.id = e.agenda_item_id " +
        "LEFT JOIN persons p ON p.id = r.elected_person_id WHERE a.meeting_id = @Id ORDER BY r.election_id, r.round_number";

    public const string RoundVotesSql =
        "SELECT v.election_id AS ElectionId, v.round_number AS Round, p.title AS Title, p.given_name AS GivenName, p.family_name AS FamilyName, v.votes AS Votes " +
        "FROM election_round_votes v JOIN elections e ON e.id = v.election_id JOIN agenda_items a ON a.id = e.agenda_item_id " +
        "JOIN persons p ON p.id = v.person_id WHERE a.meeting_id = @Id ORDER BY v.election_id, v.round_number, v.votes DESC, p.family_name";

    public const string SignaturesSql =
        "SELECT id AS Id, signer_role AS Role, person_id AS PersonId, signer_name AS Name, signed_on AS SignedOn, recorded_at AS RecordedAt, recorded_by AS RecordedBy " +
        "FROM minutes_signatures WHERE meeting_id = @Id ORDER BY id";

    public const string ApprovalSql =
        "SELECT a.approving_meeting_id AS ApprovingMeetingId, m.meeting_date AS ApprovingMeetingDate, a.agenda_item_id AS AgendaItemId, " +
        "a.approved_on AS ApprovedOn, a.recorded_by AS RecordedBy FROM minutes_approvals a JOIN meetings m ON m.id = a.approving_meeting_id WHERE a.meeting_id = @Id";

    public const string ObjectionsSql =
        "SELECT id AS Id, raised_by AS RaisedBy, objection AS Objection, outcome AS Outcome, resolution AS Resolution, recorded_by AS RecordedBy " +
        "FROM minutes_objections WHERE meeting_id = @Id ORDER BY id";

    public const string PublicationSql = "SELECT published_on FROM minutes_publications WHERE meeting_id = @Id";

    public const string NextSessionSql =
        "SELECT MIN(meeting_date) FROM meetings WHERE organization_id = @OrganizationId AND meeting_date > @Date AND status <> 'cancelled'";

    /// <summary>Moves the Niederschrift on; guarded by the state it must have, so a concurrent step loses with 0 rows.</summary>
    public const string SetStateSql =
        "UPDATE meeting_sessions SET minutes_state = @State, version = version + 1 WHERE meeting_id = @Id AND minutes_state = @From";

    public sealed record SessionRow
    {
        public string MinutesState { get; init; } = "";
        public string? SecretaryName { get; init; }
        public long? ChairPersonId { get; init; }
        public string? ChairTitle { get; init; }
        public string? ChairGivenName { get; init; }
        public string? ChairFamilyName { get; init; }
        public int Version { get; init; }
    }
    public sealed record AttendanceRow
    {
        public bool? InvitationObjection { get; init; }
        public long PersonId { get; init; }
        public string? Title { get; init; }
        public string? GivenName { get; init; }
        public string FamilyName { get; init; } = "";
        public string Status { get; init; } = "";
        public string? Reason { get; init; }
        public string? DeputyTitle { get; init; }
        public string? DeputyGivenName { get; init; }
        public string? DeputyFamilyName { get; init; }
    }
    public sealed record NameRow
    {
        public long ItemId { get; init; }
        public string? Title { get; init; }
        public string? GivenName { get; init; }
        public string FamilyName { get; init; } = "";
        public string Kind { get; init; } = "";
        public string Text { get; init; } = "";
    }
    public sealed record ElectionRow
    {
        public long Id { get; init; }
        public long ItemId { get; init; }
        public string Office { get; init; } = "";
        public string Status { get; init; } = "";
        public string? Title { get; init; }
        public string? GivenName { get; init; }
        public string? FamilyName { get; init; }
    }
    public sealed record RoundRow
    {
        public long ElectionId { get; init; }
        public int Round { get; init; }
        public int EntitledPresent { get; init; }
        public int ValidBallots { get; init; }
        public int InvalidBallots { get; init; }
        public string Outcome { get; init; } = "";
        public bool DecidedByLot { get; init; }
        public string? Title { get; init; }
        public string? GivenName { get; init; }
        public string? FamilyName { get; init; }
    }
    public sealed record RoundVoteRow
    {
        public long ElectionId { get; init; }
        public int Round { get; init; }
        public string? Title { get; init; }
        public string? GivenName { get; init; }
        public string FamilyName { get; init; } = "";
        public int Votes { get; init; }
    }
    public sealed record SignatureRow
    {
        public long Id { get; init; }
        public string Role { get; init; } = "";
        public long? PersonId { get; init; }
        public string Name { get; init; } = "";
        public string SignedOn { get; init; } = "";
        public string RecordedAt { get; init; } = "";
        public string RecordedBy { get; init; } = "";
    }
    public sealed record ApprovalRow
    {
        public long ApprovingMeetingId { get; init; }
        public string ApprovingMeetingDate { get; init; } = "";
        public long? AgendaItemId { get; init; }
        public string ApprovedOn { get; init; } = "";
        public string RecordedBy { get; init; } = "";
    }
    public sealed record ObjectionRow
    {
        public long Id { get; init; }
        public string RaisedBy { get; init; } = "";
        public string Objection { get; init; } = "";
        public string Outcome { get; init; } = "";
        public string? Resolution { get; init; }
        public string RecordedBy { get; init; } = "";
    }

    public sealed record ItemRow
    {
        public long Id { get; init; }
        public bool IsPublic { get; init; }
        public int SortOrder { get; init; }
        public bool IsSub { get; init; }
        public string Title { get; init; } = "";
        public long? ConsultationId { get; init; }
        public long? PaperId { get; init; }
        public string? PaperReference { get; init; }
        public string? TemplateKey { get; init; }
        public bool Supplement { get; init; }
        public string? Proposal { get; init; }
        public bool? ConsultationPublic { get; init; }
        public string? ConsultationStatus { get; init; }
        public string? Outcome { get; init; }
        public string? ResultDate { get; init; }
        public int? VotesEntitled { get; init; }
        public int? VotesYes { get; init; }
        public int? VotesNo { get; init; }
        public int? VotesAbstain { get; init; }
        public int? VotesRecused { get; init; }
        public string? ResolutionText { get; init; }
        public string? AnnouncedOn { get; init; }
        public string? DecisionNumber { get; init; }
    }

    public static string Name(string? title, string? given, string? family) => MeetingSql.PersonName(title, given, family ?? "");

    private static async Task<List<T>> Query<T>(DbSession db, string sql, object args, CancellationToken ct) =>
        [.. await db.Connection.QueryAsync<T>(new CommandDefinition(sql, args, db.Transaction, cancellationToken: ct))];

    public static async Task<SessionRow?> SessionAsync(DbSession db, long meetingId, CancellationToken ct) =>
        await db.Connection.QuerySingleOrDefaultAsync<SessionRow>(new CommandDefinition(SessionSql, new { Id = meetingId }, db.Transaction, cancellationToken: ct));

    public static async Task<List<AttendanceRow>> AttendanceAsync(DbSession db, long meetingId, CancellationToken ct) =>
        await Query<AttendanceRow>(db, AttendanceSql, new { Id = meetingId }, ct);

    /// <summary>
    /// The Niederschrift as the caller may see it. The office and the Gremium's members see it in every state with the non-public part;
    /// everyone else only once it is published and only its public part; before that it does not exist for them (404).
    /// </summary>
    public static async Task<MinutesDto> ReadAsync(DbSession db, long meetingId, Caller caller, MinutesRules rules, CancellationToken ct)
    {
        var meeting = await MeetingSql.VisibleAsync(db, meetingId, caller, ct);
        var session = await SessionAsync(db, meetingId, ct);
        var state = session?.MinutesState ?? MinutesStates.Draft;
        var full = MeetingAccess.SeesNonPublic(caller, meeting);
        if (!full && state != MinutesStates.Published) throw new NotFoundException("Niederschrift", meetingId);
        var args = new { Id = meetingId };
        var rule = rules.At(meeting.RuleProfile, meeting.Date);

        var attendance = await AttendanceAsync(db, meetingId, ct);
        MinutesAttendeeDto Attendee(AttendanceRow a) => new(a.PersonId, Name(a.Title, a.GivenName, a.FamilyName), a.Status, AttendanceLabel(a.Status),
            a.Status == "present" ? null : a.Reason, a.DeputyFamilyName is null ? null : Name(a.DeputyTitle, a.DeputyGivenName, a.DeputyFamilyName));
        var present = attendance.Where(a => a.Status == "present").Select(Attendee).ToList();
        // Members with a defective invitation and whether it is cured (attended, no objection); office and Gremium only.
        InvitationDefectsDto? defects = null;
        if (full && rules.Cure(meeting.RuleProfile, meeting.Date) is { } cure)
        {
            var found = global::Vorlagen.Api.Features.Meetings.SessionSql.Defects(attendance.Select(a => a.PersonId),
                await Query<global::Vorlagen.Api.Features.Meetings.SessionSql.InvitationStateRow>(db, global::Vorlagen.Api.Features.Meetings.SessionSql.InvitationStatesSql, new { Id = meetingId }, ct));
            if (found.Count > 0)
                defects = new InvitationDefectsDto(cure.Citation, cure.Note!, cure.WordingVerified, [.. attendance.Where(a => found.ContainsKey(a.PersonId)).Select(a =>
                    new InvitationDefectDto(a.PersonId, Name(a.Title, a.GivenName, a.FamilyName), found[a.PersonId],
                        global::Vorlagen.Api.Features.Meetings.SessionSql.DefectLabels[found[a.PersonId]], a.Status == "present", a.InvitationObjection,
                        GetAttendance.Cured(a.Status, a.InvitationObjection)))]);
        }
        var absent = attendance.Where(a => a.Status != "present").Select(Attendee).ToList();

        var rows = await Query<ItemRow>(db, ItemsSql, args, ct);
        var numbered = MeetingSql.Number([.. rows.Select(r => new MeetingSql.ItemRow
        {
            Id = r.Id, IsPublic = r.IsPublic, SortOrder = r.SortOrder, IsSub = r.IsSub, Title = r.Title, ConsultationId = r.ConsultationId,
            PaperId = r.PaperId, PaperReference = r.PaperReference, TemplateKey = r.TemplateKey, Supplement = r.Supplement,
        })], full);
        var statements = (await Query<NameRow>(db, StatementsSql, args, ct)).ToLookup(s => s.ItemId);
        var recusals = (await Query<NameRow>(db, RecusalsSql, args, ct)).ToLookup(s => s.ItemId);
        var elections = await ElectionsAsync(db, args, ct);
        var items = numbered.Select(n =>
        {
            var row = rows.FirstOrDefault(r => r.Id == n.Id);
            if (row is null) return new MinutesItemDto(null, null, false, n.Title, null, null, null, null, null, [], [], null);
            // A public item never shows a non-public result that was not announced (e.g. a non-public consultation in a public part).
            var resultVisible = full || row.ConsultationPublic == true || row.AnnouncedOn is not null;
            return new MinutesItemDto(row.Id, n.Number, row.IsPublic, row.Title, row.PaperId, row.PaperReference, row.ConsultationId, row.Proposal,
                resultVisible ? Result(row) : null, [.. recusals[row.Id].Select(r => Name(r.Title, r.GivenName, r.FamilyName))],
                [.. statements[row.Id].Select(s => new StatementDto(Name(s.Title, s.GivenName, s.FamilyName), s.Kind, s.Text))],
                elections.GetValueOrDefault(row.Id));
        }).ToList();

        var signatures = (await Query<SignatureRow>(db, SignaturesSql, args, ct)).Select(s => new SignatureDto(s.Id, s.Role,
            MinutesStates.SignerLabels.GetValueOrDefault(s.Role, s.Role), s.PersonId, s.Name, DateOnly.Parse(s.SignedOn), Instants.Parse(s.RecordedAt), s.RecordedBy)).ToList();
        var approval = (await Query<ApprovalRow>(db, ApprovalSql, args, ct)).Select(a => new ApprovalDto(a.ApprovingMeetingId,
            DateOnly.Parse(a.ApprovingMeetingDate), a.AgendaItemId, DateOnly.Parse(a.ApprovedOn), a.RecordedBy)).SingleOrDefault();
        var objections = full ? (await Query<ObjectionRow>(db, ObjectionsSql, args, ct)).Select(o => new ObjectionDto(o.Id, o.RaisedBy, o.Objection,
            o.Outcome, o.Outcome == "accepted" ? "stattgegeben" : "zurückgewiesen", o.Resolution, o.RecordedBy)).ToList() : null;
        var published = await db.Connection.ExecuteScalarAsync<string?>(new CommandDefinition(PublicationSql, args, db.Transaction, cancellationToken: ct));
        var next = await db.Connection.ExecuteScalarAsync<string?>(new CommandDefinition(NextSessionSql,
            new { meeting.OrganizationId, Date = meeting.MeetingDate }, db.Transaction, cancellationToken: ct));
        var due = MinutesRules.NoticeDue(rule.Notice, meeting.Date, next is null ? null : DateOnly.Parse(next));
        var deadline = due is { } d ? new MinutesDeadlineDto(d, rule.Notice.Citation, rule.Notice.WordingVerified, approval is not null && approval.ApprovedOn <= d) : null;
        var s = rule.Signatures;
        return new MinutesDto(meeting.Id, meeting.BodyId, meeting.OrganizationId, meeting.OrganizationName, meeting.Number, meeting.Date, meeting.StartTime,
            meeting.EndTime, meeting.Room, meeting.Address, meeting.Status, state, MinutesStates.Label(state), !full, session is not null,
            session?.ChairFamilyName is null ? null : Name(session.ChairTitle, session.ChairGivenName, session.ChairFamilyName), session?.SecretaryName,
            present.Count, present, absent, items,
            new SignatureRuleDto(s.Chair, s.Members, s.MembersMustHaveAttended, s.Secretary, s.ElectronicFormExcluded, s.Citation, s.ElectronicCitation,
                s.WordingVerified, s.Source, s.Note),
            signatures, approval, published is null ? null : DateOnly.Parse(published), deadline, session?.Version ?? 0, objections, defects);
    }

    public static string AttendanceLabel(string status) => status switch
    {
        "present" => "anwesend", "excused" => "entschuldigt", "absent" => "abwesend", _ => status,
    };

    private static MinutesResultDto? Result(ItemRow row)
    {
        if (row.ConsultationStatus != ConsultationStatuses.Done || row.Outcome is null) return null;
        var votes = row.VotesEntitled is { } entitled
            ? new VotesDto(entitled, row.VotesYes ?? 0, row.VotesNo ?? 0, row.VotesAbstain ?? 0, row.VotesRecused ?? 0) : null;
        var wording = row.Outcome switch
        {
            Outcomes.AdoptedAmended => row.ResolutionText,
            Outcomes.Adopted or Outcomes.Recommended => row.Proposal,
            _ => null,
        };
        return new MinutesResultDto(row.Outcome, Outcomes.Find(row.Outcome)?.Label ?? row.Outcome, PaperReader.Date(row.ResultDate), votes,
            votes is null ? null : VoteWording.Unanimity(votes.Yes, votes.No, votes.Abstain), wording, row.DecisionNumber,
            PaperReader.Date(row.AnnouncedOn));
    }

    private static async Task<Dictionary<long, ElectionDto>> ElectionsAsync(DbSession db, object args, CancellationToken ct)
    {
        var elections = await Query<ElectionRow>(db, ElectionsSql, args, ct);
        if (elections.Count == 0) return [];
        var rounds = await Query<RoundRow>(db, RoundsSql, args, ct);
        var votes = (await Query<RoundVoteRow>(db, RoundVotesSql, args, ct)).ToLookup(v => (v.ElectionId, v.Round));
        return elections.ToDictionary(e => e.ItemId, e => new ElectionDto(e.Office, e.Status, e.FamilyName is null ? null : Name(e.Title, e.GivenName, e.FamilyName),
            [.. rounds.Where(r => r.ElectionId == e.Id).Select(r => new ElectionRoundDto(r.Round, r.EntitledPresent, r.ValidBallots, r.InvalidBallots, r.Outcome,
                r.FamilyName is null ? null : Name(r.Title, r.GivenName, r.FamilyName), r.DecidedByLot,
                [.. votes[(r.ElectionId, r.Round)].Select(v => new CandidateVotesDto(Name(v.Title, v.GivenName, v.FamilyName), v.Votes))]))]));
    }
}

namespace Vorlagen.Api.Features.Papers;

/// <summary>Queries shared by the paper slices.</summary>
public static class PaperSql
{
    public const string SelectPaperSql =
        "SELECT p.id AS Id, p.body_id AS BodyId, p.reference AS Reference, p.paper_type AS PaperType, p.title AS Title, " +
        "p.paper_date AS PaperDate, p.originator AS Originator, p.legal_basis AS LegalBasis, p.consulted_with AS ConsultedWith, " +
        "p.proposal AS Proposal, p.reasoning AS Reasoning, p.financial_impact AS FinancialImpact, p.effective_date AS EffectiveDate, " +
        "p.is_public AS IsPublic, p.status AS Status, p.signed_date AS SignedDate, p.released_on AS ReleasedOn, p.workflow_instance_id AS WorkflowInstanceId, " +
        "p.version AS Version, p.created_at AS CreatedAt, p.created_by AS CreatedBy, p.updated_at AS UpdatedAt, p.updated_by AS UpdatedBy, " +
        "p.fields AS Fields, p.related_paper_id AS RelatedPaperId, p.relation AS Relation " +
        "FROM papers p";

    /// <summary>What a paper's deadlines depend on: the body's rule profile and its paper type settings.</summary>
    public const string BodyRulesSql = "SELECT rule_profile AS RuleProfile, paper_settings AS PaperSettings FROM bodies WHERE id = @Id";

    public const string PaperByIdSql = SelectPaperSql + " WHERE p.id = @Id";

    /// <summary>Consultations with their Gremium names; a query adds WHERE and ORDER BY.</summary>
    public const string SelectConsultationsSql =
        "SELECT c.id AS Id, c.paper_id AS PaperId, c.position AS Position, c.organization_id AS OrganizationId, o.name AS OrganizationName, o.kind AS OrganizationKind, o.active AS OrganizationActive, " +
        "c.role AS Role, c.is_public AS IsPublic, c.planned_date AS PlannedDate, c.status AS Status, c.outcome AS Outcome, " +
        "c.result_date AS ResultDate, c.majority AS Majority, c.votes_entitled AS VotesEntitled, c.votes_yes AS VotesYes, " +
        "c.votes_no AS VotesNo, c.votes_abstain AS VotesAbstain, c.votes_recused AS VotesRecused, c.resolution_text AS ResolutionText, " +
        "c.referred_to_organization_id AS ReferredToOrganizationId, r.name AS ReferredToOrganizationName, c.recorded_by AS RecordedBy, " +
        "c.objected_consultation_id AS ObjectedConsultationId, c.announced_on AS AnnouncedOn, " +
        "(SELECT MIN(ai.meeting_id) FROM agenda_items ai WHERE ai.consultation_id = c.id) AS MeetingId, " +
        "(SELECT MIN(am.published_at) FROM agenda_items ai JOIN meetings am ON am.id = ai.meeting_id WHERE ai.consultation_id = c.id) AS MeetingPublishedAt " +
        "FROM consultations c JOIN organizations o ON o.id = c.organization_id " +
        "LEFT JOIN organizations r ON r.id = c.referred_to_organization_id";

    public const string ConsultationsOfPaperSql = SelectConsultationsSql + " WHERE c.paper_id = @Id ORDER BY c.position";

    /// <summary>
    /// A decision the caller may not know: a non-public beschließend consultation the caller may not see has a result and was not
    /// announced (bekanntgegeben, <c>announced_on</c>).
    /// <c>decided_non_public</c> (maintained on write) marks the few papers where the caller's Gremien matter at all.
    /// Same parameters as <see cref="VisibleFilter"/>.
    /// </summary>
    public const string HiddenDecision =
        "(p.decided_non_public = 1 AND @AllBodies = 0 AND p.body_id <> @FullBodyId AND EXISTS (" +
        "SELECT 1 FROM consultations dc WHERE dc.paper_id = p.id AND dc.role = 'beschliessend' AND dc.status = 'done' AND dc.is_public = 0 AND dc.announced_on IS NULL " +
        "AND NOT EXISTS (SELECT 1 FROM " + GremiumRightsSubquery + " dr WHERE dr.organization_id = dc.organization_id)))";

    /// <summary>The statuses that would reveal a decision (<see cref="PaperStatuses.RevealDecision"/>) as an SQL list.</summary>
    public const string RevealDecisionList = "('adopted', 'rejected', 'signed', 'objected_again', 'set_aside')";

    /// <summary>
    /// The status as the caller may see it (<see cref="PaperStatuses.Decided"/> when a non-public
    /// beschließend consultation the caller may not see decided it); same parameters as <see cref="VisibleFilter"/>.
    /// </summary>
    public const string ShownStatus =
        "(CASE WHEN p.status IN " + RevealDecisionList + " AND " + HiddenDecision + " THEN 'decided' ELSE p.status END)";

    /// <summary>
    /// The Gremien where @UserId has chair or member rights on @GrantsOn: the current memberships of the user's person
    /// (as <c>TokenAuthenticationHandler.GrantsSql</c> derives them; Fraktionen never deliberate, so they need no filter here).
    /// </summary>
    public const string GremiumRightsSubquery =
        "(SELECT gm.organization_id FROM memberships gm JOIN persons gp ON gp.id = gm.person_id " +
        "JOIN legislative_terms gt ON gt.id = gm.legislative_term_id WHERE gp.user_id = @UserId AND gp.status = 'active' AND gm.statutory = 0 " +
        "AND gm.start_date <= @GrantsOn AND COALESCE(gm.end_date, gt.end_date) >= @GrantsOn)";

    /// <summary>
    /// Which papers a caller may see. Parameters: @AllBodies (system admin), @FullBodyId (clerk, Landrat,
    /// admin of that body; -1 otherwise), @UserId (-1 for anonymous), @GrantsOn (the date of the caller's rights). Everyone else sees released public
    /// papers, and members/chairs also released non-public papers that one of their Gremien deliberates.
    /// Never-released papers (drafts, or withdrawn before release) stay inside the office.
    /// </summary>
    public const string VisibleFilter =
        "(@AllBodies = 1 OR p.body_id = @FullBodyId OR (p.released_on IS NOT NULL AND (p.is_public = 1 OR EXISTS (" +
        "SELECT 1 FROM consultations vc JOIN " + GremiumRightsSubquery + " vr ON vr.organization_id = vc.organization_id " +
        "WHERE vc.paper_id = p.id))))";

    /// <summary>Papers that name the paper @Id in a field of kind "paper" (Ergänzungs-/Austauschvorlagen), as far as the caller sees them.</summary>
    public const string ReferencingPapersSql =
        "SELECT p.id AS Id, p.reference AS Reference, p.title AS Title, p.paper_type AS PaperType FROM papers p " +
        "WHERE p.related_paper_id = @Id AND " + VisibleFilter + " ORDER BY p.id";

    /// <summary>The body's active Kreistag: it decides on a Widerspruch against an Ausschuss and for an Ausschuss not quorate by Befangenheit.</summary>
    public const string KreistagOfBodySql =
        "SELECT id AS Id, name AS Name FROM organizations WHERE body_id = @BodyId AND kind = 'kreistag' AND active = 1 ORDER BY id";
}

namespace Vorlagen.Api.Features.OParl;

/// <summary>
/// SQL shared by the OParl lists. OParl is anonymous: it shows what the public may see (PaperSql.VisibleFilter
/// for a caller without roles) — released public papers, their public consultations. Instants are fixed-width
/// UTC text, so <c>MAX</c>, <c>CASE … &gt; …</c> and range filters compare them as strings.
/// </summary>
public static class OParlSql
{
    /// <summary>Released and public: drafts, papers withdrawn before release and non-public papers are never OParl objects.</summary>
    public const string PublicPaper = "p.released_on IS NOT NULL AND p.is_public = 1";

    /// <summary>
    /// When a decision the public may not see was recorded (the twin of PaperSql.ShownStatus for anonymous callers),
    /// else NULL. From then on the public sees only "decided": signing later must not change <c>modified</c>. Announcing the
    /// decision (Bekanntgabe) ends this and stamps the paper's <c>updated_at</c>, so <c>modified</c> moves on.
    /// </summary>
    public const string HiddenDecisionAt =
        "(SELECT MAX(dc.recorded_at) FROM consultations dc WHERE dc.paper_id = p.id AND p.status IN ('adopted', 'rejected', 'signed') " +
        "AND dc.role = 'beschliessend' AND dc.status = 'done' AND dc.is_public = 0 AND dc.announced_on IS NULL)";

    /// <summary>Every action stamps <c>updated_at</c>; after a hidden decision, the moment the public saw the paper change last.</summary>
    public const string PaperModified = "COALESCE(" + HiddenDecisionAt + ", p.updated_at)";

    private const string ConsultationUpdated = "COALESCE(c.updated_at, c.recorded_at, p.updated_at)";
    private const string ReleasedAt = "COALESCE(p.released_at, p.created_at)";

    private const string ConsultationOrReleased =
        "(CASE WHEN " + ConsultationUpdated + " > " + ReleasedAt + " THEN " + ConsultationUpdated + " ELSE " + ReleasedAt + " END)";

    /// <summary>The public agenda item (of a published public meeting) that treats consultation <c>c</c>; at most one (unique index).</summary>
    private const string AgendaItemOf =
        " FROM agenda_items ai JOIN meetings am ON am.id = ai.meeting_id WHERE ai.consultation_id = c.id AND ai.is_public = 1 " +
        "AND am.is_public = 1 AND am.published_at IS NOT NULL)";

    private const string AgendaPublishedAt = "(SELECT am.published_at" + AgendaItemOf;

    /// <summary>
    /// A consultation drafted before the release became public with it: modified no earlier than the release; and no earlier
    /// than the publication of the meeting that links it (its <c>meeting</c>/<c>agendaItem</c> appear then).
    /// </summary>
    public const string ConsultationModified =
        "(CASE WHEN " + AgendaPublishedAt + " > " + ConsultationOrReleased + " THEN " + AgendaPublishedAt + " ELSE " + ConsultationOrReleased + " END)";

    public const string ConsultationCreated = "COALESCE(c.created_at, p.created_at)";

    /// <summary>The columns of a consultation row (<see cref="OParlConsultations.Row"/>); needs <c>c</c> and its paper <c>p</c>.</summary>
    public const string ConsultationColumns =
        "c.id AS Id, c.paper_id AS PaperId, " + ConsultationCreated + " AS Created, " + ConsultationModified + " AS Modified, " +
        "c.position AS Position, c.organization_id AS OrganizationId, c.role AS Role, c.status AS Status, c.planned_date AS PlannedDate, " +
        "c.outcome AS Outcome, c.result_date AS ResultDate, c.majority AS Majority, c.votes_entitled AS VotesEntitled, c.votes_yes AS VotesYes, " +
        "c.votes_no AS VotesNo, c.votes_abstain AS VotesAbstain, c.votes_recused AS VotesRecused, c.resolution_text AS ResolutionText, " +
        "c.referred_to_organization_id AS ReferredToOrganizationId, (SELECT ai.id" + AgendaItemOf + " AS AgendaItemId, " +
        "(SELECT ai.meeting_id" + AgendaItemOf + " AS MeetingId";

    /// <summary>The list filters on the wrapped row query <c>x</c>.</summary>
    public const string Filter =
        " WHERE (@CreatedSince IS NULL OR x.Created >= @CreatedSince) AND (@CreatedBefore IS NULL OR x.Created < @CreatedBefore)" +
        " AND (@ModifiedSince IS NULL OR x.Modified >= @ModifiedSince) AND (@ModifiedBefore IS NULL OR x.Modified < @ModifiedBefore)";

    /// <summary>One keyset page after the cursor.</summary>
    public const string Page = " AND x.Id > @After ORDER BY x.Id {{Page}}";

    /// <summary>How many filtered rows lie up to the cursor (for <c>currentPage</c>).</summary>
    public const string UpToCursor = " AND x.Id <= @After";

    private const string TombstoneColumns = "SELECT t.object_id AS Id, MIN(t.created_at) AS Created, MAX(t.deleted_at) AS Modified FROM oparl_tombstones t";

    /// <summary>
    /// The objects of one type (<c>@TombstoneType</c>) in a body that left public view (Data.PublicTombstones), one row each:
    /// <c>created</c> as the object showed it, <c>modified</c> the moment it left. A list drops those that are public again.
    /// </summary>
    public const string TombstoneRows = TombstoneColumns + " WHERE t.body_id = @BodyId AND t.object_type = @TombstoneType GROUP BY t.object_id";

    public const string TombstoneByIdSql = TombstoneColumns + " WHERE t.object_type = @TombstoneType AND t.object_id = @Id GROUP BY t.object_id";
}

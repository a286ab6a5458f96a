using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.Papers;

/// <summary>Who may see which paper and consultation; the SQL twin is <see cref="PaperSql.VisibleFilter"/>.</summary>
public static class PaperAccess
{
    public static object FilterArgs(Caller caller) => new
    {
        AllBodies = caller.IsSystemAdmin ? 1 : 0,
        FullBodyId = caller.BodyId is { } body && caller.SeesAllOf(body) ? body : -1L,
        UserId = caller.UserId ?? -1L,
        GrantsOn = caller.GrantsOn ?? "",
    };

    public static bool CanSee(Caller caller, PaperRow paper, IEnumerable<ConsultationRow> consultations) =>
        caller.SeesAllOf(paper.BodyId)
        || (paper.ReleasedOn is not null
            && (paper.IsPublic || (caller.BelongsTo(paper.BodyId) && consultations.Any(c => IsOwnGremium(caller, c.OrganizationId)))));

    /// <summary>
    /// Non-public content of a paper the caller can see (e.g. non-public Anlagen): the office, and members and chairs of
    /// a Gremium in its Beratungsfolge once it is released.
    /// </summary>
    public static bool SeesNonPublicContent(Caller caller, PaperRow paper, IEnumerable<ConsultationRow> consultations) =>
        caller.SeesAllOf(paper.BodyId)
        || (paper.ReleasedOn is not null && caller.BelongsTo(paper.BodyId) && consultations.Any(c => IsOwnGremium(caller, c.OrganizationId)));

    /// <summary>
    /// A non-public consultation's result and tally only for the office and that Gremium's own members and chair, until the decision is
    /// announced in a public session (bekanntgegeben, § 33 Abs. 1 Satz 3 SächsLKrO): then for everyone who sees the paper.
    /// </summary>
    public static bool CanSeeDetails(Caller caller, long bodyId, ConsultationRow consultation) =>
        consultation.IsPublic || consultation.AnnouncedOn is not null || caller.SeesAllOf(bodyId) || (caller.BelongsTo(bodyId) && IsOwnGremium(caller, consultation.OrganizationId));

    /// <summary>The C# twin of <see cref="PaperSql.ShownStatus"/>: does the status reveal a decision the caller may not see?</summary>
    public static bool DecisionHidden(Caller caller, PaperRow paper, IEnumerable<ConsultationRow> consultations) =>
        PaperStatuses.RevealDecision.Contains(paper.Status)
        && consultations.Any(c => c.Role == Domain.Voting.ConsultationRoles.Beschliessend && c.Status == ConsultationStatuses.Done
                                  && !CanSeeDetails(caller, paper.BodyId, c));

    /// <summary>The status as the caller may know it: <see cref="PaperStatuses.Decided"/> instead of a decision they may not see.</summary>
    public static string ShownStatus(Caller caller, PaperRow paper, IEnumerable<ConsultationRow> consultations) =>
        DecisionHidden(caller, paper, consultations) ? PaperStatuses.Decided : paper.Status;

    /// <summary>
    /// Only the office sees how many journal records there are and where a chain broke: the count differs
    /// between an adopted and a rejected paper, so it would reveal a non-public decision.
    /// </summary>
    public static bool SeesJournalDetails(Caller caller, PaperRow paper) => caller.SeesAllOf(paper.BodyId);

    private static bool IsOwnGremium(Caller caller, long organizationId) =>
        caller.MemberOf.Contains(organizationId) || caller.ChairOf.Contains(organizationId);
}

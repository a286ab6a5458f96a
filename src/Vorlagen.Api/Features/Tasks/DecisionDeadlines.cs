using Vorlagen.Api.Features.Papers;
using Vorlagen.Domain.Rules;
using Vorlagen.Domain.Voting;

namespace Vorlagen.Api.Features.Tasks;

/// <summary>
/// Statutory deadlines around a decision, from the body's rule profile: the last day for a
/// Widerspruch against it, and after a Widerspruch the last day for the new session.
/// </summary>
public static class DecisionDeadlines
{
    public static ConsultationDto? Decision(PaperDto paper) =>
        paper.Consultations.LastOrDefault(c => c.Role == ConsultationRoles.Beschliessend && c.Result?.Date is not null);

    /// <returns>null when there is no decision yet or the state law sets no period (ThürKO).</returns>
    public static Deadline? Widerspruch(PaperDto paper, RuleProfile profile) =>
        Decision(paper)?.Result?.Date is { } decided ? profile.WiderspruchDeadline(decided) : null;

    /// <summary>
    /// For the consultation a Widerspruch appended (a pending beschließend consultation after a decided
    /// one of the same Gremium): the last day for the new session, counted from the objected decision.
    /// </summary>
    /// <returns>null for any other consultation, when the caller may not see the decision, or when the law sets no period.</returns>
    public static Deadline? Rehearing(PaperDto paper, ConsultationDto pending, RuleProfile profile)
    {
        if (pending.Role != ConsultationRoles.Beschliessend) return null;
        // Appended by a Widerspruch since 0010 (possibly for the Kreistag, § 48 Abs. 3 SächsLKrO); older papers: the same Gremium again.
        var objected = pending.RehearingOf is { } id
            ? paper.Consultations.FirstOrDefault(c => c.Id == id)
            : paper.Consultations.LastOrDefault(c => c.Position < pending.Position && c.Role == ConsultationRoles.Beschliessend
                && c.OrganizationId == pending.OrganizationId && c.Result?.Date is not null);
        return objected?.Result?.Date is { } decided ? profile.RehearingDeadline(decided) : null;
    }
}

using Vorlagen.Api.Features.Papers;
using Vorlagen.Domain.Rules;
using Vorlagen.Domain.Voting;

namespace Vorlagen.Api.Features.Tasks;

/// <summary>The decision awaiting Ausfertigung and the last day for a Widerspruch against it (from the body's rule profile).</summary>
public static class DecisionDeadlines
{
    public static ConsultationDto? Decision(PaperDto paper) =>
        paper.Consultations.LastOrDefault(c => c.Role == ConsultationRoles.Beschliessend && c.Result?.Date is not null);

    /// <returns>null when there is no decision yet or the state law sets no period (ThürKO).</returns>
    public static Deadline? Widerspruch(PaperDto paper, RuleProfile profile) =>
        Decision(paper)?.Result?.Date is { } decided ? profile.WiderspruchDeadline(decided) : null;
}

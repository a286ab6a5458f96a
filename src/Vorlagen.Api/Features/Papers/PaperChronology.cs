using FluentValidation;
using FluentValidation.Results;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Domain.Voting;

namespace Vorlagen.Api.Features.Papers;

/// <summary>
/// Dates the office enters must fit the record: nothing happens in the future, sessions follow the
/// Beratungsfolge in time, and a decision is signed or objected to only after it was taken. The
/// session date also selects the rule version the tally is checked against, so a backdated vote
/// would be judged by the wrong law.
/// </summary>
public static class PaperChronology
{
    /// <param name="history">the paper's history: every recorded session (also postponements) and a Widerspruch come before this session.</param>
    public static void CheckSessionDate(DateOnly date, IReadOnlyList<GetPaperHistory.HistoryEntry> history, TimeProvider clock)
    {
        if (date > BerlinTime.Today(clock))
            throw Invalid("date", "Das Sitzungsdatum liegt in der Zukunft; Ergebnisse werden nach der Sitzung erfasst.");
        var previous = history.Where(h => h.Kind == "result" || h.Action == "object")
            .Select(h => h.Date is { Length: >= 10 } text ? PaperReader.Date(text) : null).Max();
        if (previous is { } before && date < before)
            throw Invalid("date", $"Das Sitzungsdatum kann nicht vor der vorigen Sitzung oder dem Widerspruch am {before:dd.MM.yyyy} liegen.");
    }

    public static void CheckActionDate(string action, DateOnly date, IReadOnlyList<ConsultationRow> consultations, TimeProvider clock)
    {
        if (date > BerlinTime.Today(clock))
            throw Invalid("date", "Das Datum liegt in der Zukunft.");
        if (action is "sign" or "object" && DecisionDate(consultations) is { } decided && date < decided)
            throw Invalid("date", action == "sign"
                ? $"Die Ausfertigung kann nicht vor dem Beschluss am {decided:dd.MM.yyyy} liegen."
                : $"Der Widerspruch kann nicht vor dem Beschluss am {decided:dd.MM.yyyy} liegen.");
    }

    private static DateOnly? DecisionDate(IReadOnlyList<ConsultationRow> consultations) =>
        PaperReader.Date(consultations.LastOrDefault(c => c.Role == ConsultationRoles.Beschliessend && c.ResultDate is not null)?.ResultDate);

    private static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}

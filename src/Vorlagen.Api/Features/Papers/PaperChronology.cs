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
    public static void CheckSessionDate(DateOnly date, IReadOnlyList<ConsultationRow> consultations, TimeProvider clock)
    {
        if (date > BerlinTime.Today(clock))
            throw Invalid("date", "Das Sitzungsdatum liegt in der Zukunft; Ergebnisse werden nach der Sitzung erfasst.");
        if (consultations.Where(c => c.ResultDate is not null).Select(c => PaperReader.Date(c.ResultDate)!.Value).DefaultIfEmpty().Max() is var previous
            && previous != default && date < previous)
            throw Invalid("date", $"Das Sitzungsdatum kann nicht vor der vorigen Beratung am {previous:dd.MM.yyyy} liegen.");
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

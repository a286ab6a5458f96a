using FluentValidation;

namespace Vorlagen.Api.Infrastructure;

/// <summary>
/// Dates a council record can plausibly carry. Also keeps deadline arithmetic (e.g. a Widerspruch
/// period added to a decision date) far away from the ends of the calendar.
/// </summary>
public static class CouncilDates
{
    public static readonly DateOnly Earliest = new(1990, 1, 1);
    public static readonly DateOnly Latest = new(2100, 12, 31);

    public static IRuleBuilderOptions<T, DateOnly?> PlausibleDate<T>(this IRuleBuilder<T, DateOnly?> rule) =>
        rule.Must(d => d is null || (d >= Earliest && d <= Latest))
            .WithMessage($"Das Datum muss zwischen {Earliest:dd.MM.yyyy} und {Latest:dd.MM.yyyy} liegen.");
}

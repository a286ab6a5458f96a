using System.Globalization;
using System.Text.RegularExpressions;

namespace Vorlagen.Domain.Rules;

/// <summary>A legal period, written as a simple ISO 8601 duration in profiles: "P14D", "P2W", "P1M".</summary>
public sealed partial record RulePeriod(int Amount, PeriodUnit Unit)
{
    /// <summary>
    /// Last day of the period that starts with the event on <paramref name="eventDate"/> (§§ 187 Abs. 1, 188 Abs. 2 BGB:
    /// a two-week period from a Wednesday ends on the Wednesday two weeks later; a month from 31 January ends on the last
    /// day of February). Weekends and holidays (§ 193 BGB) are not applied: public holidays differ per state.
    /// </summary>
    public DateOnly EndFrom(DateOnly eventDate) => Unit switch
    {
        PeriodUnit.Days => eventDate.AddDays(Amount),
        PeriodUnit.Weeks => eventDate.AddDays(7 * Amount),
        _ => eventDate.AddMonths(Amount),
    };

    /// <summary>German wording, e.g. "2 Wochen", "1 Monat".</summary>
    public string GermanText => (Unit, Amount) switch
    {
        (PeriodUnit.Days, 1) => "1 Tag",
        (PeriodUnit.Days, _) => $"{Amount} Tage",
        (PeriodUnit.Weeks, 1) => "1 Woche",
        (PeriodUnit.Weeks, _) => $"{Amount} Wochen",
        (PeriodUnit.Months, 1) => "1 Monat",
        _ => $"{Amount} Monate",
    };

    public override string ToString()
    {
        var unit = Unit switch
        {
            PeriodUnit.Days => 'D',
            PeriodUnit.Weeks => 'W',
            _ => 'M',
        };
        return string.Create(CultureInfo.InvariantCulture, $"P{Amount}{unit}");
    }

    public static bool TryParse(string? text, out RulePeriod? period)
    {
        period = null;
        var match = text is null ? null : IsoPeriod().Match(text);
        if (match is not { Success: true }
            || !int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var amount)
            || amount <= 0)
        {
            return false;
        }
        period = new RulePeriod(amount, match.Groups[2].Value switch
        {
            "D" => PeriodUnit.Days,
            "W" => PeriodUnit.Weeks,
            _ => PeriodUnit.Months,
        });
        return true;
    }

    [GeneratedRegex("^P([0-9]{1,4})([DWM])$")]
    private static partial Regex IsoPeriod();
}

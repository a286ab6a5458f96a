using System.Globalization;
using System.Text.RegularExpressions;

namespace Vorlagen.Api.Infrastructure;

/// <summary>
/// Reads a euro amount the German way: dots group thousands, a comma starts the cents. "250.000" is 250.000,00 €,
/// "1.500" is 1.500,00 €, "250.000,50" and "12,5" as written. What could be an English decimal point ("250.00",
/// "1.5"), several commas or more than two decimals is refused with a message that says what the text could mean
/// and how to write it – never a silent misreading.
/// </summary>
public static partial class GermanAmounts
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public sealed record Reading(decimal? Amount, string? Problem);

    public static Reading Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return new(null, null);
        var typed = text.Trim();
        var cleaned = typed.Replace("€", "", StringComparison.Ordinal).Replace("EUR", "", StringComparison.OrdinalIgnoreCase);
        cleaned = new string([.. cleaned.Where(c => !char.IsWhiteSpace(c) && c != '\u202F' && c != '\u00A0')]);
        var negative = cleaned.StartsWith('-');
        var digits = negative ? cleaned[1..] : cleaned;
        if (Grouped().IsMatch(digits) || Plain().IsMatch(digits))
        {
            var amount = decimal.Parse(digits.Replace(".", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, German);
            return new(negative ? -amount : amount, null);
        }
        return new(null, Explain(typed, digits));
    }

    /// <summary>A stored amount as the form shows it again: "250.000,50".</summary>
    public static string Format(decimal amount) => amount.ToString("#,##0.00", German);

    private static string Explain(string typed, string digits)
    {
        var commas = digits.Count(c => c == ',');
        if (commas > 1)
            return $"„{typed}“ enthält mehrere Kommas. Das Komma trennt nur die Cent ab; Tausender werden mit Punkt gegliedert, z. B. 1.234.567,89.";
        if (EnglishDecimal().Match(digits) is { Success: true } english)
        {
            var meant = decimal.Parse(digits.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
            return $"„{typed}“ ist nicht eindeutig: Der Punkt gliedert im Deutschen Tausender (250.000 sind zweihundertfünfzigtausend Euro). " +
                $"Meinen Sie {meant.ToString("#,##0.00", German)} €? Dann schreiben Sie bitte {meant.ToString("#,##0.00", German)} – das Komma steht vor den Cent.";
        }
        if (TooManyDecimals().IsMatch(digits))
            return $"„{typed}“ hat mehr als zwei Stellen nach dem Komma. Beträge werden auf den Cent genau angegeben, z. B. 12,35.";
        if (BadGrouping().IsMatch(digits))
            return $"„{typed}“: Nach einem Tausenderpunkt folgen immer genau drei Ziffern, z. B. 1.234.567 oder 1.234,50.";
        return $"„{typed}“ ist kein Betrag. Bitte schreiben Sie ihn wie 12.500,00 (Punkt für Tausender, Komma vor den Cent).";
    }

    [GeneratedRegex(@"^\d{1,3}(\.\d{3})+(,\d{1,2})?$")]
    private static partial Regex Grouped();

    [GeneratedRegex(@"^\d+(,\d{1,2})?$")]
    private static partial Regex Plain();

    // One dot followed by one or two digits at the end, the English way ("250.00", "1.5", "1,234.5").
    [GeneratedRegex(@"^\d{1,3}(,\d{3})*(\.\d{1,2})$|^\d+\.\d{1,2}$")]
    private static partial Regex EnglishDecimal();

    [GeneratedRegex(@"^[\d.]*,\d{3,}$")]
    private static partial Regex TooManyDecimals();

    [GeneratedRegex(@"^[\d.,]+$")]
    private static partial Regex BadGrouping();
}

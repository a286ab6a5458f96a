using System.Globalization;

namespace Vorlagen.Domain.Rules;

/// <summary>A proper fraction such as 1/2 or 3/4, written "n/d" in rule profiles.</summary>
public readonly record struct Fraction(int Numerator, int Denominator)
{
    /// <summary>Smallest whole count that satisfies <paramref name="comparison"/> against this fraction of <paramref name="total"/>.</summary>
    public int MinimumCount(int total, Comparison comparison)
    {
        // Integer arithmetic only: "at least half of 9" must be 5, never 4.5 rounded somewhere.
        long scaled = (long)total * Numerator;
        long floor = scaled / Denominator;
        bool exact = scaled % Denominator == 0;
        long minimum = comparison switch
        {
            Comparison.AtLeast => exact ? floor : floor + 1,
            _ => floor + 1,
        };
        return (int)minimum;
    }

    /// <summary>True when <paramref name="count"/> satisfies the comparison against this fraction of <paramref name="total"/>.</summary>
    public bool IsMet(int count, int total, Comparison comparison) => count >= MinimumCount(total, comparison);

    /// <summary>German wording for messages, e.g. "die Hälfte", "ein Viertel".</summary>
    public string GermanName => (Numerator, Denominator) switch
    {
        (1, 2) => "die Hälfte",
        (1, 3) => "ein Drittel",
        (2, 3) => "zwei Drittel",
        (1, 4) => "ein Viertel",
        (3, 4) => "drei Viertel",
        _ => ToString(),
    };

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Numerator}/{Denominator}");

    /// <summary>Parses "n/d" with 0 &lt; n ≤ d; returns false for anything else.</summary>
    public static bool TryParse(string? text, out Fraction fraction)
    {
        fraction = default;
        var parts = text?.Split('/');
        if (parts is not { Length: 2 }
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            || n <= 0 || d <= 0 || n > d)
        {
            return false;
        }
        fraction = new Fraction(n, d);
        return true;
    }
}

using System.Globalization;
using System.Text;
using FluentValidation;

namespace Vorlagen.Api.Infrastructure;

/// <summary>
/// Rules for free text: no control characters (U+0000–U+001F, U+007F–U+009F) and no invisible format characters that
/// change what a reader sees (bidirectional overrides) – they break printouts, exports and the journal and can hide text.
/// Multi-line texts may keep line breaks and tabs. Invisible characters that only Word and web pages leave behind
/// (zero-width spaces and joiners, soft hyphens, direction marks, byte order marks) are removed by <see cref="Clean"/>
/// before the rules run. A refusal names the character, where it is, and shows the place with a visible marker.
/// <c>subject</c> names the field with its article as the message starts, e.g. "Der Gegenstand".
/// </summary>
public static class TextRules
{
    /// <summary>For titles, names and numbers: no control character at all, not even a line break.</summary>
    public static IRuleBuilderOptions<T, string?> SingleLineText<T>(this IRuleBuilder<T, string?> rule, string subject) =>
        rule.Must(t => Problem(t, multiLine: false) is null).WithMessage((_, t) => $"{subject} {Problem(t, multiLine: false)}");

    /// <summary>For texts with paragraphs: line breaks (\n, \r) and tabs are fine, other control characters are not.</summary>
    public static IRuleBuilderOptions<T, string?> MultiLineText<T>(this IRuleBuilder<T, string?> rule, string subject) =>
        rule.Must(t => Problem(t, multiLine: true) is null).WithMessage((_, t) => $"{subject} {Problem(t, multiLine: true)}");

    /// <summary>Like <c>NotEmpty()</c>, but a text of only whitespace and control characters counts as empty too.</summary>
    public static IRuleBuilderOptions<T, string?> RequiredText<T>(this IRuleBuilder<T, string?> rule) => rule.Must(HasContent);

    /// <summary>True when the text has at least one visible character: not whitespace, control or format character.</summary>
    public static bool HasContent(string? text) => text is not null && text.Any(c => !char.IsWhiteSpace(c) && !char.IsControl(c) && !IsInvisible(c) && !IsHarmless(c));

    public static bool HasControlCharacters(string? text, bool multiLine) => Problem(text, multiLine) is not null;

    /// <summary>
    /// Removes the invisible characters pasted text brings along that change nothing a reader sees: zero-width space,
    /// non-joiner and joiner, word joiner, byte order mark, soft hyphen and the left-to-right/right-to-left marks.
    /// </summary>
    public static string? Clean(string? text)
    {
        if (text is null || !text.Any(IsHarmless)) return text;
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
            if (!IsHarmless(c)) builder.Append(c);
        return builder.ToString();
    }

    private static bool IsHarmless(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD' or '\u200E' or '\u200F' or '\u061C';

    private static bool IsInvisible(char c) => c != '\u00AD' && char.GetUnicodeCategory(c) == UnicodeCategory.Format;

    /// <summary>
    /// The first character that is refused, as the rest of a message: "enthält an Stelle 17 das unsichtbare Zeichen
    /// U+202E (Richtungsumkehr) – hier: „…Kyff⟦U+202E⟧häuser…“. Bitte entfernen Sie es." Null when the text is fine.
    /// </summary>
    public static string? Problem(string? text, bool multiLine)
    {
        if (text is null) return null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var control = char.IsControl(c) && !(multiLine && c is '\n' or '\r' or '\t');
            if (!control && !IsInvisible(c)) continue;
            var code = $"U+{(int)c:X4}";
            var what = control ? $"das Steuerzeichen {code} ({ControlName(c)})" : $"das unsichtbare Zeichen {code} ({FormatName(c)})";
            var hint = !multiLine && c is '\n' or '\r' or '\t' ? " Zeilenumbrüche und Tabulatoren sind hier nicht erlaubt." : " Bitte entfernen Sie es; es stammt oft aus kopiertem Text.";
            return $"enthält {Where(text, i, multiLine)} {what} – hier markiert: „{Context(text, i)}“.{hint}";
        }
        return null;
    }

    /// <summary>"an Stelle 17", or in a text with several lines "in Zeile 3 an Stelle 5" (counted from 1).</summary>
    private static string Where(string text, int index, bool multiLine)
    {
        var lineStart = index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1;
        var line = text[..index].Count(ch => ch == '\n') + 1;
        return multiLine && text.Contains('\n') ? $"in Zeile {line} an Stelle {index - lineStart + 1}" : $"an Stelle {index + 1}";
    }

    private static string Context(string text, int index)
    {
        const int around = 15;
        var start = Math.Max(0, index - around);
        var end = Math.Min(text.Length, index + 1 + around);
        static string Visible(string part) => new([.. part.Select(ch => char.IsControl(ch) || IsInvisible(ch) ? '·' : ch)]);
        return (start > 0 ? "…" : "") + Visible(text[start..index]) + $"⟦U+{(int)text[index]:X4}⟧" + Visible(text[(index + 1)..end]) + (end < text.Length ? "…" : "");
    }

    private static string ControlName(char c) => c switch
    {
        '\n' => "Zeilenumbruch",
        '\r' => "Wagenrücklauf",
        '\t' => "Tabulator",
        '\0' => "Nullzeichen",
        '\u001B' => "Escape",
        '\u0007' => "Klingelzeichen",
        _ => "Steuerzeichen",
    };

    private static string FormatName(char c) => c switch
    {
        >= '\u202A' and <= '\u202E' => "Umschaltung der Schreibrichtung",
        >= '\u2066' and <= '\u2069' => "Isolierung der Schreibrichtung",
        _ => "Formatzeichen",
    };
}

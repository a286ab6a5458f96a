using FluentValidation;

namespace Vorlagen.Api.Infrastructure;

/// <summary>
/// Rules for free text: no control characters (U+0000–U+001F, U+007F–U+009F) – they break printouts, exports and the
/// journal and can hide text. Multi-line texts may keep line breaks and tabs. <c>subject</c> names the field with
/// its article as the message starts, e.g. "Der Gegenstand".
/// </summary>
public static class TextRules
{
    /// <summary>For titles, names and numbers: no control character at all, not even a line break.</summary>
    public static IRuleBuilderOptions<T, string?> SingleLineText<T>(this IRuleBuilder<T, string?> rule, string subject) =>
        rule.Must(t => !HasControlCharacters(t, multiLine: false))
            .WithMessage($"{subject} enthält unzulässige Steuerzeichen (auch Zeilenumbrüche und Tabulatoren sind hier nicht erlaubt).");

    /// <summary>For texts with paragraphs: line breaks (\n, \r) and tabs are fine, other control characters are not.</summary>
    public static IRuleBuilderOptions<T, string?> MultiLineText<T>(this IRuleBuilder<T, string?> rule, string subject) =>
        rule.Must(t => !HasControlCharacters(t, multiLine: true))
            .WithMessage($"{subject} enthält unzulässige Steuerzeichen.");

    /// <summary>Like <c>NotEmpty()</c>, but a text of only whitespace and control characters counts as empty too.</summary>
    public static IRuleBuilderOptions<T, string?> RequiredText<T>(this IRuleBuilder<T, string?> rule) => rule.Must(HasContent);

    /// <summary>True when the text has at least one visible character: not whitespace, control or format character.</summary>
    public static bool HasContent(string? text) => text is not null && text.Any(c => !char.IsWhiteSpace(c) && !char.IsControl(c) && !IsInvisible(c));

    /// <summary>
    /// char.IsControl is exactly U+0000–U+001F and U+007F–U+009F. Format characters (zero-width spaces, bidirectional
    /// overrides that reorder what a reader sees) count too; the soft hyphen, common in texts pasted from Word, does not.
    /// </summary>
    public static bool HasControlCharacters(string? text, bool multiLine) =>
        text is not null && text.Any(c => (char.IsControl(c) && !(multiLine && c is '\n' or '\r' or '\t')) || IsInvisible(c));

    private static bool IsInvisible(char c) => c != '\u00AD' && char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format;
}

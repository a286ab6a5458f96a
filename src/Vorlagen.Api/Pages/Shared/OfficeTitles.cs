using System.Text.RegularExpressions;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Pages.Shared;

/// <summary>
/// The proper title of a Landrat or Landrätin, read from what the data says about the person: the
/// display name ("Landrätin Hochwind-Schneider", "Landrat Vogel", "Frau …"), else the Einreicher
/// of the paper when it names the same person ("Die Landrätin, Frau Hochwind-Schneider"). Users
/// carry no gender or title field and bodies no office title, so when neither says it the title is
/// unknown (null) and documents must not guess or print the slash label "Landrat/Landrätin".
/// </summary>
public static partial class OfficeTitles
{
    public const string Landraetin = "Landrätin";
    public const string Landrat = "Landrat";

    public sealed record Signatory(string Name, string? Title);

    // Title words and forms of address that may stand before or after the name; the first one decides.
    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?<word>Landrätin|Landrat|Frau|Herr)(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex TitleWord();

    // Only before the rest of the name ("Die Landrätin, Frau …"): "van der Berg" keeps its "der".
    [GeneratedRegex(@"^[\s,]*(Die|Der)(?![\p{L}\p{N}])")]
    private static partial Regex Article();

    /// <summary>"Landrätin" or "Landrat" as the text says; null when it does not tell.</summary>
    public static string? Title(string? text)
    {
        var match = string.IsNullOrWhiteSpace(text) ? Match.Empty : TitleWord().Match(text);
        return match.Success ? match.Groups["word"].Value switch
        {
            "Landrätin" or "Frau" => Landraetin,
            _ => Landrat,
        } : null;
    }

    /// <summary>The name without title, form of address and article: "Landrätin Hochwind-Schneider" → "Hochwind-Schneider".</summary>
    public static string Name(string displayName)
    {
        var name = Article().Replace(TitleWord().Replace(displayName, " "), " ");
        name = string.Join(' ', name.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries));
        return name.Length == 0 ? displayName.Trim() : name;
    }

    /// <summary>"Landrat Frank Vogel" → "F. Vogel": first names as initials, the surname in full (seed 001's signature line).</summary>
    public static string Short(string displayName)
    {
        var parts = Name(displayName).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length < 2 ? string.Join(' ', parts) : string.Join(' ', parts[..^1].Select(p => p[0] + ".")) + " " + parts[^1];
    }

    /// <summary>
    /// Who signed, as the signature block prints it: the name, and below it the title from the signer's
    /// display name or, failing that, from an Einreicher naming the same person.
    /// </summary>
    public static Signatory ForSignature(string displayName, string? originator)
    {
        var name = Name(displayName);
        var title = Title(displayName);
        if (title is null && originator is not null && originator.Contains(name, StringComparison.OrdinalIgnoreCase))
            title = Title(originator);
        return new Signatory(name, title);
    }

    /// <summary>"Kreistagsbüro Kyffhäuserkreis (Sitzungsdienst)"; the role is left out where the name already says it ("Landrätin Hochwind-Schneider").</summary>
    public static string Actor(string name, string? role)
    {
        if (role is null) return name;
        var label = RoleLabel(role, name);
        return Regex.IsMatch(name, $@"(?<![\p{{L}}])({Regex.Escape(label)}|{Regex.Escape(Roles.Labels.GetValueOrDefault(role, role))})(?![\p{{L}}])",
            RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)) ? name : $"{name} ({label})";
    }

    /// <summary>A role label for a person: for the Landrat role the title the name shows, else the catalogue label.</summary>
    public static string RoleLabel(string role, string? displayName) =>
        role == Roles.Landrat && Title(displayName) is { } title ? title : Roles.LabelFor(role, displayName);
}

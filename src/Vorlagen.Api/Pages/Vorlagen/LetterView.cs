using System.Text.Json.Nodes;
using Vorlagen.Api.Infrastructure.PaperTypes;
using Vorlagen.Api.Pages.Shared;

namespace Vorlagen.Api.Pages.Papers;

/// <summary>
/// The print layout <c>letter</c> (seed 003: the Landrat's answer to a Kreisrat's question): letterhead with the lead unit,
/// Bearbeiter/in, Zeichen and date; the questions quoted, then the answer; signature; "nachrichtlich". It reads the fields
/// it knows by name (a type with the layout may have them); every other field of the type is listed after the letter text.
/// </summary>
public sealed record LetterView(PaperView View, PaperTypeDescriptor Type)
{
    private static readonly string[] Laid = ["title", "date", "originator", "leadUnit", "handler", "fileNumber", "distribution", "replyChannel",
        "preamble", "questions", "answers", "combinedAnswer", "refusalReason", "signatory", "fraktion", "channel", "internalDeadline", "newAnswerDate", "interimReply"];

    private JsonObject Fields => View.Paper.Fields ?? [];

    public string? Text(string name) => Fields[name] is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;

    public IReadOnlyList<string> List(string name) =>
        Fields[name] is JsonArray items ? [.. items.Select(i => i?.GetValue<string>()).OfType<string>()] : [];

    /// <summary>Letter date: the day it was signed, else today's draft shows the paper date.</summary>
    public string Date => Format.Date(View.Paper.SignedDate ?? View.Paper.Date);

    public string Salutation => View.Paper.Originator.StartsWith("Frau ", StringComparison.Ordinal)
        ? $"Sehr geehrte {Surname(View.Paper.Originator)},"
        : View.Paper.Originator.StartsWith("Herr", StringComparison.Ordinal) ? $"Sehr geehrter {Surname(View.Paper.Originator)}," : "Sehr geehrte Damen und Herren,";

    /// <summary>"Frau Kreisrätin Ulrike Kahl" → "Frau Kreisrätin Kahl" (the form of address in seed 003).</summary>
    private static string Surname(string addressee)
    {
        var words = addressee.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= 3 ? addressee : string.Join(' ', words.Take(2).Append(words[^1]));
    }

    /// <summary>Who signed: the signatory field, else the user who took the sign action (if the caller may see it).</summary>
    public string? Signatory => Text("signatory") ?? (View.Paper.SignedDate is not null ? View.Signing?.ActorName : null);

    /// <summary>The type's other fields, with a value, in descriptor order.</summary>
    public IEnumerable<(string Label, string Value)> OtherFields => Type.Fields.Where(f => !f.IsCore && !Laid.Contains(f.Name))
        .Select(f => (f.Label, Value: f.Kind == PaperFieldKinds.List ? string.Join("; ", List(f.Name)) : Choice(f, Text(f.Name))))
        .Where(x => !string.IsNullOrEmpty(x.Value))!;

    private static string? Choice(PaperFieldDescriptor field, string? value) =>
        value is not null && field.Options?.TryGetValue(value, out var label) == true ? label : value;
}

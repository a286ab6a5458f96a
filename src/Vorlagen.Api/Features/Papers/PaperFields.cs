using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FluentValidation;
using FluentValidation.Results;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.PaperTypes;

namespace Vorlagen.Api.Features.Papers;

/// <summary>
/// The fields of a paper as its type describes them: which type a request names, which core fields it has and needs,
/// and the type's own fields (stored as JSON in <c>papers.fields</c>) checked by kind. Every problem is a 400 naming
/// the field; nothing is written.
/// </summary>
public static class PaperFields
{
    private const int ListItems = 100;

    public static PaperTypeDescriptor ResolveType(PaperTypeCatalog types, string? paperType) =>
        FindType(types, paperType) ?? throw Invalid("paperType", UnknownType(types, paperType));

    public static PaperTypeDescriptor? FindType(PaperTypeCatalog types, string? paperType) =>
        paperType is null ? types.Default : types.Find(paperType.Trim());

    public static string UnknownType(PaperTypeCatalog types, string? paperType) =>
        $"Unbekannte Vorlagenart „{paperType}“. Möglich: {string.Join(", ", types.All.Select(t => $"{t.Code} ({t.Label})"))}.";

    /// <summary>A drafted paper: the core fields the type needs, none it lacks, and its own fields.</summary>
    public static void CheckDraft(PaperTypeDescriptor type, PaperInput input)
    {
        var failures = DraftFailures(type, input);
        if (failures.Count > 0) throw new ValidationException(failures);
    }

    public static List<ValidationFailure> DraftFailures(PaperTypeDescriptor type, PaperInput input)
    {
        var failures = new List<ValidationFailure>();
        void Core(string name, bool given)
        {
            var field = type.Field(name);
            if (field is null && given) failures.Add(new(name, $"Eine {type.Label} hat kein Feld „{Label(name)}“."));
            else if (field is { Required: true } && !given) failures.Add(new(name, $"Bitte geben Sie „{field.Label}“ an."));
        }
        Core("proposal", TextRules.HasContent(input.Proposal));
        Core("reasoning", TextRules.HasContent(input.Reasoning));
        Core("legalBasis", TextRules.HasContent(input.LegalBasis));
        Core("consultedWith", TextRules.HasContent(input.ConsultedWith));
        Core("financialImpact", input.FinancialImpact is not null);
        Core("effectiveDate", input.EffectiveDate is not null);
        var draftable = type.DraftFields.Where(f => !f.IsCore).ToList();
        failures.AddRange(CheckOwn(type, input.Fields, draftable, "fields"));
        foreach (var field in draftable.Where(f => f.Required && !IsGiven(input.Fields?[f.Name])))
            failures.Add(new($"fields.{field.Name}", $"Bitte geben Sie „{field.Label}“ an."));
        return failures;
    }

    /// <summary>An action's comment and fields as the type's action describes them.</summary>
    public static void CheckAction(PaperTypeDescriptor type, string action, string? comment, JsonObject? fields)
    {
        var described = type.Action(action);
        var failures = new List<ValidationFailure>();
        if (described?.CommentRequired is { } message && !TextRules.HasContent(comment)) failures.Add(new("comment", message));
        var own = (described?.Fields ?? []).Select(type.Field).OfType<PaperFieldDescriptor>().ToList();
        failures.AddRange(CheckOwn(type, fields, own, "fields"));
        foreach (var name in described?.Required ?? [])
            if (!IsGiven(fields?[name])) failures.Add(new($"fields.{name}", $"Bitte geben Sie „{type.Field(name)!.Label}“ an."));
        foreach (var group in described?.RequiredOneOf ?? [])
            if (!group.Any(name => IsGiven(fields?[name])))
                failures.Add(new($"fields.{group[0]}", $"Bitte geben Sie {string.Join(" oder ", group.Select(n => $"„{type.Field(n)!.Label}“"))} an."));
        if (failures.Count > 0) throw new ValidationException(failures);
    }

    /// <summary>The stored fields with <paramref name="changes"/> applied (null values remove a field).</summary>
    public static string? Merge(string? stored, JsonObject? changes)
    {
        var merged = Parse(stored) ?? [];
        foreach (var (name, value) in changes ?? [])
        {
            if (value is null) merged.Remove(name);
            else merged[name] = value.DeepClone();
        }
        return merged.Count == 0 ? null : merged.ToJsonString(JsonSerializerOptions.Web);
    }

    public static JsonObject? Parse(string? stored) => stored is null ? null : JsonNode.Parse(stored) as JsonObject;

    /// <summary>A date field of the stored fields (or the paper date for <c>date</c>).</summary>
    public static DateOnly? DateOf(PaperRow paper, string name) =>
        name == "date" ? PaperReader.Date(paper.PaperDate)
        : Parse(paper.Fields)?[name] is JsonValue v && v.TryGetValue<string>(out var text) && TryDate(text, out var date) ? date : null;

    private static IEnumerable<ValidationFailure> CheckOwn(PaperTypeDescriptor type, JsonObject? fields, IReadOnlyList<PaperFieldDescriptor> allowed, string prefix)
    {
        foreach (var (name, value) in fields ?? [])
        {
            var path = $"{prefix}.{name}";
            var field = allowed.FirstOrDefault(f => f.Name == name);
            if (field is null)
            {
                yield return new(path, type.Field(name) is { } known
                    ? $"„{known.Label}“ wird hier nicht erfasst."
                    : $"Eine {type.Label} hat kein Feld „{name}“. Felder: {string.Join(", ", allowed.Select(f => f.Name))}.");
                continue;
            }
            if (value is null) continue;
            if (CheckValue(field, value) is { } problem) yield return new(path, $"{field.Label}: {problem}");
        }
    }

    private static string? CheckValue(PaperFieldDescriptor field, JsonNode value)
    {
        string? Text(JsonNode node, bool multiLine, int max) =>
            node is not JsonValue v || !v.TryGetValue<string>(out var text) ? "Bitte geben Sie einen Text an."
            : TextRules.HasControlCharacters(text, multiLine) ? "Der Text enthält Steuer- oder unsichtbare Zeichen."
            : text.Length > max ? $"Höchstens {max.ToString("N0", CultureInfo.GetCultureInfo("de-DE"))} Zeichen."
            : null;
        switch (field.Kind)
        {
            case PaperFieldKinds.Text: return Text(value, false, field.MaxLength ?? 500);
            case PaperFieldKinds.LongText: return Text(value, true, field.MaxLength ?? 200_000);
            case PaperFieldKinds.Date:
                return value is JsonValue d && d.TryGetValue<string>(out var s) && TryDate(s, out var date) && date.Year is >= 1990 and <= 2100
                    ? null : "Bitte geben Sie ein Datum im Format JJJJ-MM-TT an.";
            case PaperFieldKinds.Choice:
                return value is JsonValue c && c.TryGetValue<string>(out var code) && field.Options!.ContainsKey(code)
                    ? null : $"Erlaubt: {string.Join(", ", field.Options!.Select(o => $"{o.Key} ({o.Value})"))}.";
            case PaperFieldKinds.Paper:
                return value is JsonValue p && p.TryGetValue<long>(out var id) && id > 0 ? null : "Bitte geben Sie die Nummer (id) einer Vorlage an.";
            case PaperFieldKinds.List:
                if (value is not JsonArray items) return "Bitte geben Sie eine Liste von Texten an.";
                if (items.Count > ListItems) return $"Höchstens {ListItems} Einträge.";
                return items.Select(item => item is null || item is JsonValue v && v.TryGetValue<string>(out var t) && !TextRules.HasContent(t)
                    ? "Ein Eintrag ist leer." : Text(item, true, field.MaxLength ?? 20_000)).FirstOrDefault(problem => problem is not null);
            default: return "Dieses Feld wird hier nicht erfasst.";
        }
    }

    private static bool IsGiven(JsonNode? value) => value switch
    {
        null => false,
        JsonArray array => array.Count > 0,
        JsonValue v when v.TryGetValue<string>(out var text) => TextRules.HasContent(text),
        _ => true,
    };

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static string Label(string core) => core switch
    {
        "proposal" => "Beschlussvorschlag",
        "reasoning" => "Begründung",
        "legalBasis" => "Rechtliche Grundlage",
        "consultedWith" => "Vorlage beraten mit",
        "financialImpact" => "Finanzielle Auswirkungen",
        "effectiveDate" => "Inkrafttreten",
        _ => core,
    };

    private static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}

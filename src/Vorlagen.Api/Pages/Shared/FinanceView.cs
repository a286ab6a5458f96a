using System.Text.Json;
using System.Text.Json.Nodes;
using Vorlagen.Api.Features.Bodies;

namespace Vorlagen.Api.Pages.Shared;

/// <summary>
/// A paper's "Finanzielle Auswirkungen" laid out by its body's finance block: numbered lines with groups
/// ("4. Finanzierung" with its fields) as in seed 004, or plain labelled lines as in seed 001. Values stored
/// under keys the block does not (or no longer) name still show, under "Weitere Angaben".
/// </summary>
public sealed record FinanceView(FinanceBlock Block, JsonObject? Values)
{
    public sealed record Line(string Number, string? Group, IReadOnlyList<FinanceField> Fields);

    public static IReadOnlyList<Line> Lines(FinanceBlock block, bool print = false)
    {
        var lines = new List<Line>();
        var number = 0;
        foreach (var field in block.Fields.Where(f => !print || f.Print))
        {
            if (field.Group is not null && lines.Count > 0 && lines[^1].Group == field.Group)
            {
                lines[^1] = lines[^1] with { Fields = [.. lines[^1].Fields, field] };
                continue;
            }
            var numbered = block.Numbered && field.Print && field.Kind != FinanceField.LongText;
            lines.Add(new Line(numbered ? $"{++number}. " : "", field.Group, [field]));
        }
        return lines;
    }

    public IReadOnlyList<Line> PrintedLines => Lines(Block, print: true);

    /// <summary>Stored values the block has no field for, with the label of the Kyffhäuser form where it knows the key.</summary>
    public IEnumerable<(string Label, string Value)> Others =>
        (Values ?? []).Where(v => Block.Find(v.Key) is null && v.Value is not null && Text(FinanceBlock.Default.Find(v.Key), v.Value) is not ("–" or "nein"))
            .Select(v => (FinanceBlock.Default.Find(v.Key)?.Label ?? v.Key, Text(FinanceBlock.Default.Find(v.Key), v.Value)));

    public string Value(FinanceField field) => Text(field, Values?[field.Key]);

    /// <summary>"Abstimmung mit Kreiskämmerei nicht erforderlich" typed in full is printed once, not after its label again.</summary>
    public bool RepeatsLabel(FinanceField field) =>
        Values?[field.Key] is JsonValue v && v.GetValueKind() == JsonValueKind.String
        && v.GetValue<string>().StartsWith(field.Label.Split(' ')[0], StringComparison.OrdinalIgnoreCase);

    private static string Text(FinanceField? field, JsonNode? node)
    {
        if (node is not JsonValue value) return field?.Kind == FinanceField.YesNo ? "nein" : "–";
        return value.GetValueKind() switch
        {
            JsonValueKind.True => "ja",
            JsonValueKind.False => "nein",
            JsonValueKind.Number when field?.Kind is FinanceField.Year => value.ToJsonString(),
            JsonValueKind.Number when value.TryGetValue<decimal>(out var amount) => Format.Money(amount),
            JsonValueKind.String => value.GetValue<string>() is { Length: > 0 } s ? s : "–",
            _ => "–",
        };
    }
}

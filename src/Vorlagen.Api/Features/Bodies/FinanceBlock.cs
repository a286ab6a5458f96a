using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vorlagen.Api.Features.Bodies;

/// <summary>
/// A body's "Finanzielle Auswirkungen" block as data (column <c>bodies.finance_fields</c>, from the seed file's
/// <c>finance</c>): the heading it prints under, whether its lines are numbered, and its fields. Without a
/// configuration a body gets the Thüringen form of seed 004; the Erzgebirgskreis configures the one line of seed 001.
/// </summary>
public sealed record FinanceBlock(string? Heading, bool Numbered, IReadOnlyList<FinanceField> Fields)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>"Finanzielle Auswirkungen" of the Kyffhäuserkreis Beschlussvorlagen (seed 004); the keys are those papers have always stored.</summary>
    public static FinanceBlock Default { get; } = new("Finanzielle Auswirkungen", true,
    [
        new("hasImpact", "Die Vorlage hat finanzielle Auswirkungen", FinanceField.YesNo, Print: false),
        new("treasuryCoordination", "Abstimmung mit Kreiskämmerei", FinanceField.Text),
        new("totalCost", "Gesamtkosten der Maßnahme (Beschaffungs-/Herstellungskosten)", FinanceField.Money),
        new("income", "Einnahmen", FinanceField.Money),
        new("ownShare", "Eigenanteil (Eigen- und Fremdmittel)", FinanceField.Money, "Finanzierung"),
        new("objectRelatedIncome", "Objektbezogene Einnahmen (Zuschüsse/Beiträge)", FinanceField.Money, "Finanzierung"),
        new("budgetYear", "HH-Jahr", FinanceField.Year, "Veranschlagung"),
        new("overPlannedExpenditure", "Überplanmäßige Ausgabe", FinanceField.YesNo, "Veranschlagung"),
        new("unplannedExpenditure", "Außerplanmäßige Ausgabe", FinanceField.YesNo, "Veranschlagung"),
        new("budgetLine", "HH-Stelle", FinanceField.Text, "Veranschlagung"),
        new("treasuryStatement", "Stellungnahme der Kreiskämmerei", FinanceField.LongText),
    ]);

    public FinanceField? Find(string key) => Fields.FirstOrDefault(f => f.Key == key);

    /// <summary>The stored configuration, or <see cref="Default"/>; a broken one stops with a message naming the body.</summary>
    public static FinanceBlock Parse(string? json, string bodyName)
    {
        if (string.IsNullOrWhiteSpace(json)) return Default;
        var block = JsonSerializer.Deserialize<FinanceBlock>(json, Json);
        if (block?.Fields is not { Count: > 0 } || block.Fields.Any(f => string.IsNullOrWhiteSpace(f.Key) || string.IsNullOrWhiteSpace(f.Label) || !FinanceField.Kinds.Contains(f.Kind))
            || block.Fields.Select(f => f.Key).Distinct().Count() != block.Fields.Count)
            throw new InvalidOperationException($"The finance block of body '{bodyName}' is invalid: every field needs a unique key, a label and a kind ({string.Join(", ", FinanceField.Kinds)}).");
        return block;
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

/// <param name="Kind">money (euro, two decimals), text (one line), longtext (paragraphs), yesno, year.</param>
/// <param name="Group">fields of one group print together under this line (e.g. "Finanzierung").</param>
/// <param name="Print">false for a field that only steers the form (e.g. "hat finanzielle Auswirkungen").</param>
public sealed record FinanceField(string Key, string Label, string Kind, string? Group = null, bool Print = true)
{
    public const string Money = "money";
    public const string Text = "text";
    public const string LongText = "longtext";
    public const string YesNo = "yesno";
    public const string Year = "year";

    [JsonIgnore]
    public static IReadOnlyList<string> Kinds { get; } = [Money, Text, LongText, YesNo, Year];
}

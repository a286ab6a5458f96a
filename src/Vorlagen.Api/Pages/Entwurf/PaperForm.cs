using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Vorlagen.Api.Features.Bodies;
using Vorlagen.Api.Features.Papers;
using Vorlagen.Api.Infrastructure.PaperTypes;
using Vorlagen.Api.Pages.Shared;
using Vorlagen.Domain.Voting;

namespace Vorlagen.Api.Pages.Entwurf;

/// <summary>
/// The drafting form: every field of <see cref="PaperInput"/> as the browser sends it (dates and
/// amounts as text, parsed with German messages), and the Beratungsfolge as numbered rows.
/// </summary>
public sealed class PaperForm
{
    public const int EmptyRows = 3;

    public string? Reference { get; set; }
    public string? Title { get; set; }
    public string? Date { get; set; }
    public string? Originator { get; set; }
    public string? LegalBasis { get; set; }
    public string? ConsultedWith { get; set; }
    public string? Proposal { get; set; }
    public string? Reasoning { get; set; }
    public string? EffectiveDate { get; set; }
    public bool Public { get; set; } = true;
    /// <summary>The paper type's code (<c>workflows/types</c>); the form shows the fields that type has.</summary>
    public string? PaperType { get; set; }
    /// <summary>The type's own fields as typed (<see cref="TypeFields"/>).</summary>
    public Dictionary<string, string?> Fields { get; set; } = [];
    /// <summary>The body's finance fields by key, as typed (amounts the German way, checkboxes "true").</summary>
    public Dictionary<string, string?> Finance { get; set; } = [];
    /// <summary>Identifies this drafting form: sent twice (back button, double click), it creates one draft.</summary>
    public string? Token { get; set; }
    public List<ConsultationRow> Consultations { get; set; } = [];
    public int? Version { get; set; }

    public sealed class ConsultationRow
    {
        public string? Position { get; set; }
        public long? OrganizationId { get; set; }
        public string? Role { get; set; } = ConsultationRoles.Vorberatend;
        public bool Public { get; set; } = true;
        public string? PlannedDate { get; set; }

        public bool IsEmpty => OrganizationId is null;
    }

    public static PaperForm FromTemplate(BodyDto body, DateOnly today, PaperTypeDescriptor type) => new PaperForm
    {
        Date = Format.Iso(today), Token = Guid.NewGuid().ToString("N"), PaperType = type.Code,
        Consultations = type.Beratungsfolge == BeratungsfolgeRules.None ? [] : [.. (body.ConsultationTemplates ?? []).Where(t => t.PaperType == type.TemplateKey)
            .OrderBy(t => t.Position).Select(t => new ConsultationRow { OrganizationId = t.OrganizationId, Role = t.Role, Public = t.Public })],
    }.WithEmptyRows();

    public static PaperForm FromPaper(PaperDto paper, FinanceBlock block) => new PaperForm
    {
        Reference = paper.Reference, Title = paper.Title, Date = Format.Iso(paper.Date), Originator = paper.Originator, LegalBasis = paper.LegalBasis,
        ConsultedWith = paper.ConsultedWith, Proposal = paper.Proposal, Reasoning = paper.Reasoning, EffectiveDate = Format.Iso(paper.EffectiveDate),
        Public = paper.Public, Version = paper.Version, PaperType = paper.PaperType, Fields = TypeFields.Values(paper.Fields),
        Finance = FinanceValues(paper.FinancialImpact, block),
        Consultations = [.. paper.Consultations.Select(c => new ConsultationRow
            { OrganizationId = c.OrganizationId, Role = c.Role, Public = c.Public, PlannedDate = Format.Iso(c.PlannedDate) })],
    }.WithEmptyRows();

    /// <summary>Rows in the order the position numbers give (ties and blanks keep their place), numbered 1…n, plus empty rows.</summary>
    public PaperForm Arranged()
    {
        Consultations = [.. Ordered().Select(x => x.Row)];
        return WithEmptyRows();
    }

    public PaperForm WithEmptyRows(int atLeast = EmptyRows)
    {
        Consultations = [.. Consultations.Where(r => !r.IsEmpty)];
        for (var i = 0; i < atLeast; i++) Consultations.Add(new ConsultationRow { Public = Public });
        for (var i = 0; i < Consultations.Count; i++) Consultations[i].Position = (i + 1).ToString();
        return this;
    }

    /// <summary>
    /// The form as the commands take it; values that could not be read are null and have their error in
    /// <paramref name="modelState"/>. <paramref name="rowOfStep"/> maps the Beratungsfolge index the handler
    /// reports errors at back to the form row.
    /// </summary>
    public PaperInput ToInput(ModelStateDictionary modelState, string prefix, FinanceBlock block, PaperTypeDescriptor type, out int[] rowOfStep)
    {
        var steps = Ordered().ToList();
        rowOfStep = [.. steps.Select(s => s.Index)];
        // A non-public paper is discussed in non-public sessions only (the command's rule): its rows follow it rather than fail.
        var consultations = steps.Select(s => new ConsultationInput(s.Row.OrganizationId!.Value, s.Row.Role, s.Row.Public && Public,
            FormValues.Date(s.Row.PlannedDate, modelState, $"{prefix}.Consultations[{s.Index}].PlannedDate", $"Termin in Zeile {s.Index + 1}"))).ToList();
        var finance = type.Has("financialImpact") ? FinanceInput(block, modelState, prefix) : null;
        var input = new PaperInput(type.Code, Title, FormValues.Date(Date, modelState, $"{prefix}.Date", "Datum"),
            Originator, FormValues.Text(LegalBasis), FormValues.Text(ConsultedWith), Proposal, Reasoning, finance,
            FormValues.Date(EffectiveDate, modelState, $"{prefix}.EffectiveDate", "Inkrafttreten"), Public,
            consultations.Count == 0 ? null : consultations, TypeFields.Read(type.DraftFields.Where(f => !f.IsCore), Fields));
        return input.Cleaned();
    }

    private JsonObject? FinanceInput(FinanceBlock block, ModelStateDictionary modelState, string prefix)
    {
        var values = new JsonObject();
        foreach (var field in block.Fields)
        {
            var text = Finance.GetValueOrDefault(field.Key);
            var key = $"{prefix}.Finance[{field.Key}]";
            JsonNode? value = field.Kind switch
            {
                FinanceField.Money => FormValues.Money(text, modelState, key, field.Label) is { } amount ? JsonValue.Create(amount) : null,
                FinanceField.Year => FormValues.Integer(text, modelState, key, field.Label) is { } year ? JsonValue.Create(year) : null,
                FinanceField.YesNo => text is "true" or "on" ? JsonValue.Create(true) : null,
                _ => FormValues.Text(text) is { } t ? JsonValue.Create(t) : null,
            };
            if (value is not null) values[field.Key] = value;
        }
        return values.Count == 0 ? null : values;
    }

    /// <summary>Stored values as the form shows them again: amounts "250.000,00", checkboxes "true".</summary>
    private static Dictionary<string, string?> FinanceValues(JsonObject? stored, FinanceBlock block)
    {
        var values = new Dictionary<string, string?>();
        foreach (var field in block.Fields)
        {
            if (stored?[field.Key] is not JsonValue value) continue;
            var kind = value.GetValueKind();
            values[field.Key] = field.Kind switch
            {
                FinanceField.YesNo => kind == System.Text.Json.JsonValueKind.True ? "true" : null,
                FinanceField.Money when value.TryGetValue<decimal>(out var amount) => Infrastructure.GermanAmounts.Format(amount),
                FinanceField.Year when value.TryGetValue<int>(out var year) => year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => kind == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString(),
            };
        }
        return values;
    }

    private IEnumerable<(ConsultationRow Row, int Index)> Ordered() => Consultations
        .Select((row, index) => (Row: row, Index: index))
        .Where(x => !x.Row.IsEmpty)
        .OrderBy(x => int.TryParse(x.Row.Position, out var p) ? p : x.Index + 1)
        .ThenBy(x => x.Index);
}

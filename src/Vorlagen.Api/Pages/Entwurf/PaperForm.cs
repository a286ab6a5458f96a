using Microsoft.AspNetCore.Mvc.ModelBinding;
using Vorlagen.Api.Features.Bodies;
using Vorlagen.Api.Features.Papers;
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
    public FinancialForm FinancialImpact { get; set; } = new();
    public List<ConsultationRow> Consultations { get; set; } = [];
    public int? Version { get; set; }

    public sealed class FinancialForm
    {
        public bool HasImpact { get; set; }
        public string? TreasuryCoordination { get; set; }
        public string? TotalCost { get; set; }
        public string? Income { get; set; }
        public string? OwnShare { get; set; }
        public string? ObjectRelatedIncome { get; set; }
        public string? BudgetYear { get; set; }
        public string? BudgetLine { get; set; }
        public bool OverPlannedExpenditure { get; set; }
        public bool UnplannedExpenditure { get; set; }
        public string? TreasuryStatement { get; set; }

        public bool IsEmpty => !HasImpact && !OverPlannedExpenditure && !UnplannedExpenditure && new[]
            { TreasuryCoordination, TotalCost, Income, OwnShare, ObjectRelatedIncome, BudgetYear, BudgetLine, TreasuryStatement }.All(string.IsNullOrWhiteSpace);
    }

    public sealed class ConsultationRow
    {
        public string? Position { get; set; }
        public long? OrganizationId { get; set; }
        public string? Role { get; set; } = ConsultationRoles.Vorberatend;
        public bool Public { get; set; } = true;
        public string? PlannedDate { get; set; }

        public bool IsEmpty => OrganizationId is null;
    }

    public static PaperForm FromTemplate(BodyDto body, DateOnly today, string templateKey) => new PaperForm
    {
        Date = Format.Iso(today),
        Consultations = [.. (body.ConsultationTemplates ?? []).Where(t => t.PaperType == templateKey)
            .OrderBy(t => t.Position).Select(t => new ConsultationRow { OrganizationId = t.OrganizationId, Role = t.Role, Public = t.Public })],
    }.WithEmptyRows();

    public static PaperForm FromPaper(PaperDto paper) => new PaperForm
    {
        Reference = paper.Reference, Title = paper.Title, Date = Format.Iso(paper.Date), Originator = paper.Originator, LegalBasis = paper.LegalBasis,
        ConsultedWith = paper.ConsultedWith, Proposal = paper.Proposal, Reasoning = paper.Reasoning, EffectiveDate = Format.Iso(paper.EffectiveDate),
        Public = paper.Public, Version = paper.Version,
        FinancialImpact = paper.FinancialImpact is { } f ? new FinancialForm
        {
            HasImpact = f.HasImpact, TreasuryCoordination = f.TreasuryCoordination, TotalCost = Format.MoneyInput(f.TotalCost),
            Income = Format.MoneyInput(f.Income), OwnShare = Format.MoneyInput(f.OwnShare), ObjectRelatedIncome = Format.MoneyInput(f.ObjectRelatedIncome),
            BudgetYear = f.BudgetYear?.ToString(), BudgetLine = f.BudgetLine, OverPlannedExpenditure = f.OverPlannedExpenditure,
            UnplannedExpenditure = f.UnplannedExpenditure, TreasuryStatement = f.TreasuryStatement,
        } : new FinancialForm(),
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
    /// The input for <see cref="CreatePaper"/>/<see cref="UpdatePaper"/>; null when a value could not be
    /// read (the messages are in <paramref name="modelState"/>). <paramref name="rowOfStep"/> maps
    /// the Beratungsfolge index the handler reports errors at back to the form row.
    /// </summary>
    /// <summary>The form as the commands take it; values that could not be read are null and have their error in <paramref name="modelState"/>.</summary>
    public PaperInput ToInput(ModelStateDictionary modelState, string prefix, out int[] rowOfStep)
    {
        var steps = Ordered().ToList();
        rowOfStep = [.. steps.Select(s => s.Index)];
        // A non-public paper is discussed in non-public sessions only (the command's rule): its rows follow it rather than fail.
        var consultations = steps.Select(s => new ConsultationInput(s.Row.OrganizationId!.Value, s.Row.Role, s.Row.Public && Public,
            FormValues.Date(s.Row.PlannedDate, modelState, $"{prefix}.Consultations[{s.Index}].PlannedDate", $"Termin in Zeile {s.Index + 1}"))).ToList();
        var f = FinancialImpact;
        var finance = f.IsEmpty ? null : new FinancialImpact(f.HasImpact, FormValues.Text(f.TreasuryCoordination),
            FormValues.Money(f.TotalCost, modelState, $"{prefix}.FinancialImpact.TotalCost", "Gesamtkosten"),
            FormValues.Money(f.Income, modelState, $"{prefix}.FinancialImpact.Income", "Einnahmen"),
            FormValues.Money(f.OwnShare, modelState, $"{prefix}.FinancialImpact.OwnShare", "Eigenanteil"),
            FormValues.Money(f.ObjectRelatedIncome, modelState, $"{prefix}.FinancialImpact.ObjectRelatedIncome", "Objektbezogene Einnahmen"),
            FormValues.Integer(f.BudgetYear, modelState, $"{prefix}.FinancialImpact.BudgetYear", "HH-Jahr"),
            FormValues.Text(f.BudgetLine), f.OverPlannedExpenditure, f.UnplannedExpenditure, FormValues.Text(f.TreasuryStatement));
        var input = new PaperInput(null, Title, FormValues.Date(Date, modelState, $"{prefix}.Date", "Datum"),
            Originator, FormValues.Text(LegalBasis), FormValues.Text(ConsultedWith), Proposal, Reasoning, finance,
            FormValues.Date(EffectiveDate, modelState, $"{prefix}.EffectiveDate", "Inkrafttreten"), Public,
            consultations.Count == 0 ? null : consultations);
        return input;
    }

    private IEnumerable<(ConsultationRow Row, int Index)> Ordered() => Consultations
        .Select((row, index) => (Row: row, Index: index))
        .Where(x => !x.Row.IsEmpty)
        .OrderBy(x => int.TryParse(x.Row.Position, out var p) ? p : x.Index + 1)
        .ThenBy(x => x.Index);
}

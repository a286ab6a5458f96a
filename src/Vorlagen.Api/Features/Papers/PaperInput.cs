using System.Text.Json.Nodes;
using FluentValidation;
using Vorlagen.Api.Infrastructure;

namespace Vorlagen.Api.Features.Papers;

/// <summary>The editable fields of a Vorlage, shared by create and update; <see cref="Fields"/> holds the fields its type adds.</summary>
public sealed record PaperInput(
    string? PaperType, string? Title, DateOnly? Date, string? Originator, string? LegalBasis, string? ConsultedWith,
    string? Proposal, string? Reasoning, FinancialImpact? FinancialImpact, DateOnly? EffectiveDate, bool? Public,
    IReadOnlyList<ConsultationInput>? Consultations, JsonObject? Fields = null);

/// <summary>A step of the Beratungsfolge as drafted.</summary>
public sealed record ConsultationInput(long OrganizationId, string? Role, bool? Public, DateOnly? PlannedDate);

public sealed class PaperInputValidator : AbstractValidator<PaperInput>
{
    public const int MaxConsultations = 20;

    public PaperInputValidator()
    {
        // Which types exist is data (workflows/types); the handler resolves the code.
        RuleFor(p => p.PaperType).MaximumLength(60).WithMessage("Die Vorlagenart darf höchstens 60 Zeichen lang sein.").SingleLineText("Die Vorlagenart");
        RuleFor(p => p.Title).RequiredText().WithMessage("Bitte geben Sie den Gegenstand (Betreff) der Vorlage an.")
            .MaximumLength(500).WithMessage("Der Gegenstand darf höchstens 500 Zeichen lang sein.").SingleLineText("Der Gegenstand");
        RuleFor(p => p.Originator).RequiredText().WithMessage("Bitte geben Sie den Einreicher an.")
            .MaximumLength(200).WithMessage("Der Einreicher darf höchstens 200 Zeichen lang sein.").SingleLineText("Der Einreicher");
        // Whether the type has and needs a Beschlussvorschlag and a Begründung is in its descriptor (PaperFields.CheckDraft).
        RuleFor(p => p.Proposal).MaximumLength(20_000).WithMessage("Der Beschlussvorschlag darf höchstens 20.000 Zeichen lang sein.").MultiLineText("Der Beschlussvorschlag");
        RuleFor(p => p.Reasoning).MaximumLength(200_000).WithMessage("Die Begründung darf höchstens 200.000 Zeichen lang sein.").MultiLineText("Die Begründung");
        RuleFor(p => p.Date).PlausibleDate();
        RuleFor(p => p.EffectiveDate).PlausibleDate();
        RuleFor(p => p.LegalBasis).MaximumLength(2_000).WithMessage("Die rechtliche Grundlage darf höchstens 2.000 Zeichen lang sein.")
            .MultiLineText("Die rechtliche Grundlage");
        RuleFor(p => p.ConsultedWith).MaximumLength(2_000).WithMessage("„Vorlage beraten mit“ darf höchstens 2.000 Zeichen lang sein.")
            .MultiLineText("„Vorlage beraten mit“");
        RuleFor(p => p.Consultations!.Count).LessThanOrEqualTo(MaxConsultations).When(p => p.Consultations is not null)
            .OverridePropertyName("consultations").WithMessage($"Eine Beratungsfolge hat höchstens {MaxConsultations} Beratungen.");
        RuleForEach(p => p.Consultations).NotNull().WithMessage("Eine Zeile der Beratungsfolge ist leer.");
        RuleForEach(p => p.Consultations).ChildRules(c =>
        {
            c.RuleFor(x => x.OrganizationId).GreaterThan(0).WithMessage("Bitte wählen Sie das Gremium.");
            c.RuleFor(x => x.PlannedDate).PlausibleDate();
            c.RuleFor(x => x.Role).Must(r => Domain.Voting.ConsultationRoles.Find(r) is not null)
                .WithMessage("Die Rolle muss vorberatend, beschliessend oder kenntnisnahme sein.");
        });
        RuleFor(p => p.FinancialImpact!).ChildRules(f =>
        {
            f.RuleFor(x => x.TotalCost).GreaterThanOrEqualTo(0).WithMessage("Die Gesamtkosten dürfen nicht negativ sein.");
            f.RuleFor(x => x.Income).GreaterThanOrEqualTo(0).WithMessage("Die Einnahmen dürfen nicht negativ sein.");
            f.RuleFor(x => x.OwnShare).GreaterThanOrEqualTo(0).WithMessage("Der Eigenanteil darf nicht negativ sein.");
            f.RuleFor(x => x.ObjectRelatedIncome).GreaterThanOrEqualTo(0).WithMessage("Die objektbezogenen Einnahmen dürfen nicht negativ sein.");
            f.RuleFor(x => x.BudgetYear).InclusiveBetween(1990, 2100).WithMessage("Das Haushaltsjahr muss zwischen 1990 und 2100 liegen.");
            f.RuleFor(x => x.BudgetLine).MaximumLength(100).WithMessage("Die Haushaltsstelle darf höchstens 100 Zeichen lang sein.")
                .SingleLineText("Die Haushaltsstelle");
            f.RuleFor(x => x.TreasuryCoordination).MaximumLength(500).WithMessage("Der Vermerk zur Kämmerei darf höchstens 500 Zeichen lang sein.")
                .SingleLineText("Der Vermerk zur Kämmerei");
            f.RuleFor(x => x.TreasuryStatement).MaximumLength(5_000).WithMessage("Die Stellungnahme der Kämmerei darf höchstens 5.000 Zeichen lang sein.")
                .MultiLineText("Die Stellungnahme der Kämmerei");
        }).When(p => p.FinancialImpact is not null);
    }
}

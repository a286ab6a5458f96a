using System.Text.Json.Nodes;
using FluentValidation;
using Vorlagen.Api.Infrastructure;

namespace Vorlagen.Api.Features.Papers;

/// <summary>The editable fields of a Vorlage, shared by create and update; <see cref="Fields"/> holds the fields its type adds.</summary>
public sealed record PaperInput(
    string? PaperType, string? Title, DateOnly? Date, string? Originator, string? LegalBasis, string? ConsultedWith,
    string? Proposal, string? Reasoning, JsonObject? FinancialImpact, DateOnly? EffectiveDate, bool? Public,
    IReadOnlyList<ConsultationInput>? Consultations, JsonObject? Fields = null);

public static class PaperInputCleaning
{
    /// <summary>The input with the harmless invisible characters of pasted text removed (<see cref="TextRules.Clean"/>).</summary>
    public static PaperInput Cleaned(this PaperInput p) => p with
    {
        PaperType = TextRules.Clean(p.PaperType), Title = TextRules.Clean(p.Title), Originator = TextRules.Clean(p.Originator),
        LegalBasis = TextRules.Clean(p.LegalBasis), ConsultedWith = TextRules.Clean(p.ConsultedWith), Proposal = TextRules.Clean(p.Proposal),
        Reasoning = TextRules.Clean(p.Reasoning),
    };
}

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
            .MaximumLength(500).WithMessage(p => $"Der Gegenstand darf höchstens 500 Zeichen lang sein; er hat {p.Title!.Length}. Bitte kürzen Sie ihn – längere Ausführungen gehören in die Begründung.").SingleLineText("Der Gegenstand");
        RuleFor(p => p.Originator).RequiredText().WithMessage("Bitte geben Sie den Einreicher an.")
            .MaximumLength(200).WithMessage(p => $"Der Einreicher darf höchstens 200 Zeichen lang sein; er hat {p.Originator!.Length}.").SingleLineText("Der Einreicher");
        // Whether the type has and needs a Beschlussvorschlag and a Begründung is in its descriptor (PaperFields.DraftFailures).
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
    }
}

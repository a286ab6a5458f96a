using FluentValidation;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Domain.Organizations;

namespace Vorlagen.Api.Features.Organizations;

/// <summary>Field rules shared by create and update, so both say the same thing.</summary>
public static class OrganizationFieldRules
{
    public static void ValidOrganizationFields<T>(this AbstractValidator<T> v,
        Func<T, string?> name, Func<T, string?> shortName, Func<T, string?> kind, Func<T, int> seats, Func<T, string?> majority)
    {
        v.RuleFor(x => name(x)).RequiredText().WithMessage("Bitte geben Sie den Namen des Gremiums an.")
            .MaximumLength(200).WithMessage("Der Name darf höchstens 200 Zeichen lang sein.")
            .SingleLineText("Der Name").OverridePropertyName("name");
        v.RuleFor(x => shortName(x)).RequiredText().WithMessage("Bitte geben Sie eine Kurzbezeichnung an.")
            .MaximumLength(100).WithMessage("Die Kurzbezeichnung darf höchstens 100 Zeichen lang sein.")
            .SingleLineText("Die Kurzbezeichnung").OverridePropertyName("shortName");
        v.RuleFor(x => kind(x)).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Bitte wählen Sie die Art des Gremiums.")
            .Must(k => OrganizationKinds.Find(k) is not null)
            .WithMessage($"Unbekannte Art des Gremiums. Erlaubt: {string.Join(", ", OrganizationKinds.All.Select(k => $"{k.Code} ({k.Label})"))}.")
            .OverridePropertyName("kind");
        v.RuleFor(x => seats(x)).InclusiveBetween(1, 1000)
            .WithMessage("Die Sitzzahl muss zwischen 1 und 1000 liegen (einschließlich stimmberechtigtem Vorsitz).").OverridePropertyName("seats");
        v.RuleFor(x => majority(x)).Must(m => m is null || MajorityRequirements.Find(m) is not null)
            .WithMessage($"Unbekanntes Mehrheitserfordernis. Erlaubt: {string.Join(", ", MajorityRequirements.All.Select(m => m.Code))}.").OverridePropertyName("defaultMajority");
    }
}

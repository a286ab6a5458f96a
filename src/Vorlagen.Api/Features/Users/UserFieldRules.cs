using FluentValidation;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.Users;

/// <summary>Rules for role grants and passwords, shared by create, update and password reset.</summary>
public static class UserFieldRules
{
    public const int MinPasswordLength = 12;

    public static void ValidDisplayName<T>(this AbstractValidator<T> v, Func<T, string?> displayName) =>
        v.RuleFor(x => displayName(x)).RequiredText().WithMessage("Bitte geben Sie den angezeigten Namen an.")
            .MaximumLength(200).WithMessage("Der Name darf höchstens 200 Zeichen lang sein.")
            .SingleLineText("Der Name").OverridePropertyName("displayName");

    /// <summary>The text rules of other single-line fields apply too: twenty NULs or twelve zero-width spaces are no password (only spaces count as empty).</summary>
    public static void ValidPassword<T>(this AbstractValidator<T> v, Func<T, string?> password) =>
        v.RuleFor(x => password(x)).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Bitte geben Sie ein Passwort an.")
            .MinimumLength(MinPasswordLength).WithMessage($"Das Passwort muss mindestens {MinPasswordLength} Zeichen lang sein.")
            .MaximumLength(200).WithMessage("Das Passwort darf höchstens 200 Zeichen lang sein.")
            .SingleLineText("Das Passwort").OverridePropertyName("password");

    /// <summary>The same rules for a password set by configuration (the bootstrap administrator); null when it is fine.</summary>
    public static string? PasswordProblem(string password) =>
        password.Length < MinPasswordLength ? $"must have at least {MinPasswordLength} characters"
        : TextRules.HasControlCharacters(password, multiLine: false) ? "must not contain control or invisible characters"
        : !TextRules.HasContent(password) ? "must contain visible characters"
        : null;

    public static void ValidRoles<T>(this AbstractValidator<T> v, Func<T, IReadOnlyList<RoleGrant>?> roles)
    {
        v.RuleFor(x => roles(x)).NotEmpty().WithMessage("Bitte wählen Sie mindestens eine Rolle.").OverridePropertyName("roles");
        v.RuleForEach(x => roles(x)).NotNull().WithMessage("Eine Rollenzeile ist leer.").OverridePropertyName("roles");
        v.RuleForEach(x => roles(x)).ChildRules(r =>
        {
            r.RuleFor(g => g.Role).Must(role => role is not null && Roles.All.Contains(role))
                .WithMessage($"Unbekannte Rolle. Erlaubt: {string.Join(", ", Roles.All)}.");
            r.RuleFor(g => g.OrganizationId).NotNull().When(g => g.Role is not null && Roles.IsScoped(g.Role))
                .WithMessage("Vorsitz und Mitgliedschaft gelten für ein Gremium: bitte das Gremium angeben.");
            r.RuleFor(g => g.OrganizationId).Null().When(g => g.Role is not null && !Roles.IsScoped(g.Role))
                .WithMessage("Nur Vorsitz und Mitgliedschaft gelten für ein Gremium.");
        }).OverridePropertyName("roles");
        v.RuleFor(x => roles(x)).Must(list => list is null || list.Distinct().Count() == list.Count).OverridePropertyName("roles")
            .WithMessage("Jede Rolle darf nur einmal vergeben werden.");
    }
}

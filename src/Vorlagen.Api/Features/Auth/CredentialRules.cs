using FluentValidation;

namespace Vorlagen.Api.Features.Auth;

/// <summary>The input rules both sign-ins (token and cookie) share.</summary>
public static class CredentialRules
{
    public static void ValidCredentials<T>(this AbstractValidator<T> validator, Func<T, string?> username, Func<T, string?> password)
    {
        validator.RuleFor(x => username(x)).NotEmpty().WithMessage("Bitte geben Sie den Benutzernamen an.")
            .MaximumLength(100).WithMessage("Der Benutzername darf höchstens 100 Zeichen lang sein.").OverridePropertyName("username");
        validator.RuleFor(x => password(x)).NotEmpty().WithMessage("Bitte geben Sie das Passwort an.")
            .MaximumLength(200).WithMessage("Das Passwort darf höchstens 200 Zeichen lang sein.").OverridePropertyName("password");
    }
}

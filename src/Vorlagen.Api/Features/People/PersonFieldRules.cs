using Dapper;
using FluentValidation;
using FluentValidation.Results;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;

namespace Vorlagen.Api.Features.People;

/// <summary>The fields of a person as sent by clients, and the rules shared by create, update and the CSV import.</summary>
public sealed record PersonInput(string? Title, string? GivenName, string? FamilyName, string? FormOfAddress, string? Gender,
    string? Phone, string? Email, string? OfficeAddress, string? Status, long? UserId);

public static class PersonFieldRules
{
    public static readonly IReadOnlyList<string> Genders = ["female", "male", "other"];

    public static void ValidPerson<T>(this AbstractValidator<T> v, Func<T, PersonInput> person)
    {
        v.RuleFor(x => person(x).FamilyName).RequiredText().WithMessage("Bitte geben Sie den Familiennamen an.")
            .MaximumLength(200).WithMessage("Der Familienname darf höchstens 200 Zeichen lang sein.").SingleLineText("Der Familienname")
            .OverridePropertyName("familyName");
        Optional(v, x => person(x).GivenName, 200, "Der Vorname", "givenName");
        Optional(v, x => person(x).Title, 100, "Der Titel", "title");
        Optional(v, x => person(x).FormOfAddress, 50, "Die Anrede", "formOfAddress");
        Optional(v, x => person(x).Phone, 100, "Die Telefonnummer", "phone");
        Optional(v, x => person(x).Email, 200, "Die E-Mail-Adresse", "email");
        Optional(v, x => person(x).OfficeAddress, 500, "Die Büroanschrift", "officeAddress");
        v.RuleFor(x => person(x).Email).Must(e => string.IsNullOrWhiteSpace(e) || (e.Contains('@') && !e.Any(char.IsWhiteSpace)))
            .WithMessage("Die E-Mail-Adresse ist ungültig (z. B. kreistag@landkreis.de).").OverridePropertyName("email");
        v.RuleFor(x => person(x).Gender).Must(g => string.IsNullOrEmpty(g) || Genders.Contains(g))
            .WithMessage("Das Geschlecht ist „female“, „male“ oder „other“ (oder leer).").OverridePropertyName("gender");
        v.RuleFor(x => person(x).Status).Must(s => s is null or "active" or "former")
            .WithMessage("Der Status ist „active“ (aktiv) oder „former“ (ausgeschieden).").OverridePropertyName("status");
    }

    private static void Optional<T>(AbstractValidator<T> v, Func<T, string?> field, int max, string subject, string name) =>
        v.RuleFor(x => field(x)).MaximumLength(max).WithMessage($"{subject} darf höchstens {max} Zeichen lang sein.")
            .SingleLineText(subject).OverridePropertyName(name);

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public const string UserOfBodySql = "SELECT COUNT(*) FROM users WHERE id = @UserId AND body_id = @BodyId";
    public const string UserLinkedSql = "SELECT COUNT(*) FROM persons WHERE user_id = @UserId AND id <> @ExceptId";

    /// <summary>A linked account must belong to the body and not be linked to another person already.</summary>
    public static async Task CheckUserLinkAsync(DbSession db, long bodyId, long? userId, long exceptId, CancellationToken cancellationToken)
    {
        if (userId is null) return;
        var connection = await db.ConnectionAsync(cancellationToken);
        if (await connection.ExecuteScalarAsync<int>(new CommandDefinition(UserOfBodySql, new { UserId = userId, BodyId = bodyId }, db.Transaction,
                cancellationToken: cancellationToken)) == 0)
            throw new ValidationException([new ValidationFailure("userId", "Dieses Benutzerkonto gibt es in dieser Körperschaft nicht.")]);
        if (await connection.ExecuteScalarAsync<int>(new CommandDefinition(UserLinkedSql, new { UserId = userId, ExceptId = exceptId }, db.Transaction,
                cancellationToken: cancellationToken)) > 0)
            throw new ConflictException("user_already_linked", "Dieses Benutzerkonto ist bereits mit einer anderen Person verknüpft.");
    }
}

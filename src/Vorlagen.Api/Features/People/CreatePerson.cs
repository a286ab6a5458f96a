using Dapper;
using FluentValidation;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.People;

/// <summary>An admin records a person of their body (a Kreisrat, sachkundige Einwohnerin, the Landrat, …).</summary>
public static class CreatePerson
{
    public sealed record Command(long BodyId, PersonInput Person) : ICommand<PersonDto>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.BodyId).GreaterThan(0).WithMessage("Bitte geben Sie die Körperschaft (bodyId) an.");
            this.ValidPerson(c => c.Person);
        }
    }

    public const string BodyExistsSql = "SELECT COUNT(*) FROM bodies WHERE id = @BodyId";
    public const string InsertSql =
        "INSERT INTO persons (body_id, title, given_name, family_name, form_of_address, gender, phone, email, office_address, status, user_id, " +
        "version, created_at, updated_at, updated_by) VALUES (@BodyId, @Title, @GivenName, @FamilyName, @FormOfAddress, @Gender, @Phone, @Email, " +
        "@OfficeAddress, @Status, @UserId, 1, @Now, @Now, @Actor) {{ReturnId}}";

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, PersonDto>
    {
        public async Task<PersonDto> Handle(Command command, CancellationToken cancellationToken)
        {
            PeopleAccess.RequireAdmin(caller, command.BodyId);
            var connection = await db.ConnectionAsync(cancellationToken);
            if (await connection.ExecuteScalarAsync<int>(new CommandDefinition(BodyExistsSql, command, db.Transaction, cancellationToken: cancellationToken)) == 0)
                throw new NotFoundException("Körperschaft", command.BodyId);
            var id = await InsertAsync(db, command.BodyId, command.Person, caller, clock, cancellationToken);
            return await PeopleSql.ReadPersonAsync(db, id, caller, BerlinTime.Today(clock), cancellationToken);
        }
    }

    /// <summary>Inserts a validated person and logs it; shared with the CSV import.</summary>
    public static async Task<long> InsertAsync(DbSession db, long bodyId, PersonInput p, Caller caller, TimeProvider clock, CancellationToken cancellationToken)
    {
        await PersonFieldRules.CheckUserLinkAsync(db, bodyId, p.UserId, 0, cancellationToken);
        var id = await db.Connection.ExecuteScalarAsync<long>(new CommandDefinition(db.Dialect.Render(InsertSql), new
        {
            BodyId = bodyId, Title = PersonFieldRules.Clean(p.Title), GivenName = PersonFieldRules.Clean(p.GivenName), FamilyName = p.FamilyName!.Trim(),
            FormOfAddress = PersonFieldRules.Clean(p.FormOfAddress), Gender = PersonFieldRules.Clean(p.Gender), Phone = PersonFieldRules.Clean(p.Phone),
            Email = PersonFieldRules.Clean(p.Email), OfficeAddress = PersonFieldRules.Clean(p.OfficeAddress), Status = p.Status ?? "active", p.UserId,
            Now = Instants.Format(clock.GetUtcNow()), Actor = caller.AuditName,
        }, db.Transaction, cancellationToken: cancellationToken));
        await PeopleSql.LogAsync(db, bodyId, "person", id, id, "created",
            $"Person angelegt: {PeopleSql.FullName(p.Title, p.GivenName, p.FamilyName!.Trim())}", caller, clock, cancellationToken);
        return id;
    }
}

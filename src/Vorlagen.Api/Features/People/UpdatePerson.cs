using Dapper;
using FluentValidation;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.People;

/// <summary>Changes a person (name parts, contact, status, user link); If-Match guards against lost updates.</summary>
public static class UpdatePerson
{
    public sealed record Command(long Id, int? ExpectedVersion, PersonInput Person) : ICommand<PersonDto>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => this.ValidPerson(c => c.Person);
    }

    public const string CurrentSql = "SELECT body_id AS BodyId, version AS Version, user_id AS UserId FROM persons WHERE id = @Id";
    public const string UpdateSql =
        "UPDATE persons SET title = @Title, given_name = @GivenName, family_name = @FamilyName, form_of_address = @FormOfAddress, gender = @Gender, " +
        "phone = @Phone, email = @Email, office_address = @OfficeAddress, status = @Status, user_id = @UserId, version = version + 1, " +
        "updated_at = @Now, updated_by = @Actor WHERE id = @Id AND version = @Version";

    private sealed record Current
    {
        public long BodyId { get; init; }
        public int Version { get; init; }
        public long? UserId { get; init; }
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, PersonDto>
    {
        public async Task<PersonDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var connection = await db.ConnectionAsync(cancellationToken);
            var current = await connection.QuerySingleOrDefaultAsync<Current>(new CommandDefinition(CurrentSql, new { command.Id }, db.Transaction,
                cancellationToken: cancellationToken)) ?? throw new NotFoundException("Person", command.Id);
            if (!caller.BelongsTo(current.BodyId)) throw new NotFoundException("Person", command.Id);
            PeopleAccess.RequireAdmin(caller, current.BodyId);
            IfMatch.Check(command.ExpectedVersion, current.Version);
            var p = command.Person;
            await PersonFieldRules.CheckUserLinkAsync(db, current.BodyId, p.UserId, command.Id, cancellationToken);
            var before = await PeopleSql.ReadPersonAsync(db, command.Id, caller, BerlinTime.Today(clock), cancellationToken);
            var changed = await connection.ExecuteAsync(new CommandDefinition(UpdateSql, new
            {
                command.Id, current.Version, Title = PersonFieldRules.Clean(p.Title), GivenName = PersonFieldRules.Clean(p.GivenName),
                FamilyName = p.FamilyName!.Trim(), FormOfAddress = PersonFieldRules.Clean(p.FormOfAddress), Gender = PersonFieldRules.Clean(p.Gender),
                Phone = PersonFieldRules.Clean(p.Phone), Email = PersonFieldRules.Clean(p.Email), OfficeAddress = PersonFieldRules.Clean(p.OfficeAddress),
                Status = p.Status ?? "active", p.UserId, Now = Instants.Format(clock.GetUtcNow()), Actor = caller.AuditName,
            }, db.Transaction, cancellationToken: cancellationToken));
            if (changed == 0) throw new PreconditionFailedException(current.Version + 1);
            var after = await PeopleSql.ReadPersonAsync(db, command.Id, caller, BerlinTime.Today(clock), cancellationToken);
            await PeopleSql.LogAsync(db, current.BodyId, "person", command.Id, command.Id, "updated", Describe(before, after), caller, clock, cancellationToken);
            return after;
        }

        private static string Describe(PersonDto before, PersonDto after)
        {
            var changes = new List<string>();
            void Compare(string label, string? a, string? b) { if ((a ?? "") != (b ?? "")) changes.Add($"{label}: „{a}“ → „{b}“"); }
            Compare("Name", before.Name, after.Name);
            Compare("Anrede", before.FormOfAddress, after.FormOfAddress);
            Compare("Geschlecht", before.Gender, after.Gender);
            Compare("Telefon", before.Phone, after.Phone);
            Compare("E-Mail", before.Email, after.Email);
            Compare("Büroanschrift", before.OfficeAddress, after.OfficeAddress);
            Compare("Status", before.StatusLabel, after.StatusLabel);
            Compare("Benutzerkonto", before.UserId?.ToString(), after.UserId?.ToString());
            return changes.Count == 0 ? "Person gespeichert (keine Änderung)" : "Person geändert: " + string.Join("; ", changes);
        }
    }
}

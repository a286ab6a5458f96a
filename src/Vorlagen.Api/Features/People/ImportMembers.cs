using System.Globalization;
using CsvHelper;
using Dapper;
using FluentValidation;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.People;

/// <summary>
/// Imports a member list: semicolon-separated "Name; Fraktion; Gremium; Rolle; von; bis" (header optional, dates dd.MM.yyyy
/// or yyyy-MM-dd). Unknown names become persons; a Fraktion adds a Fraktion membership. Every line is tried in one
/// transaction with the same rules as the API; a dry run (and a run with any problem) rolls everything back and lists
/// every problem by line, so the import is all or nothing.
/// </summary>
public static class ImportMembers
{
    public sealed record Command(long BodyId, string? Csv, bool DryRun) : ICommand<Report>;

    public sealed record Problem(int Line, string Field, string Message);

    public sealed record Report(bool DryRun, bool Written, int Lines, int PersonsCreated, int MembershipsCreated, IReadOnlyList<Problem> Problems);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Csv).NotEmpty().WithMessage("Die CSV-Datei ist leer.").MaximumLength(500_000)
                .WithMessage("Die CSV-Datei ist zu groß (höchstens 500 000 Zeichen).").OverridePropertyName("csv");
        }
    }

    public const string OrganizationsSql = "SELECT id AS Id, name AS Name, short_name AS ShortName, kind AS Kind FROM organizations WHERE body_id = @BodyId";
    public const string TermsSql = LegislativeTermDto.SelectColumnsSql + " WHERE t.body_id = @BodyId";
    public const string PersonsSql = "SELECT id AS Id, title AS Title, given_name AS GivenName, family_name AS FamilyName FROM persons WHERE body_id = @BodyId";
    public const string MembershipOfSql =
        "SELECT m.id FROM memberships m WHERE m.person_id = @PersonId AND m.organization_id = @OrganizationId AND m.legislative_term_id = @TermId";

    private sealed record Org { public long Id { get; init; } public string Name { get; init; } = ""; public string ShortName { get; init; } = ""; public string Kind { get; init; } = ""; }
    private sealed record Person { public long Id { get; init; } public string? Title { get; init; } public string? GivenName { get; init; } public string FamilyName { get; init; } = ""; }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, RuleProfiles profiles,
        IValidator<CreatePerson.Command> personRules, IValidator<CreateMembership.Command> membershipRules) : IRequestHandler<Command, Report>
    {
        public async Task<Report> Handle(Command command, CancellationToken cancellationToken)
        {
            PeopleAccess.RequireAdmin(caller, command.BodyId);
            var connection = db.Connection;
            var args = new { command.BodyId };
            var organizations = (await connection.QueryAsync<Org>(new CommandDefinition(OrganizationsSql, args, db.Transaction, cancellationToken: cancellationToken))).ToList();
            if (organizations.Count == 0) throw new NotFoundException("Körperschaft", command.BodyId);
            var terms = (await connection.QueryAsync<LegislativeTermDto>(new CommandDefinition(TermsSql, args, db.Transaction, cancellationToken: cancellationToken))).ToList();
            var persons = (await connection.QueryAsync<Person>(new CommandDefinition(PersonsSql, args, db.Transaction, cancellationToken: cancellationToken)))
                .ToDictionary(p => Key(PeopleSql.FullName(null, p.GivenName, p.FamilyName)), p => p.Id);
            var problems = new List<Problem>();
            int lines = 0, createdPersons = 0, createdMemberships = 0;

            using var csv = CsvReader.FromText(command.Csv!, new CsvReaderOptions { Separator = ';', HasHeader = false, TrackLineNumbers = true, TrimWhitespace = true });
            while (csv.Read())
            {
                var line = (int)csv.LineNumber;
                string Field(int i) => i < csv.FieldCount ? csv.GetString(i).Trim() : "";
                if (lines == 0 && Field(0).Equals("name", StringComparison.OrdinalIgnoreCase)) continue;
                lines++;
                var row = new ImportRow(Field(0), Field(1), Field(2), Field(3), Field(4), Field(5));
                var before = problems.Count;
                void Fail(string field, string message) => problems.Add(new Problem(line, field, message));
                var parsed = row.Parse(organizations.Select(o => (o.Id, o.Name, o.ShortName, o.Kind)).ToList(), terms, Fail);
                if (problems.Count > before || parsed is null) continue;
                try
                {
                    if (!persons.TryGetValue(Key(PeopleSql.FullName(null, parsed.Person.GivenName, parsed.Person.FamilyName!)), out var personId))
                    {
                        var check = await personRules.ValidateAsync(new CreatePerson.Command(command.BodyId, parsed.Person), cancellationToken);
                        if (!check.IsValid) { check.Errors.ForEach(e => Fail("name", e.ErrorMessage)); continue; }
                        personId = await CreatePerson.InsertAsync(db, command.BodyId, parsed.Person, caller, clock, cancellationToken);
                        persons[Key(PeopleSql.FullName(null, parsed.Person.GivenName, parsed.Person.FamilyName!))] = personId;
                        createdPersons++;
                    }
                    long? deputyFor = null;
                    if (parsed.DeputyForName is { } deputyName)
                    {
                        if (!persons.TryGetValue(Key(deputyName), out var deputyPerson)) { Fail("role", $"„{deputyName}“ ist keine bekannte Person; die vertretene Person muss vorher (oder weiter oben) stehen."); continue; }
                        deputyFor = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(MembershipOfSql,
                            new { PersonId = deputyPerson, OrganizationId = parsed.OrganizationId, TermId = parsed.TermId }, db.Transaction, cancellationToken: cancellationToken));
                        if (deputyFor is null) { Fail("role", $"„{deputyName}“ ist in diesem Gremium und dieser Wahlperiode kein Mitglied."); continue; }
                    }
                    var membership = new MembershipInput(personId, parsed.OrganizationId, parsed.TermId, parsed.Role, null, false, deputyFor, parsed.From, parsed.To);
                    var valid = await membershipRules.ValidateAsync(new CreateMembership.Command(membership), cancellationToken);
                    if (!valid.IsValid) { valid.Errors.ForEach(e => Fail(e.PropertyName, e.ErrorMessage)); continue; }
                    await CreateMembership.InsertAsync(db, profiles, membership, caller, clock, "imported", cancellationToken);
                    createdMemberships++;
                    if (parsed.FraktionId is { } fraktion && await connection.ExecuteScalarAsync<long?>(new CommandDefinition(MembershipOfSql,
                            new { PersonId = personId, OrganizationId = fraktion, TermId = parsed.TermId }, db.Transaction, cancellationToken: cancellationToken)) is null)
                    {
                        await CreateMembership.InsertAsync(db, profiles, membership with { OrganizationId = fraktion, Role = MembershipRoles.Mitglied, DeputyForId = null },
                            caller, clock, "imported", cancellationToken);
                        createdMemberships++;
                    }
                }
                catch (ValidationException e) { e.Errors.ToList().ForEach(f => Fail(f.PropertyName, f.ErrorMessage)); }
                catch (AppException e) when (e is not ForbiddenException) { Fail(e.Code, e.Message); }
            }
            if (lines == 0) problems.Add(new Problem(1, "csv", "Die Datei enthält keine Zeilen."));
            var write = !command.DryRun && problems.Count == 0;
            if (!write) await db.EndAsync(commit: false, CancellationToken.None);
            if (!command.DryRun && problems.Count > 0) throw new ImportFailedException(problems);
            return new Report(command.DryRun, write, lines, createdPersons, createdMemberships, problems);
        }

        private static string Key(string name) => name.Trim().ToLower(CultureInfo.GetCultureInfo("de-DE"));
    }
}

/// <summary>422: the import found problems and wrote nothing; <c>problems</c> lists them by line.</summary>
public sealed class ImportFailedException(IReadOnlyList<ImportMembers.Problem> problems)
    : AppException(422, "import_failed", "Import nicht möglich", $"Die Liste hat {problems.Count} Fehler; es wurde nichts gespeichert.")
{
    public override IReadOnlyDictionary<string, object?> Extensions => new Dictionary<string, object?> { ["problems"] = problems };
}

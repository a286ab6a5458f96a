using Dapper;
using FluentValidation;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.People;

/// <summary>Wahlperioden: public list and detail; admins of the body create and change them.</summary>
public static class LegislativeTerms
{
    public sealed record ListQuery(long? BodyId) : IRequest<IReadOnlyList<LegislativeTermDto>>;

    public sealed record GetQuery(long Id) : IRequest<LegislativeTermDto>;

    public sealed record Input(string? Name, DateOnly? StartDate, DateOnly? EndDate);

    public sealed record CreateCommand(long BodyId, Input Term) : ICommand<LegislativeTermDto>;

    public sealed record UpdateCommand(long Id, int? ExpectedVersion, Input Term) : ICommand<LegislativeTermDto>;

    public const string ListSql = LegislativeTermDto.SelectColumnsSql + " WHERE (@BodyId IS NULL OR t.body_id = @BodyId) ORDER BY t.body_id, t.start_date, t.id";
    public const string ByIdSql = LegislativeTermDto.SelectColumnsSql + " WHERE t.id = @Id";
    public const string NameTakenSql = "SELECT COUNT(*) FROM legislative_terms WHERE body_id = @BodyId AND name = @Name AND id <> @ExceptId";
    public const string OverlapSql =
        "SELECT COUNT(*) FROM legislative_terms WHERE body_id = @BodyId AND id <> @ExceptId AND start_date <= @EndDate AND end_date >= @StartDate";
    public const string MembershipsOutsideSql =
        "SELECT COUNT(*) FROM memberships WHERE legislative_term_id = @ExceptId AND (start_date < @StartDate OR start_date > @EndDate " +
        "OR (end_date IS NOT NULL AND end_date > @EndDate))";
    public const string BodyExistsSql = "SELECT COUNT(*) FROM bodies WHERE id = @BodyId";
    public const string InsertSql =
        "INSERT INTO legislative_terms (body_id, name, start_date, end_date, version, created_at, updated_at, updated_by) " +
        "VALUES (@BodyId, @Name, @StartDate, @EndDate, 1, @Now, @Now, @Actor) {{ReturnId}}";
    public const string UpdateSql =
        "UPDATE legislative_terms SET name = @Name, start_date = @StartDate, end_date = @EndDate, version = version + 1, updated_at = @Now, " +
        "updated_by = @Actor WHERE id = @Id AND version = @Version";

    private static void ValidTerm<T>(AbstractValidator<T> v, Func<T, Input> term)
    {
        v.RuleFor(x => term(x).Name).RequiredText().WithMessage("Bitte geben Sie den Namen der Wahlperiode an (z. B. „8. Wahlperiode (2024–2029)“).")
            .MaximumLength(200).WithMessage("Der Name darf höchstens 200 Zeichen lang sein.").SingleLineText("Der Name").OverridePropertyName("name");
        v.RuleFor(x => term(x).StartDate).NotNull().WithMessage("Bitte geben Sie den Beginn an.").OverridePropertyName("startDate");
        v.RuleFor(x => term(x).EndDate).NotNull().WithMessage("Bitte geben Sie das Ende an.").OverridePropertyName("endDate");
        v.RuleFor(x => term(x).EndDate).Must((x, end) => end is null || term(x).StartDate is null || end > term(x).StartDate)
            .WithMessage("Das Ende muss nach dem Beginn liegen.").OverridePropertyName("endDate");
    }

    public sealed class CreateValidator : AbstractValidator<CreateCommand>
    {
        public CreateValidator() => ValidTerm(this, c => c.Term);
    }

    public sealed class UpdateValidator : AbstractValidator<UpdateCommand>
    {
        public UpdateValidator() => ValidTerm(this, c => c.Term);
    }

    public sealed class ListHandler(DbSession db) : IRequestHandler<ListQuery, IReadOnlyList<LegislativeTermDto>>
    {
        public async Task<IReadOnlyList<LegislativeTermDto>> Handle(ListQuery query, CancellationToken cancellationToken) =>
            [.. await (await db.ConnectionAsync(cancellationToken)).QueryAsync<LegislativeTermDto>(new CommandDefinition(ListSql, query, db.Transaction,
                cancellationToken: cancellationToken))];
    }

    public sealed class GetHandler(DbSession db) : IRequestHandler<GetQuery, LegislativeTermDto>
    {
        public Task<LegislativeTermDto> Handle(GetQuery query, CancellationToken cancellationToken) => ReadAsync(db, query.Id, cancellationToken);
    }

    public static async Task<LegislativeTermDto> ReadAsync(DbSession db, long id, CancellationToken cancellationToken) =>
        await (await db.ConnectionAsync(cancellationToken)).QuerySingleOrDefaultAsync<LegislativeTermDto>(new CommandDefinition(ByIdSql, new { Id = id },
            db.Transaction, cancellationToken: cancellationToken)) ?? throw new NotFoundException("Wahlperiode", id);

    public sealed class CreateHandler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<CreateCommand, LegislativeTermDto>
    {
        public async Task<LegislativeTermDto> Handle(CreateCommand command, CancellationToken cancellationToken)
        {
            PeopleAccess.RequireAdmin(caller, command.BodyId);
            var connection = await db.ConnectionAsync(cancellationToken);
            if (await connection.ExecuteScalarAsync<int>(new CommandDefinition(BodyExistsSql, command, db.Transaction, cancellationToken: cancellationToken)) == 0)
                throw new NotFoundException("Körperschaft", command.BodyId);
            var args = await CheckAsync(db, command.BodyId, 0, command.Term, cancellationToken);
            var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(db.Dialect.Render(InsertSql), new
            {
                command.BodyId, args.Name, args.StartDate, args.EndDate, Now = Instants.Format(clock.GetUtcNow()), Actor = caller.AuditName,
            }, db.Transaction, cancellationToken: cancellationToken));
            await PeopleSql.LogAsync(db, command.BodyId, "legislative_term", id, null, "created",
                $"Wahlperiode angelegt: {args.Name} ({args.StartDate} bis {args.EndDate})", caller, clock, cancellationToken);
            return await ReadAsync(db, id, cancellationToken);
        }
    }

    public sealed class UpdateHandler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<UpdateCommand, LegislativeTermDto>
    {
        public async Task<LegislativeTermDto> Handle(UpdateCommand command, CancellationToken cancellationToken)
        {
            var current = await ReadAsync(db, command.Id, cancellationToken);
            PeopleAccess.RequireAdmin(caller, current.BodyId);
            IfMatch.Check(command.ExpectedVersion, current.Version);
            var args = await CheckAsync(db, current.BodyId, command.Id, command.Term, cancellationToken);
            if (await db.Connection.ExecuteScalarAsync<int>(new CommandDefinition(MembershipsOutsideSql, new { ExceptId = command.Id, args.StartDate, args.EndDate },
                    db.Transaction, cancellationToken: cancellationToken)) > 0)
                throw new ConflictException("memberships_outside_term", "Mitgliedschaften dieser Wahlperiode lägen dann außerhalb ihrer Dauer. Passen Sie zuerst diese an.");
            var changed = await db.Connection.ExecuteAsync(new CommandDefinition(UpdateSql, new
            {
                command.Id, current.Version, args.Name, args.StartDate, args.EndDate, Now = Instants.Format(clock.GetUtcNow()), Actor = caller.AuditName,
            }, db.Transaction, cancellationToken: cancellationToken));
            if (changed == 0) throw new PreconditionFailedException(current.Version + 1);
            await PeopleSql.LogAsync(db, current.BodyId, "legislative_term", command.Id, null, "updated",
                $"Wahlperiode geändert: {current.Name} ({current.StartDate} bis {current.EndDate}) → {args.Name} ({args.StartDate} bis {args.EndDate})",
                caller, clock, cancellationToken);
            return await ReadAsync(db, command.Id, cancellationToken);
        }
    }

    private sealed record Checked(string Name, string StartDate, string EndDate);

    /// <summary>Unique name per body; Wahlperioden of a body do not overlap.</summary>
    private static async Task<Checked> CheckAsync(DbSession db, long bodyId, long exceptId, Input term, CancellationToken cancellationToken)
    {
        var args = new Checked(term.Name!.Trim(), PeopleSql.Text(term.StartDate!.Value), PeopleSql.Text(term.EndDate!.Value));
        var connection = await db.ConnectionAsync(cancellationToken);
        var sqlArgs = new { BodyId = bodyId, args.Name, ExceptId = exceptId, args.StartDate, args.EndDate };
        if (await connection.ExecuteScalarAsync<int>(new CommandDefinition(NameTakenSql, sqlArgs, db.Transaction, cancellationToken: cancellationToken)) > 0)
            throw new ConflictException("term_name_taken", $"Eine Wahlperiode „{args.Name}“ gibt es in dieser Körperschaft bereits.");
        if (await connection.ExecuteScalarAsync<int>(new CommandDefinition(OverlapSql, sqlArgs, db.Transaction, cancellationToken: cancellationToken)) > 0)
            throw new ConflictException("term_overlaps", "Diese Wahlperiode überschneidet sich mit einer anderen Wahlperiode der Körperschaft.");
        return args;
    }
}

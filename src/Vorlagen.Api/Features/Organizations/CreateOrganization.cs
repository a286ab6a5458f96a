using Dapper;
using FluentValidation;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.Organizations;

public static class CreateOrganization
{
    public sealed record Command(long BodyId, string? Name, string? ShortName, string? Kind, int Seats, bool ChairVotes,
        string? DefaultMajority) : ICommand<OrganizationDto>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.BodyId).GreaterThan(0).WithMessage("Bitte geben Sie die Körperschaft (bodyId) an.");
            this.ValidOrganizationFields(c => c.Name, c => c.ShortName, c => c.Kind, c => c.Seats, c => c.DefaultMajority);
        }
    }

    public const string BodyExistsSql = "SELECT COUNT(*) FROM bodies WHERE id = @BodyId";
    public const string InsertSql =
        "INSERT INTO organizations (body_id, name, short_name, kind, seats, chair_votes, default_majority, active, version, created_at, updated_at, updated_by) " +
        "VALUES (@BodyId, @Name, @ShortName, @Kind, @Seats, @ChairVotes, @DefaultMajority, 1, 1, @Now, @Now, @Actor) {{ReturnId}}";

    public sealed class Handler(DbSession db, TimeProvider clock, MediatR.IMediator mediator, Caller caller) : MediatR.IRequestHandler<Command, OrganizationDto>
    {
        public async Task<OrganizationDto> Handle(Command command, CancellationToken cancellationToken)
        {
            OrganizationAccess.RequireAdmin(caller, command.BodyId);
            var connection = await db.ConnectionAsync(cancellationToken);
            if (await connection.ExecuteScalarAsync<int>(new CommandDefinition(BodyExistsSql, command, db.Transaction, cancellationToken: cancellationToken)) == 0)
                throw new NotFoundException("Körperschaft", command.BodyId);
            await OrganizationAccess.EnsureNameFreeAsync(db, command.BodyId, command.Name!.Trim(), exceptId: 0, cancellationToken);
            var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(db.Dialect.Render(InsertSql), new
            {
                command.BodyId, Name = command.Name!.Trim(), ShortName = command.ShortName!.Trim(), command.Kind, command.Seats,
                command.ChairVotes, DefaultMajority = command.DefaultMajority ?? "simple", Now = Instants.Format(clock.GetUtcNow()), Actor = caller.AuditName,
            }, db.Transaction, cancellationToken: cancellationToken));
            return await mediator.Send(new GetOrganization.Query(id), cancellationToken);
        }
    }
}

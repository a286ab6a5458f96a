using Dapper;
using FluentValidation;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;
using Vorlagen.Api.Features.People;
using Vorlagen.Domain.Organizations;

namespace Vorlagen.Api.Features.Organizations;

/// <summary>Changes a Gremium's settings; optimistic concurrency via If-Match and the version column.</summary>
public static class UpdateOrganization
{
    public sealed record Command(long Id, int? ExpectedVersion, string? Name, string? ShortName, string? Kind, int Seats,
        bool ChairVotes, string? DefaultMajority, bool Active) : ICommand<OrganizationDto>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => this.ValidOrganizationFields(c => c.Name, c => c.ShortName, c => c.Kind, c => c.Seats, c => c.DefaultMajority);
    }

    public const string UpdateSql =
        "UPDATE organizations SET name = @Name, short_name = @ShortName, kind = @Kind, seats = @Seats, chair_votes = @ChairVotes, " +
        "default_majority = @DefaultMajority, active = @Active, version = version + 1, updated_at = @Now, updated_by = @Actor WHERE id = @Id AND version = @Version";

    public sealed class Handler(DbSession db, TimeProvider clock, MediatR.IMediator mediator, Caller caller, PeopleReader people) : MediatR.IRequestHandler<Command, OrganizationDto>
    {
        public async Task<OrganizationDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var current = await mediator.Send(new GetOrganization.Query(command.Id), cancellationToken);
            OrganizationAccess.RequireAdmin(caller, current.BodyId);
            IfMatch.Check(command.ExpectedVersion, current.Version);
            var connection = db.Connection;
            var name = command.Name!.Trim();
            await OrganizationAccess.EnsureNameFreeAsync(db, current.BodyId, name, command.Id, cancellationToken);
            await EnsureSeatsHoldMembersAsync(command, cancellationToken);
            var changed = await connection.ExecuteAsync(new CommandDefinition(UpdateSql, new
            {
                command.Id, Name = name, ShortName = command.ShortName!.Trim(), command.Kind, command.Seats, command.ChairVotes,
                DefaultMajority = command.DefaultMajority ?? current.DefaultMajority, command.Active, current.Version,
                Now = Instants.Format(clock.GetUtcNow()), Actor = caller.AuditName,
            }, db.Transaction, cancellationToken: cancellationToken));
            if (changed == 0) throw new PreconditionFailedException(current.Version + 1);
            return await mediator.Send(new GetOrganization.Query(command.Id), cancellationToken);
        }

        /// <summary>A Gremium may not be made smaller than the voting seats its current and future members fill
        /// (Fraktionen have no statutory size). Past memberships do not count: the size is not kept per date.</summary>
        private async Task EnsureSeatsHoldMembersAsync(Command command, CancellationToken cancellationToken)
        {
            if (OrganizationKinds.Find(command.Kind!)?.Deliberates == false) return;
            var today = BerlinTime.Today(clock);
            var (date, filled, citation) = await people.MostVotingSeatsFilledAsync(command.Id, command.Kind!, today, cancellationToken);
            if (filled <= command.Seats) return;
            throw new SeatLimitException(
                $"Das Gremium kann nicht auf {command.Seats} stimmberechtigte Sitze verkleinert werden: am {date:dd.MM.yyyy} sind {filled} besetzt. " +
                "Beenden Sie zuerst Mitgliedschaften oder ändern Sie sie in Stellvertretungen." + (citation is null ? "" : $" Der Sitz des Landrats zählt mit ({citation})."),
                command.Seats, filled, date, citation);
        }
    }
}

using Dapper;
using FluentValidation;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.People;

/// <summary>
/// Changes a membership, e.g. ends it (an end date); person and organization stay. If-Match guards against lost updates.
/// Rights derived from the membership (Vorsitz → chair) follow at once: grants are read on every request.
/// </summary>
public static class UpdateMembership
{
    public sealed record Command(long Id, int? ExpectedVersion, MembershipInput Membership) : ICommand<MembershipDto>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => this.ValidMembership(c => c.Membership);
    }

    public const string UpdateSql =
        "UPDATE memberships SET legislative_term_id = @LegislativeTermId, role = @Role, voting_right = @VotingRight, statutory = @Statutory, " +
        "deputy_for_id = @DeputyForId, start_date = @StartDate, end_date = @EndDate, is_public = @Public, version = version + 1, updated_at = @Now, " +
        "updated_by = @Actor WHERE id = @Id AND version = @Version";

    public const string PublicMembershipsSql = "SELECT COUNT(*) FROM memberships WHERE person_id = @PersonId AND is_public = 1";

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, RuleProfiles profiles, PublicTombstones tombstones)
        : IRequestHandler<Command, MembershipDto>
    {
        public async Task<MembershipDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var current = await PeopleSql.ReadMembershipAsync(db, command.Id, cancellationToken);
            var bodyId = await db.Connection.ExecuteScalarAsync<long>(new CommandDefinition(MembershipRules.PersonSql, new { current.PersonId },
                db.Transaction, cancellationToken: cancellationToken));
            if (!caller.BelongsTo(bodyId)) throw new NotFoundException("Mitgliedschaft", command.Id);
            PeopleAccess.RequireAdmin(caller, bodyId);
            IfMatch.Check(command.ExpectedVersion, current.Version);
            // Person and organization are what a membership is; to move someone, end this one and add another.
            var m = command.Membership with { PersonId = current.PersonId, OrganizationId = current.OrganizationId };
            await MembershipRules.CheckAsync(db, profiles, m, command.Id, cancellationToken);
            var now = Instants.Format(clock.GetUtcNow());
            var changed = await db.Connection.ExecuteAsync(new CommandDefinition(UpdateSql, new
            {
                command.Id, current.Version, m.LegislativeTermId, m.Role, VotingRight = MembershipRules.VotingRight(m), m.Statutory, m.DeputyForId,
                StartDate = PeopleSql.Text(m.StartDate!.Value), EndDate = m.EndDate is { } end ? PeopleSql.Text(end) : null, m.Public,
                Now = now, Actor = caller.AuditName,
            }, db.Transaction, cancellationToken: cancellationToken));
            if (changed == 0) throw new PreconditionFailedException(current.Version + 1);
            // Made non-public: it leaves public view (OParl deletion), and so does the person if nothing public is left.
            if (current.Public && !m.Public)
            {
                await tombstones.RecordAsync(PublicTombstones.Membership, command.Id, now, cancellationToken);
                if (await db.Connection.ExecuteScalarAsync<int>(new CommandDefinition(PublicMembershipsSql, new { current.PersonId }, db.Transaction,
                        cancellationToken: cancellationToken)) == 0)
                    await tombstones.RecordAsync(PublicTombstones.Person, current.PersonId, now, cancellationToken);
            }
            var updated = await PeopleSql.ReadMembershipAsync(db, command.Id, cancellationToken);
            await PeopleSql.LogAsync(db, bodyId, "membership", command.Id, current.PersonId, "updated",
                $"Mitgliedschaft geändert: {CreateMembership.MembershipText(current)} → {CreateMembership.MembershipText(updated)}", caller, clock, cancellationToken);
            return updated;
        }
    }
}

using Dapper;
using FluentValidation;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

namespace Vorlagen.Api.Features.People;

/// <summary>An admin adds a person to a Gremium or Fraktion for a Wahlperiode (see <see cref="MembershipRules"/>).</summary>
public static class CreateMembership
{
    public sealed record Command(MembershipInput Membership) : ICommand<MembershipDto>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => this.ValidMembership(c => c.Membership);
    }

    public const string InsertSql =
        "INSERT INTO memberships (person_id, organization_id, legislative_term_id, role, voting_right, statutory, deputy_for_id, start_date, end_date, " +
        "is_public, version, created_at, updated_at, updated_by) VALUES (@PersonId, @OrganizationId, @LegislativeTermId, @Role, @VotingRight, @Statutory, " +
        "@DeputyForId, @StartDate, @EndDate, @Public, 1, @Now, @Now, @Actor) {{ReturnId}}";

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, RuleProfiles profiles) : IRequestHandler<Command, MembershipDto>
    {
        public async Task<MembershipDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var connection = await db.ConnectionAsync(cancellationToken);
            var bodyId = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(MembershipRules.PersonSql, new { command.Membership.PersonId }, db.Transaction,
                cancellationToken: cancellationToken));
            if (bodyId is null || !caller.BelongsTo(bodyId.Value)) throw new NotFoundException("Person", command.Membership.PersonId);
            PeopleAccess.RequireAdmin(caller, bodyId.Value);
            return await InsertAsync(db, profiles, command.Membership, caller, clock, "created", cancellationToken);
        }
    }

    /// <summary>Checks and inserts a membership and logs it; shared with the CSV import.</summary>
    public static async Task<MembershipDto> InsertAsync(DbSession db, RuleProfiles profiles, MembershipInput m, Caller caller, TimeProvider clock,
        string action, CancellationToken cancellationToken)
    {
        var bodyId = await MembershipRules.CheckAsync(db, profiles, m, 0, cancellationToken);
        var id = await db.Connection.ExecuteScalarAsync<long>(new CommandDefinition(db.Dialect.Render(InsertSql), new
        {
            m.PersonId, m.OrganizationId, m.LegislativeTermId, m.Role, VotingRight = MembershipRules.VotingRight(m), m.Statutory, m.DeputyForId,
            StartDate = PeopleSql.Text(m.StartDate!.Value), EndDate = m.EndDate is { } end ? PeopleSql.Text(end) : null, m.Public,
            Now = Instants.Format(clock.GetUtcNow()), Actor = caller.AuditName,
        }, db.Transaction, cancellationToken: cancellationToken));
        var created = await PeopleSql.ReadMembershipAsync(db, id, cancellationToken);
        await PeopleSql.LogAsync(db, bodyId, "membership", id, m.PersonId, action, $"Mitgliedschaft {(action == "imported" ? "importiert" : "angelegt")}: " +
            MembershipText(created), caller, clock, cancellationToken);
        return created;
    }

    public static string MembershipText(MembershipDto m) =>
        $"{m.RoleLabel} in „{m.OrganizationName}“ ({m.LegislativeTermName}) vom {m.StartDate:dd.MM.yyyy} bis " +
        (m.EndDate is { } end ? $"{end:dd.MM.yyyy}" : "zum Ende der Wahlperiode") + (m.VotingRight ? ", stimmberechtigt" : ", ohne Stimmrecht") +
        (m.Public ? "" : ", nichtöffentlich") + (m.DeputyForName is { } d ? $", vertritt {d}" : "");
}

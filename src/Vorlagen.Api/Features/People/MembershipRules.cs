using Dapper;
using FluentValidation;
using FluentValidation.Results;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Domain.Organizations;
using Vorlagen.Domain.Rules;

namespace Vorlagen.Api.Features.People;

/// <summary>A membership as sent by clients (dates yyyy-MM-dd; <c>endDate</c> empty: until the end of the Wahlperiode).</summary>
public sealed record MembershipInput(long PersonId, long OrganizationId, long LegislativeTermId, string? Role, bool? VotingRight, bool Statutory,
    long? DeputyForId, DateOnly? StartDate, DateOnly? EndDate, bool Public = true);

/// <summary>
/// The rules of a membership: fields (validator part), then what needs the database — same body, dates within the
/// Wahlperiode, a deputy names a member of the same Gremium and Wahlperiode, no overlapping membership of the same
/// person, and at no date more voting seats than the Gremium's statutory size.
/// </summary>
public static class MembershipRules
{
    public static void ValidMembership<T>(this AbstractValidator<T> v, Func<T, MembershipInput> input)
    {
        v.RuleFor(x => input(x).Role).Must(r => r is not null && MembershipRoles.All.Contains(r)).OverridePropertyName("role")
            .WithMessage($"Unbekannte Rolle. Erlaubt: {string.Join(", ", MembershipRoles.All.Select(r => $"{r} ({MembershipRoles.Label(r)})"))}.");
        v.RuleFor(x => input(x).StartDate).NotNull().WithMessage("Bitte geben Sie an, seit wann die Mitgliedschaft besteht.").OverridePropertyName("startDate");
        v.RuleFor(x => input(x).EndDate).Must((x, end) => end is null || input(x).StartDate is null || end >= input(x).StartDate)
            .WithMessage("Das Ende darf nicht vor dem Beginn liegen.").OverridePropertyName("endDate");
        v.RuleFor(x => input(x).DeputyForId).NotNull().When(x => input(x).Role == MembershipRoles.Stellvertretung)
            .WithMessage("Eine Stellvertretung nennt das Mitglied, das sie vertritt.").OverridePropertyName("deputyForId");
        v.RuleFor(x => input(x).DeputyForId).Null().When(x => input(x).Role != MembershipRoles.Stellvertretung)
            .WithMessage("Nur eine Stellvertretung vertritt ein Mitglied.").OverridePropertyName("deputyForId");
        v.RuleFor(x => input(x).VotingRight).Must(r => r != true).When(x => input(x).Role == MembershipRoles.Beratend)
            .WithMessage("Beratende Mitglieder (sachkundige Einwohner) haben kein Stimmrecht.").OverridePropertyName("votingRight");
        v.RuleFor(x => input(x).Statutory).Must(s => !s).When(x => input(x).Role is not (MembershipRoles.Vorsitz or MembershipRoles.Mitglied))
            .WithMessage("Der gesetzliche Sitz des Landrats ist Vorsitz oder Mitgliedschaft.").OverridePropertyName("statutory");
    }

    /// <summary>Voting right as stored: deputies and beratende Mitglieder default to none, everyone else to one.</summary>
    public static bool VotingRight(MembershipInput input) =>
        input.VotingRight ?? input.Role is MembershipRoles.Mitglied or MembershipRoles.Vorsitz or MembershipRoles.StellvVorsitz;

    public const string PersonSql = "SELECT body_id FROM persons WHERE id = @PersonId";
    public const string OrganizationSql = "SELECT body_id AS BodyId, kind AS Kind, seats AS Seats, name AS Name FROM organizations WHERE id = @OrganizationId";
    public const string TermSql = LegislativeTermDto.SelectColumnsSql + " WHERE t.id = @LegislativeTermId";
    public const string RuleProfileSql = "SELECT rule_profile FROM bodies WHERE id = @BodyId";
    public const string DeputyTargetSql =
        "SELECT organization_id AS OrganizationId, legislative_term_id AS LegislativeTermId, role AS Role, person_id AS PersonId FROM memberships WHERE id = @DeputyForId";
    public const string OverlapSql =
        "SELECT COUNT(*) FROM memberships m JOIN legislative_terms t ON t.id = m.legislative_term_id WHERE m.person_id = @PersonId " +
        "AND m.organization_id = @OrganizationId AND m.id <> @ExceptId AND m.start_date <= @End AND COALESCE(m.end_date, t.end_date) >= @Start";
    public const string SeatsSql =
        "SELECT m.start_date AS StartDate, COALESCE(m.end_date, t.end_date) AS EndDate, m.statutory AS Statutory FROM memberships m " +
        "JOIN legislative_terms t ON t.id = m.legislative_term_id WHERE m.organization_id = @OrganizationId AND m.id <> @ExceptId " +
        "AND m.voting_right = 1 AND m.role IN ('mitglied', 'vorsitz', 'stellv_vorsitz') AND m.start_date <= @End AND COALESCE(m.end_date, t.end_date) >= @Start";

    public sealed record OrganizationRow
    {
        public long BodyId { get; init; }
        public string Kind { get; init; } = "";
        public int Seats { get; init; }
        public string Name { get; init; } = "";
    }

    private sealed record DeputyTarget
    {
        public long OrganizationId { get; init; }
        public long LegislativeTermId { get; init; }
        public string Role { get; init; } = "";
        public long PersonId { get; init; }
    }

    private sealed record SeatRow
    {
        public string StartDate { get; init; } = "";
        public string EndDate { get; init; } = "";
        public bool Statutory { get; init; }
    }

    /// <summary>Checks everything that needs the database; returns the body. <paramref name="exceptId"/> is the membership being edited.</summary>
    public static async Task<long> CheckAsync(DbSession db, RuleProfiles profiles, MembershipInput input, long exceptId, CancellationToken cancellationToken)
    {
        var connection = await db.ConnectionAsync(cancellationToken);
        CommandDefinition Q(string sql) => new(sql, new { input.PersonId, input.OrganizationId, input.LegislativeTermId, input.DeputyForId }, db.Transaction,
            cancellationToken: cancellationToken);
        var bodyId = await connection.ExecuteScalarAsync<long?>(Q(PersonSql)) ?? throw new NotFoundException("Person", input.PersonId);
        var organization = await connection.QuerySingleOrDefaultAsync<OrganizationRow>(Q(OrganizationSql));
        var term = await connection.QuerySingleOrDefaultAsync<LegislativeTermDto>(Q(TermSql));
        var failures = new List<ValidationFailure>();
        if (organization is null || organization.BodyId != bodyId)
            failures.Add(new("organizationId", "Dieses Gremium (oder diese Fraktion) gibt es in der Körperschaft der Person nicht."));
        if (term is null || term.BodyId != bodyId)
            failures.Add(new("legislativeTermId", "Diese Wahlperiode gibt es in der Körperschaft der Person nicht."));
        if (failures.Count > 0) throw new ValidationException(failures);
        var start = input.StartDate!.Value;
        var end = input.EndDate ?? term!.End;
        if (start < term!.Start || start > term.End)
            failures.Add(new("startDate", $"Der Beginn liegt außerhalb der Wahlperiode „{term.Name}“ ({term.Start:dd.MM.yyyy}–{term.End:dd.MM.yyyy})."));
        if (input.EndDate is { } e && (e > term.End || e < term.Start))
            failures.Add(new("endDate", $"Das Ende liegt außerhalb der Wahlperiode „{term.Name}“ ({term.Start:dd.MM.yyyy}–{term.End:dd.MM.yyyy})."));
        if (input.DeputyForId is not null)
        {
            var target = await connection.QuerySingleOrDefaultAsync<DeputyTarget>(Q(DeputyTargetSql));
            if (target is null || target.OrganizationId != input.OrganizationId || target.LegislativeTermId != input.LegislativeTermId
                || !MembershipRoles.HoldsSeat(target.Role) || target.PersonId == input.PersonId)
                failures.Add(new("deputyForId", "Die Stellvertretung muss ein anderes Mitglied desselben Gremiums in derselben Wahlperiode vertreten."));
        }
        if (input.Statutory && OrganizationKinds.Find(organization!.Kind)?.Deliberates == false)
            failures.Add(new("statutory", "In Fraktionen und Gruppen hat der Landrat keinen gesetzlichen Sitz."));
        if (failures.Count > 0) throw new ValidationException(failures);

        var args = new { input.PersonId, input.OrganizationId, ExceptId = exceptId, Start = PeopleSql.Text(start), End = PeopleSql.Text(end) };
        if (await connection.ExecuteScalarAsync<int>(new CommandDefinition(OverlapSql, args, db.Transaction, cancellationToken: cancellationToken)) > 0)
            throw new ConflictException("membership_overlaps", $"Die Person hat in „{organization!.Name}“ für diesen Zeitraum schon eine Mitgliedschaft. Beenden Sie diese zuerst.");
        // Fraktionen have no statutory size: their seats only say how many Kreisräte they had when formed.
        if (VotingRight(input) && MembershipRoles.HoldsSeat(input.Role!) && OrganizationKinds.Find(organization!.Kind)?.Deliberates != false)
        {
            var profileId = await connection.ExecuteScalarAsync<string>(new CommandDefinition(RuleProfileSql, new { BodyId = bodyId }, db.Transaction,
                cancellationToken: cancellationToken));
            var profile = profiles.Get(profileId!);
            var others = (await connection.QueryAsync<SeatRow>(new CommandDefinition(SeatsSql, args, db.Transaction, cancellationToken: cancellationToken)))
                .Select(r => (Start: PeopleSql.Date(r.StartDate), End: PeopleSql.Date(r.EndDate), r.Statutory)).ToList();
            others.Add((start, end, input.Statutory));
            SeatLimit.Check(organization!, profile, others, start, end);
        }
        return bodyId;
    }
}

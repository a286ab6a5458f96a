using System.Text.Json.Nodes;
using Dapper;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Domain.Organizations;
using Vorlagen.Domain.Rules;
using Vorlagen.Domain.Voting;

namespace Vorlagen.Api.Features.Papers;

/// <summary>
/// The body's rule profile applied to a paper's procedure: the Widerspruch period (enforced), who decides after a
/// Widerspruch (§ 48 Abs. 3 SächsLKrO), the rehearing deadline (only warned) and the Kreistag that takes over.
/// </summary>
public sealed class PaperRules(DbSession db, RuleProfiles profiles)
{
    public const string RuleProfileOfBodySql = "SELECT rule_profile FROM bodies WHERE id = @BodyId";

    private sealed record OrganizationRow
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
    }

    public async Task<RuleProfile> ProfileAsync(long bodyId, CancellationToken cancellationToken)
    {
        var connection = await db.ConnectionAsync(cancellationToken);
        var id = await connection.ExecuteScalarAsync<string>(new CommandDefinition(RuleProfileOfBodySql, new { BodyId = bodyId },
            db.Transaction, cancellationToken: cancellationToken));
        return profiles.Get(id!);
    }

    /// <summary>
    /// Checks a Widerspruch dated <paramref name="date"/> against the period counted from the decision it objects to (a late one
    /// is a 409 naming the last day and the citation) and returns the Gremium that decides anew: the Kreistag for a decision of
    /// a beschließender Ausschuss where the profile says so, else null (the same Gremium). A second Widerspruch appends nothing.
    /// </summary>
    public async Task<long?> PlanObjectionAsync(PaperReader.Loaded paper, DateOnly date, CancellationToken cancellationToken)
    {
        var decision = paper.Consultations.LastOrDefault(c => c.Role == ConsultationRoles.Beschliessend && c.Status == ConsultationStatuses.Done
                                                             && c.Outcome is Outcomes.Adopted or Outcomes.AdoptedAmended);
        if (PaperReader.Date(decision?.ResultDate) is not { } decided) return null;
        var profile = await ProfileAsync(paper.Paper.BodyId, cancellationToken);
        if (profile.WiderspruchDeadline(decided) is { } deadline && deadline.IsMissedBy(date))
            throw new WiderspruchPeriodExpiredException(date, deadline);

        if (paper.Consultations.Any(c => c.ObjectedConsultationId is not null)) return null;
        if (decision!.OrganizationKind is not (OrganizationKinds.BeschliessenderAusschuss or OrganizationKinds.Kreisausschuss)
            || profile.Rules.ObjectionDecidedBy.At(decided) is not { DecidedBy: ObjectionForum.Kreistag } rule) return null;
        var kreistag = await KreistagAsync(paper.Paper.BodyId, cancellationToken)
            ?? throw new ConflictException("no_kreistag",
                $"Über den Widerspruch gegen den Beschluss des Gremiums „{decision.OrganizationName}“ entscheidet der Kreistag ({rule.Citation}); " +
                "für diese Körperschaft ist aber kein aktiver Kreistag angelegt. Bitte legen Sie ihn unter Verwaltung › Gremien an.");
        return kreistag.Id;
    }

    /// <summary>The last day for the session that re-hears <paramref name="consultation"/> after a Widerspruch; null for any other.</summary>
    public async Task<Deadline?> RehearingDeadlineAsync(PaperReader.Loaded paper, ConsultationRow consultation, CancellationToken cancellationToken)
    {
        var objected = paper.Consultations.FirstOrDefault(c => c.Id == consultation.ObjectedConsultationId);
        if (PaperReader.Date(objected?.ResultDate) is not { } decided) return null;
        return (await ProfileAsync(paper.Paper.BodyId, cancellationToken)).RehearingDeadline(decided);
    }

    /// <summary>The journal note for a rehearing session held after the last day, or null: the session did happen, so it is accepted.</summary>
    public static JsonObject? Overrun(Deadline? deadline, DateOnly session) => deadline is null || !deadline.IsMissedBy(session) ? null : new JsonObject
    {
        ["due"] = deadline.Due.ToString("yyyy-MM-dd"),
        ["session"] = session.ToString("yyyy-MM-dd"),
        ["daysLate"] = session.DayNumber - deadline.Due.DayNumber,
        ["period"] = deadline.Period.ToString(),
        ["citation"] = deadline.Citation,
        ["wordingVerified"] = deadline.WordingVerified,
    };

    public async Task<(long Id, string Name)> KreistagForHandOverAsync(long bodyId, string committee, CancellationToken cancellationToken) =>
        await KreistagAsync(bodyId, cancellationToken) is { } kreistag
            ? (kreistag.Id, kreistag.Name)
            : throw new ConflictException("no_kreistag",
                $"Für das Gremium „{committee}“ entscheidet der Kreistag, für diese Körperschaft ist aber kein aktiver Kreistag angelegt. " +
                "Bitte legen Sie ihn unter Verwaltung › Gremien an.");

    private async Task<OrganizationRow?> KreistagAsync(long bodyId, CancellationToken cancellationToken)
    {
        var connection = await db.ConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<OrganizationRow>(new CommandDefinition(PaperSql.KreistagOfBodySql, new { BodyId = bodyId },
            db.Transaction, cancellationToken: cancellationToken))).FirstOrDefault();
    }
}

/// <summary>409: the Widerspruch comes after the statutory period; names the last day and the rule.</summary>
public sealed class WiderspruchPeriodExpiredException(DateOnly date, Deadline deadline)
    : AppException(409, "widerspruch_period_expired", "Widerspruchsfrist abgelaufen",
        $"Der Widerspruch vom {date:dd.MM.yyyy} ist verspätet: Er war binnen {deadline.Period.GermanText} nach dem Beschluss vom " +
        $"{deadline.From:dd.MM.yyyy} einzulegen, also spätestens am {deadline.Due:dd.MM.yyyy} ({deadline.Citation}).")
{
    public override IReadOnlyDictionary<string, object?> Extensions => new Dictionary<string, object?>
    {
        ["deadline"] = deadline.Due.ToString("yyyy-MM-dd"),
        ["citation"] = deadline.Citation,
        ["wordingVerified"] = deadline.WordingVerified,
    };
}

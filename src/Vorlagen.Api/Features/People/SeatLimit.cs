using Vorlagen.Api.Infrastructure;
using Vorlagen.Domain.Rules;

namespace Vorlagen.Api.Features.People;

/// <summary>
/// 422 when at some date more voting seats would be filled than the Gremium's statutory size. The Landrat's statutory
/// seat counts only where the state's rule profile says so (rule "landratSeat", with its citation).
/// </summary>
public sealed class SeatLimitException(string message, int seats, int filled, DateOnly date, string? citation)
    : AppException(422, "seat_limit_exceeded", "Sitzzahl überschritten", message)
{
    public override IReadOnlyDictionary<string, object?> Extensions => new Dictionary<string, object?>
    {
        ["seats"] = seats, ["filled"] = filled, ["date"] = date.ToString("yyyy-MM-dd"), ["citation"] = citation,
    };
}

public static class SeatLimit
{
    /// <summary>The number of counted voting seats on each date a membership starts within [from, to]; the maximum must not exceed the size.</summary>
    public static void Check(MembershipRules.OrganizationRow organization, RuleProfile profile,
        IReadOnlyList<(DateOnly Start, DateOnly End, bool Statutory)> memberships, DateOnly from, DateOnly to)
    {
        var over = Counts(organization.Kind, profile, memberships, from, to).Where(c => c.Filled > organization.Seats).Take(1).ToList();
        if (over is not [var most]) return;
        var citation = most.LandratCounts ? profile.Find(RuleNames.LandratSeat, most.Date)?.Citation : null;
        throw new SeatLimitException(
            $"„{organization.Name}“ hat {organization.Seats} stimmberechtigte Sitze; am {most.Date:dd.MM.yyyy} wären {most.Filled} besetzt. " +
            "Beenden Sie zuerst eine andere Mitgliedschaft oder tragen Sie die Person als Stellvertretung ein." +
            (most.LandratCounts ? $" Der Sitz des Landrats zählt mit ({citation})." : ""),
            organization.Seats, most.Filled, most.Date, citation);
    }

    /// <summary>The date within [from, to] with the most counted voting seats (the first such date).</summary>
    public static (DateOnly Date, int Filled, bool LandratCounts) MostFilled(string organizationKind, RuleProfile profile,
        IReadOnlyList<(DateOnly Start, DateOnly End, bool Statutory)> memberships, DateOnly from, DateOnly to) =>
        Counts(organizationKind, profile, memberships, from, to).MaxBy(c => c.Filled);

    /// <summary>Counted voting seats per date, in date order. Seats only grow on the day a membership starts, so those days and
    /// <paramref name="from"/> are all that need counting.</summary>
    private static IEnumerable<(DateOnly Date, int Filled, bool LandratCounts)> Counts(string organizationKind, RuleProfile profile,
        IReadOnlyList<(DateOnly Start, DateOnly End, bool Statutory)> memberships, DateOnly from, DateOnly to)
    {
        foreach (var date in memberships.Select(m => m.Start).Where(d => d >= from && d <= to).Append(from).Distinct().Order())
        {
            var landratCounts = profile.LandratSeatCounts(organizationKind, date);
            yield return (date, memberships.Count(m => m.Start <= date && m.End >= date && (!m.Statutory || landratCounts)), landratCounts);
        }
    }
}

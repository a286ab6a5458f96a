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
        var dates = memberships.Select(m => m.Start).Where(d => d >= from && d <= to).Append(from).Distinct();
        foreach (var date in dates.Order())
        {
            var landratCounts = profile.LandratSeatCounts(organization.Kind, date);
            var filled = memberships.Count(m => m.Start <= date && m.End >= date && (!m.Statutory || landratCounts));
            if (filled <= organization.Seats) continue;
            var citation = profile.Find(RuleNames.LandratSeat, date)?.Citation;
            throw new SeatLimitException(
                $"„{organization.Name}“ hat {organization.Seats} stimmberechtigte Sitze; am {date:dd.MM.yyyy} wären {filled} besetzt. " +
                "Beenden Sie zuerst eine andere Mitgliedschaft oder tragen Sie die Person als Stellvertretung ein." +
                (landratCounts ? $" Der Sitz des Landrats zählt mit ({citation})." : ""),
                organization.Seats, filled, date, landratCounts ? citation : null);
        }
    }
}

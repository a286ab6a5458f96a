using Vorlagen.Domain.Organizations;
using Vorlagen.Domain.Voting;

namespace Vorlagen.Domain.Tests;

/// <summary>Many random tallies, checked against a straightforward re-statement of the law written here.</summary>
public class RandomTallyTests
{
    private static readonly string[] Majorities = ["simple", "absolute_members", "two_thirds_present", "three_quarters_members"];
    private static readonly string[] DecidingOutcomes = ["adopted", "adopted_amended", "rejected"];
    private static readonly string[] PreparingOutcomes = ["recommended", "not_recommended"];

    [Fact]
    public void Checker_agrees_with_the_independent_formula()
    {
        var random = new Random(20240612);
        var seen = new Dictionary<string, int>();
        for (var i = 0; i < 20_000; i++)
        {
            var c = Case.Random(random);
            var result = Check.Run(TestProfiles.ById(c.Profile), c.Seats, c.Role, c.Outcome, c.Tally, c.Majority, c.SecondSession);
            var expected = Expect(c);

            Assert.True(expected.Codes.SequenceEqual(result.Codes()),
                $"{c}: expected [{string.Join(", ", expected.Codes)}], got [{string.Join(", ", result.Codes())}]");
            Assert.Equal(expected.Codes.Count == 0, result.Valid);
            if (expected.Derived is { } d)
            {
                var actual = result.Derived ?? throw new Xunit.Sdk.XunitException($"{c}: no derived facts");
                Assert.True(d == (actual.Passed, actual.Unanimous, actual.Quorum.Required, actual.Quorum.Reached,
                    actual.Majority.Required, actual.Majority.Reached), $"{c}: expected {d}, got {actual}");
            }
            else
            {
                Assert.Null(result.Derived);
            }
            foreach (var code in expected.Codes.DefaultIfEmpty("valid"))
            {
                seen[code] = seen.GetValueOrDefault(code) + 1;
            }
        }

        // The generator must actually reach every branch it is meant to test.
        foreach (var code in new[] { "valid", "tally.negative", "tally.votes_exceed_entitled", "tally.exceeds_seats", "quorum.not_reached", "outcome.contradicts_tally" })
        {
            Assert.True(seen.GetValueOrDefault(code) >= 100, $"only {seen.GetValueOrDefault(code)} cases of {code}");
        }
    }

    private static (List<string> Codes, (bool, bool, int, bool, int, bool)? Derived) Expect(Case c)
    {
        var (t, seats) = (c.Tally, c.Seats);
        if (t.Entitled < 0 || t.Yes < 0 || t.No < 0 || t.Abstain < 0 || t.Recused < 0)
        {
            return ([.. Enumerable.Repeat("tally.negative", new[] { t.Entitled, t.Yes, t.No, t.Abstain, t.Recused }.Count(v => v < 0))], null);
        }
        var codes = new List<string>();
        if (t.Yes + t.No + t.Abstain > t.Entitled) codes.Add("tally.votes_exceed_entitled");
        if (t.Entitled + t.Recused > seats) codes.Add("tally.exceeds_seats");
        if (codes.Count > 0) return (codes, null);

        // Sachsen: at least half, a quarter if more than half are recused; Thüringen: more than half. Second session: 3.
        var quorum = c.Profile == "sachsen" ? (seats + 1) / 2 : seats / 2 + 1;
        if (c.Profile == "sachsen" && 2 * t.Recused > seats) quorum = Math.Min(quorum, (seats + 3) / 4);
        if (c.SecondSession) quorum = Math.Min(quorum, 3);
        var quorate = t.Entitled >= quorum;

        var (passes, required) = c.Majority switch
        {
            "simple" => (t.Yes > t.No, (t.Yes + t.No) / 2 + 1),
            "absolute_members" => (2 * t.Yes > seats, seats / 2 + 1),
            "two_thirds_present" => (t.Yes > 0 && 3 * t.Yes >= 2 * t.Entitled, Math.Max(1, (2 * t.Entitled + 2) / 3)),
            _ => (t.Yes > 0 && 4 * t.Yes >= 3 * seats, Math.Max(1, (3 * seats + 3) / 4)),
        };
        if (!quorate) codes.Add("quorum.not_reached");
        var claimsPassed = c.Outcome is "adopted" or "adopted_amended" or "recommended";
        if (claimsPassed != passes) codes.Add("outcome.contradicts_tally");
        return (codes, (quorate && passes, t.Yes > 0 && t.No == 0, quorum, quorate, required, passes));
    }

    private sealed record Case(string Profile, int Seats, string Role, string Outcome, VoteTally Tally, string Majority, bool SecondSession)
    {
        public static Case Random(Random r)
        {
            var seats = r.Next(1, 100);
            var recused = r.Next(10) < 3 ? r.Next(0, seats + 1) : r.Next(0, Math.Min(3, seats) + 1);
            var entitled = r.Next(0, seats - recused + 1) + (r.Next(20) == 0 ? r.Next(1, 4) : 0);
            var votes = Math.Max(0, r.Next(10) < 8 ? entitled - r.Next(0, 3) : entitled) + (r.Next(20) == 0 ? r.Next(1, 4) : 0);
            var yes = r.Next(0, votes + 1);
            var no = r.Next(0, votes - yes + 1);
            var abstain = r.Next(3) == 0 ? votes - yes - no : 0;
            int[] n = [entitled, yes, no, abstain, recused];
            if (r.Next(30) == 0) n[r.Next(5)] = -r.Next(1, 5);
            var deciding = r.Next(2) == 0;
            return new Case(
                r.Next(2) == 0 ? "sachsen" : "thueringen",
                seats,
                deciding ? ConsultationRoles.Beschliessend : ConsultationRoles.Vorberatend,
                deciding ? DecidingOutcomes[r.Next(3)] : PreparingOutcomes[r.Next(2)],
                new VoteTally(n[0], n[1], n[2], n[3], n[4]),
                Majorities[r.Next(Majorities.Length)],
                r.Next(5) == 0);
        }
    }
}

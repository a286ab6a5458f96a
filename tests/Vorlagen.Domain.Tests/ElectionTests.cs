using Vorlagen.Domain.Voting;

namespace Vorlagen.Domain.Tests;

/// <summary>Elections by the rule data: § 35 Abs. 7 SächsLKrO (majority of those present and entitled, Stichwahl, lot), § 39 Abs. 2 ThürKO.</summary>
public sealed class ElectionTests
{
    private static readonly DateOnly Day = new(2021, 3, 31);

    private static ElectionOutcome Sachsen(int entitled, int valid, Dictionary<long, int> votes, IReadOnlyList<long>? runOff = null)
    {
        var check = ElectionEvaluator.Evaluate(TestProfiles.Sachsen, Day, new ElectionBallot(entitled, valid, entitled - valid, votes, runOff));
        Assert.True(check.Valid, string.Join(" ", check.Errors.Select(e => e.Message)));
        return check.Outcome!;
    }

    [Theory]
    [InlineData(17, "elected")] // 33 present and entitled: 17 is more than half
    [InlineData(16, "run_off")] // 16 is not, even though it is the most votes
    public void The_first_ballot_needs_the_majority_of_those_present_and_entitled_not_of_the_votes_cast(int best, string outcome)
    {
        var result = Sachsen(33, 30, new() { [1] = best, [2] = 30 - best - 2, [3] = 2 });
        Assert.Equal(outcome, result.Outcome);
        Assert.Equal(outcome == "elected" ? "§ 35 Abs. 7 Satz 2 SächsLKrO" : "§ 35 Abs. 7 Sätze 3 und 4 SächsLKrO", result.Citation);
        if (outcome == "run_off") Assert.Equal([1L, 2L], result.Candidates);
        else Assert.Equal(1L, result.Elected);
    }

    [Fact]
    public void The_run_off_is_decided_by_the_simple_majority_and_a_tie_by_lot()
    {
        Assert.Equal(2L, Sachsen(33, 31, new() { [1] = 15, [2] = 16 }, [1, 2]).Elected); // 16 of 33 suffices in the Stichwahl
        var tie = Sachsen(33, 30, new() { [1] = 15, [2] = 15 }, [1, 2]);
        Assert.Equal(("lot", null, "1,2"), (tie.Outcome, tie.Elected, string.Join(",", tie.Candidates)));
    }

    [Fact]
    public void A_tie_for_the_second_run_off_place_goes_to_the_lot_and_a_single_candidate_gets_a_second_ballot()
    {
        var tied = Sachsen(33, 33, new() { [1] = 13, [2] = 10, [3] = 10 });
        Assert.Equal(("lot", "2,3"), (tied.Outcome, string.Join(",", tied.Candidates)));
        var single = Sachsen(33, 30, new() { [7] = 16 });
        Assert.Equal(("run_off", "7"), (single.Outcome, string.Join(",", single.Candidates)));
        Assert.Equal("elected", Sachsen(33, 30, new() { [7] = 16 }, [7]).Outcome);
        Assert.Equal("not_elected", Sachsen(33, 30, new() { [7] = 15 }, [7]).Outcome);
    }

    [Fact]
    public void Thueringen_needs_more_than_half_and_models_no_further_ballot_unverified()
    {
        var check = ElectionEvaluator.Evaluate(TestProfiles.Thueringen, Day, new ElectionBallot(33, 33, 0, new Dictionary<long, int> { [1] = 17, [2] = 16 }));
        Assert.Equal(("elected", 1L, "§ 39 Abs. 2 ThürKO", false), (check.Outcome!.Outcome, check.Outcome.Elected, check.Outcome.Citation, check.Outcome.WordingVerified));
        var half = ElectionEvaluator.Evaluate(TestProfiles.Thueringen, Day, new ElectionBallot(34, 34, 0, new Dictionary<long, int> { [1] = 17, [2] = 17 }));
        Assert.Equal("not_elected", half.Outcome!.Outcome);
        var runOff = ElectionEvaluator.Evaluate(TestProfiles.Thueringen, Day, new ElectionBallot(34, 34, 0, new Dictionary<long, int> { [1] = 18 }, [1]));
        Assert.Equal("run_off_not_in_profile", Assert.Single(runOff.Errors).Code);
    }

    [Fact]
    public void Impossible_ballots_are_violations_not_outcomes()
    {
        var check = ElectionEvaluator.Evaluate(TestProfiles.Sachsen, Day, new ElectionBallot(10, 9, 2, new Dictionary<long, int> { [1] = 8, [2] = 3 }));
        Assert.False(check.Valid);
        Assert.Equal(["ballots_exceed_entitled", "votes_exceed_valid_ballots"], check.Errors.Select(e => e.Code));
        var stranger = ElectionEvaluator.Evaluate(TestProfiles.Sachsen, Day, new ElectionBallot(10, 9, 0, new Dictionary<long, int> { [1] = 4, [2] = 3, [3] = 2 }, [1, 2]));
        Assert.Equal("not_a_run_off_candidate", Assert.Single(stranger.Errors).Code);
    }
}

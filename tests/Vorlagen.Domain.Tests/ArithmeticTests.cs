using Vorlagen.Domain.Voting;

namespace Vorlagen.Domain.Tests;

public class ArithmeticTests
{
    [Theory]
    [InlineData(-1, 0, 0, 0, 0, "entitled")]
    [InlineData(5, -1, 0, 0, 0, "yes")]
    [InlineData(5, 3, -2, 0, 0, "no")]
    [InlineData(5, 3, 0, -1, 0, "abstain")]
    [InlineData(5, 3, 0, 0, -3, "recused")]
    public void Negative_numbers(int entitled, int yes, int no, int abstain, int recused, string field)
    {
        var result = Check.Decide(TestProfiles.Sachsen, 10, new VoteTally(entitled, yes, no, abstain, recused));

        var error = Assert.Single(result.Errors);
        Assert.Equal(ViolationCodes.TallyNegative, error.Code);
        Assert.Equal(field, error.Field);
        Assert.Null(result.Derived);
    }

    [Theory]
    [InlineData(10, 6, 4, 0, true)]
    [InlineData(10, 6, 4, 1, false)]
    [InlineData(10, 7, 4, 0, false)]
    public void Votes_cannot_exceed_the_entitled_members_present(int entitled, int yes, int no, int abstain, bool valid)
    {
        var result = Check.Decide(TestProfiles.Sachsen, 12, Check.Tally(entitled, yes, no, abstain));

        Assert.Equal(valid ? [] : [ViolationCodes.TallyVotesExceedEntitled], result.Codes());
    }

    [Theory]
    [InlineData(10, 2, true)]
    [InlineData(10, 3, false)]
    [InlineData(13, 0, false)]
    public void Entitled_and_recused_cannot_exceed_the_seats(int entitled, int recused, bool valid)
    {
        var result = Check.Decide(TestProfiles.Sachsen, 12, Check.Tally(entitled, entitled, 0, recused: recused));

        Assert.Equal(valid ? [] : [ViolationCodes.TallyExceedsSeats], result.Codes());
        Assert.Equal(valid, result.Derived is not null);
    }

    [Fact]
    public void Arithmetic_message_has_the_numbers()
    {
        var result = Check.Decide(TestProfiles.Sachsen, 16, Check.Tally(15, 10, 5, 3, recused: 2));

        Assert.Equal([ViolationCodes.TallyVotesExceedEntitled, ViolationCodes.TallyExceedsSeats], result.Codes());
        Assert.Contains("18 Stimmen", result.Errors[0].Message);
        Assert.Contains("nur 15", result.Errors[0].Message);
        Assert.Contains("16 Sitze", result.Errors[1].Message);
        Assert.Null(result.Errors[1].Citation);
    }

    [Fact]
    public void Only_violations_with_a_legal_source_carry_a_citation_and_none_is_empty()
    {
        var arithmetic = Check.Decide(TestProfiles.Sachsen, 12, Check.Tally(10, 7, 4));
        var quorum = Check.Decide(TestProfiles.Sachsen, 10, Check.Tally(4, 4, 0));

        var exceeds = Assert.Single(arithmetic.Errors);
        Assert.Equal(ViolationCodes.TallyVotesExceedEntitled, exceeds.Code);
        Assert.Null(exceeds.Citation);
        var notReached = Assert.Single(quorum.Errors);
        Assert.Equal(ViolationCodes.QuorumNotReached, notReached.Code);
        Assert.False(string.IsNullOrWhiteSpace(notReached.Citation));
    }
}

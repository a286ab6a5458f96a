using Vorlagen.Domain.Voting;

namespace Vorlagen.Domain.Tests;

public class QuorumTests
{
    [Theory]
    // Sachsen: at least half of all members (§ 35 Abs. 2 SächsLKrO)
    [InlineData("sachsen", 10, 4, 0, false, false, 5, "regular")]
    [InlineData("sachsen", 10, 5, 0, false, true, 5, "regular")]
    [InlineData("sachsen", 9, 4, 0, false, false, 5, "regular")]
    [InlineData("sachsen", 9, 5, 0, false, true, 5, "regular")]
    // Thüringen: more than half (§ 36 ThürKO)
    [InlineData("thueringen", 10, 5, 0, false, false, 6, "regular")]
    [InlineData("thueringen", 10, 6, 0, false, true, 6, "regular")]
    [InlineData("thueringen", 9, 4, 0, false, false, 5, "regular")]
    [InlineData("thueringen", 9, 5, 0, false, true, 5, "regular")]
    // Sachsen: more than half recused → a quarter suffices; exactly half recused does not ease it
    [InlineData("sachsen", 10, 2, 6, false, false, 3, "reduced_recused")]
    [InlineData("sachsen", 10, 3, 6, false, true, 3, "reduced_recused")]
    [InlineData("sachsen", 10, 4, 5, false, false, 5, "regular")]
    [InlineData("sachsen", 20, 4, 11, false, false, 5, "reduced_recused")]
    [InlineData("sachsen", 20, 5, 11, false, true, 5, "reduced_recused")]
    // Thüringen has no reduced quorum in its profile
    [InlineData("thueringen", 10, 4, 6, false, false, 6, "regular")]
    // Second session: three present and entitled suffice
    [InlineData("sachsen", 10, 2, 0, true, false, 3, "second_session")]
    [InlineData("sachsen", 10, 3, 0, true, true, 3, "second_session")]
    [InlineData("thueringen", 10, 3, 0, true, true, 3, "second_session")]
    // ... but never makes a small body's quorum stricter
    [InlineData("sachsen", 4, 2, 0, true, true, 2, "regular")]
    public void Quorum_boundaries(string profileId, int seats, int entitled, int recused, bool secondSession,
        bool quorate, int required, string basis)
    {
        var tally = Check.Tally(entitled, yes: entitled, no: 0, recused: recused);

        var result = Check.Decide(TestProfiles.ById(profileId), seats, tally, secondSession: secondSession);

        Assert.Equal(quorate, result.Valid);
        Assert.Equal(quorate ? [] : [ViolationCodes.QuorumNotReached], result.Codes());
        Assert.NotNull(result.Derived);
        Assert.Equal(required, result.Derived.Quorum.Required);
        Assert.Equal(entitled, result.Derived.Quorum.Present);
        Assert.Equal(quorate, result.Derived.Quorum.Reached);
        Assert.Equal(basis, result.Derived.Quorum.Basis);
        Assert.Equal(quorate, result.Derived.Passed);
    }

    [Fact]
    public void Quorum_message_names_required_and_present_and_cites_the_law()
    {
        var result = Check.Decide(TestProfiles.Sachsen, 10, Check.Tally(4, 4, 0));

        var error = Assert.Single(result.Errors);
        Assert.Contains("mindestens 5", error.Message);
        Assert.Contains("waren 4", error.Message);
        Assert.Equal("§ 35 Abs. 2 Satz 1 SächsLKrO", error.Citation);
    }

    [Fact]
    public void Reduced_quorum_violation_cites_the_recusal_rule()
    {
        var result = Check.Decide(TestProfiles.Sachsen, 10, Check.Tally(2, 2, 0, recused: 6));

        var error = Assert.Single(result.Errors);
        Assert.Equal("§ 35 Abs. 2 Satz 2 SächsLKrO", error.Citation);
        Assert.Contains("befangen", error.Message);
    }

    [Fact]
    public void Second_session_quorum_cites_paragraph_3()
    {
        var result = Check.Decide(TestProfiles.Sachsen, 10, Check.Tally(3, 3, 0), secondSession: true);

        Assert.True(result.Valid);
        Assert.Equal("§ 35 Abs. 3 Satz 1 SächsLKrO", result.Derived!.Quorum.Citation);
    }
}

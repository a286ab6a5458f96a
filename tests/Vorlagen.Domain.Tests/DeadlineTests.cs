using Vorlagen.Domain.Rules;

namespace Vorlagen.Domain.Tests;

public class DeadlineTests
{
    [Fact]
    public void Sachsen_widerspruch_period_is_chosen_by_decision_date()
    {
        var versions = TestProfiles.Sachsen.Rules.WiderspruchPeriod.Versions;
        Assert.Equal(2, versions.Count);
        var change = versions[1].ValidFrom;

        var before = TestProfiles.Sachsen.WiderspruchDeadline(change.AddDays(-1))!;
        var after = TestProfiles.Sachsen.WiderspruchDeadline(change)!;

        Assert.Equal(change.AddDays(-1).AddDays(7), before.Due);
        Assert.Equal(change.AddDays(14), after.Due);
        Assert.Contains("§ 48 Abs. 2", after.Citation);
    }

    [Theory]
    [InlineData("2010-01-13", "2010-01-20")]
    [InlineData("2024-01-10", "2024-01-24")]
    public void Sachsen_widerspruch_ends_on_the_same_weekday(string decided, string due)
    {
        var deadline = TestProfiles.Sachsen.WiderspruchDeadline(DateOnly.Parse(decided, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), deadline!.Due);
    }

    [Fact]
    public void Thueringen_has_no_widerspruch_period_and_no_question_period()
    {
        Assert.Null(TestProfiles.Thueringen.WiderspruchDeadline(new DateOnly(2021, 3, 31)));
        Assert.Null(TestProfiles.Thueringen.QuestionAnswerDeadline(new DateOnly(2021, 3, 31)));
    }

    [Fact]
    public void Rehearing_periods()
    {
        var sachsen = TestProfiles.Sachsen.RehearingDeadline(new DateOnly(2021, 12, 8))!;
        var thueringen = TestProfiles.Thueringen.RehearingDeadline(new DateOnly(2021, 1, 31))!;

        Assert.Equal(new DateOnly(2022, 1, 5), sachsen.Due);
        Assert.Equal(new DateOnly(2021, 2, 28), thueringen.Due); // month ends early: last day of February
        Assert.Equal("§ 113 ThürKO", thueringen.Citation);
        Assert.Equal("1 Monat", thueringen.Period.GermanText);
    }

    [Fact]
    public void Sachsen_question_answer_period_is_four_weeks()
    {
        var deadline = TestProfiles.Sachsen.QuestionAnswerDeadline(new DateOnly(2015, 9, 2))!;

        Assert.Equal(new DateOnly(2015, 9, 30), deadline.Due);
        Assert.Equal("§ 24 Abs. 6 Satz 1 SächsLKrO", deadline.Citation);
    }

    [Fact]
    public void Rule_lookup_by_name_returns_the_version_with_its_citation()
    {
        var date = new DateOnly(2021, 3, 31);

        var quorum = Assert.IsType<QuorumRule>(TestProfiles.Thueringen.Find(RuleNames.Quorum, date));
        var qualified = TestProfiles.Sachsen.Find("qualifiedMajorities.absolute_members", date);

        Assert.Equal(Comparison.MoreThan, quorum.Comparison);
        Assert.Equal(new Fraction(1, 2), quorum.Fraction);
        Assert.Contains("§ 36", quorum.Citation);
        Assert.Equal("§ 3 Abs. 2 Satz 2 SächsLKrO", qualified!.Citation);
        Assert.Null(TestProfiles.Thueringen.Find(RuleNames.ReducedQuorum, date));
        Assert.Null(TestProfiles.Sachsen.Find("nonsense", date));
        Assert.Null(TestProfiles.Sachsen.Find(RuleNames.Quorum, new DateOnly(1990, 1, 1)));
    }

    [Fact]
    public void Real_profiles_load_with_every_rule_cited()
    {
        foreach (var profile in new[] { TestProfiles.Sachsen, TestProfiles.Thueringen })
        {
            var rules = profile.Rules;
            VersionedRule[] all =
            [
                .. rules.Quorum.Versions, .. rules.ReducedQuorum.Versions, .. rules.SecondSessionQuorum.Versions,
                .. rules.Majority.Versions, .. rules.AbstentionAllowed.Versions, .. rules.WiderspruchPeriod.Versions,
                .. rules.RehearingPeriod.Versions, .. rules.QuestionAnswerPeriod.Versions,
                .. rules.QualifiedMajorities.Values.SelectMany(h => h.Versions),
            ];
            Assert.NotEmpty(all);
            Assert.All(all, r => Assert.False(string.IsNullOrWhiteSpace(r.Citation)));
            Assert.All(rules.AbstentionAllowed.Versions, r => Assert.True(r.Allowed));
        }
        Assert.Equal(("sachsen", "thueringen"), (TestProfiles.Sachsen.Id, TestProfiles.Thueringen.Id));
        Assert.Contains("SächsLKrO", TestProfiles.Sachsen.Law);
        Assert.Contains("ThürKO", TestProfiles.Thueringen.Law);
    }
}

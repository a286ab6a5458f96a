using Vorlagen.Domain.Rules;

namespace Vorlagen.Domain.Tests;

/// <summary>Issue #18 item 5: the dates and citations of the real profiles, checked against the statute texts in shared/law.</summary>
public class ProfileDatesTests
{
    private static readonly DateOnly LastDayOld = new(2013, 12, 31);
    private static readonly DateOnly Amendment2014 = new(2014, 1, 1);

    [Fact]
    public void Sachsen_rehearing_period_is_three_weeks_until_2013_and_four_weeks_from_2014()
    {
        var old = TestProfiles.Sachsen.RehearingDeadline(LastDayOld)!;
        var current = TestProfiles.Sachsen.RehearingDeadline(Amendment2014)!;

        Assert.Equal("P3W", old.Period.ToString());
        Assert.Equal(new DateOnly(2014, 1, 21), old.Due);
        Assert.Equal("§ 48 Abs. 2 Satz 4 Halbsatz 2 SächsLKrO a.F.", old.Citation);
        Assert.Equal("P4W", current.Period.ToString());
        Assert.Equal(new DateOnly(2014, 1, 29), current.Due);
        Assert.Equal("§ 48 Abs. 2 Satz 4 Halbsatz 2 SächsLKrO", current.Citation);
        Assert.True(current.WordingVerified);
    }

    [Fact]
    public void Sachsen_question_answer_period_exists_from_2014_and_is_only_a_default()
    {
        Assert.Null(TestProfiles.Sachsen.QuestionAnswerDeadline(LastDayOld));
        var deadline = TestProfiles.Sachsen.QuestionAnswerDeadline(Amendment2014)!;
        var rule = Assert.Single(TestProfiles.Sachsen.Rules.QuestionAnswerPeriod.Versions);

        Assert.Equal(new DateOnly(2014, 1, 29), deadline.Due);
        Assert.True(rule.IsDefault);
        Assert.Contains("grundsätzlich", rule.Source);
    }

    [Fact]
    public void Sachsen_two_thirds_rule_cites_paragraph_3_until_2013_and_paragraph_4_after()
    {
        Assert.Equal("§ 24 Abs. 3 Satz 2 SächsLKrO a.F.", TestProfiles.Sachsen.QualifiedMajority("two_thirds_present", LastDayOld)!.Citation);
        Assert.Equal("§ 24 Abs. 4 Satz 2 SächsLKrO", TestProfiles.Sachsen.QualifiedMajority("two_thirds_present", Amendment2014)!.Citation);
        Assert.False(TestProfiles.Sachsen.QualifiedMajority("two_thirds_present", LastDayOld)!.WordingVerified);
    }

    [Fact]
    public void Sachsen_profile_starts_the_day_the_law_came_into_force()
    {
        var inForce = new DateOnly(1993, 7, 31);

        Assert.Equal(inForce, TestProfiles.Sachsen.Rules.AllVersions.Min(v => v.ValidFrom));
        Assert.Null(TestProfiles.Sachsen.Find(RuleNames.Quorum, inForce.AddDays(-1)));
        Assert.NotNull(TestProfiles.Sachsen.Find(RuleNames.Quorum, inForce));
    }

    [Fact]
    public void Sachsen_Widerspruch_against_an_Ausschuss_goes_to_the_Kreistag_from_2014()
    {
        var before = TestProfiles.Sachsen.Rules.ObjectionDecidedBy.At(LastDayOld)!;
        var after = TestProfiles.Sachsen.Rules.ObjectionDecidedBy.At(Amendment2014)!;

        Assert.Equal(ObjectionForum.SameOrganization, before.DecidedBy);
        Assert.False(before.WordingVerified);
        Assert.Equal(ObjectionForum.Kreistag, after.DecidedBy);
        Assert.Equal("§ 48 Abs. 3 Satz 2 SächsLKrO", after.Citation);
        Assert.True(after.WordingVerified);
    }

    [Fact]
    public void Thueringen_three_quarters_rule_exists_from_April_2021_for_emergency_circulation_only()
    {
        Assert.Null(TestProfiles.Thueringen.QualifiedMajority("three_quarters_members", new DateOnly(2021, 3, 31)));
        var rule = TestProfiles.Thueringen.QualifiedMajority("three_quarters_members", new DateOnly(2021, 4, 1))!;

        Assert.Equal("§ 36a ThürKO", rule.Citation);
        Assert.Contains("Umlaufverfahren", rule.Note);
        Assert.Contains("emergencies", rule.Note);
    }

    [Fact]
    public void Thueringen_Beanstandung_concerns_unlawful_decisions_not_executed_next_session_within_a_month()
    {
        var rule = Assert.Single(TestProfiles.Thueringen.Rules.RehearingPeriod.Versions);

        Assert.Equal("P1M", rule.Period.ToString());
        Assert.Equal("§ 113 ThürKO", rule.Citation);
        Assert.Contains("unlawful", rule.Note);
        Assert.Contains("must not be executed", rule.Note);
        Assert.Contains("next session, within one month", rule.Note);
    }

    [Fact]
    public void Every_rule_says_whether_its_wording_is_verified_and_where_it_comes_from()
    {
        var sachsen = TestProfiles.Sachsen.Rules.AllVersions.ToList();
        var thueringen = TestProfiles.Thueringen.Rules.AllVersions.ToList();

        Assert.All(sachsen.Concat(thueringen), r => Assert.False(string.IsNullOrWhiteSpace(r.Source)));
        // No ThürKO text is in the repository: nothing of Thüringen may claim a verified wording.
        Assert.All(thueringen, r => Assert.False(r.WordingVerified));
        Assert.Contains(sachsen, r => r.WordingVerified);
        Assert.Contains(sachsen, r => !r.WordingVerified);
        Assert.All(sachsen.Where(r => !r.WordingVerified), r => Assert.Contains("not", r.Source, StringComparison.OrdinalIgnoreCase));
    }
}

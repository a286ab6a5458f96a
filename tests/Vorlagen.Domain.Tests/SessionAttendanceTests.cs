using Vorlagen.Domain.Meetings;
using Vorlagen.Domain.Organizations;
using Vorlagen.Domain.Voting;

namespace Vorlagen.Domain.Tests;

/// <summary>Present and entitled per item from attendance and Befangenheit, and the quorum it gives, at the boundaries of the law.</summary>
public sealed class SessionAttendanceTests
{
    private static readonly DateOnly Day = new(2021, 3, 31);
    private static readonly HashSet<long> NoneRecused = [];

    private static List<Attendee> Present(int count, long firstId = 1) =>
        [.. Enumerable.Range(0, count).Select(i => new Attendee(firstId + i, true, SessionAttendance.Present))];

    [Theory]
    [InlineData(5, true)] // Sachsen § 35 Abs. 2 Satz 1: at least half of 10
    [InlineData(4, false)]
    public void Sachsen_exactly_half_present_is_quorate_one_less_is_not(int present, bool reached)
    {
        var facts = SessionAttendance.AtItem(Present(present), 0, NoneRecused, TestProfiles.Sachsen, 10, Day);
        Assert.Equal((5, present, reached, "regular"), (facts.Quorum.Required, facts.EntitledPresent, facts.Quorum.Reached, facts.Quorum.Basis));
        Assert.Equal("§ 35 Abs. 2 Satz 1 SächsLKrO", facts.Quorum.Citation);
        Assert.True(facts.Quorum.WordingVerified);
    }

    [Theory]
    [InlineData(5, false)] // Thüringen § 36 Abs. 1 ThürKO: more than half of 10 — exactly half is not enough
    [InlineData(6, true)]
    public void Thueringen_needs_more_than_half(int present, bool reached)
    {
        var facts = SessionAttendance.AtItem(Present(present), 0, NoneRecused, TestProfiles.Thueringen, 10, Day);
        Assert.Equal((6, reached), (facts.Quorum.Required, facts.Quorum.Reached));
        Assert.False(facts.Quorum.WordingVerified);
    }

    [Fact]
    public void The_landrat_counts_in_the_kreistag_but_not_in_a_beratender_ausschuss_and_tips_the_quorum()
    {
        Assert.True(SessionAttendance.HasVote("vorsitz", true, true, TestProfiles.Sachsen, OrganizationKinds.Kreistag, Day));
        Assert.False(SessionAttendance.HasVote("vorsitz", true, true, TestProfiles.Sachsen, OrganizationKinds.BeratenderAusschuss, Day));
        Assert.False(SessionAttendance.HasVote(SessionAttendance.DeputyRole, true, false, TestProfiles.Sachsen, OrganizationKinds.Kreistag, Day));
        // 10 seats including the Landrat: 4 Kreisräte are short of half, with the Landrat present they are 5.
        var kreisraete = Present(4);
        Assert.False(SessionAttendance.AtItem(kreisraete, 0, NoneRecused, TestProfiles.Sachsen, 10, Day).Quorum.Reached);
        var withLandrat = kreisraete.Append(new Attendee(99, SessionAttendance.HasVote("vorsitz", true, true, TestProfiles.Sachsen, OrganizationKinds.Kreistag, Day),
            SessionAttendance.Present)).ToList();
        var facts = SessionAttendance.AtItem(withLandrat, 0, NoneRecused, TestProfiles.Sachsen, 10, Day);
        Assert.Equal((5, true), (facts.EntitledPresent, facts.Quorum.Reached));
    }

    [Fact]
    public void Befangene_leave_the_count_and_more_than_half_befangen_turn_to_the_reduced_quorum()
    {
        var all = Present(10);
        // 5 of 10 befangen is not more than half: regular quorum 5, only 5 left → reached.
        var half = SessionAttendance.AtItem(all, 0, new HashSet<long> { 1, 2, 3, 4, 5 }, TestProfiles.Sachsen, 10, Day);
        Assert.Equal((5, 5, 5, "regular", true), (half.Recused, half.EntitledPresent, half.Quorum.Required, half.Quorum.Basis, half.Quorum.Reached));
        // 6 of 10 befangen: § 35 Abs. 2 Satz 2, a quarter of all members (3) suffices; 4 remain.
        var six = SessionAttendance.AtItem(all, 0, new HashSet<long> { 1, 2, 3, 4, 5, 6 }, TestProfiles.Sachsen, 10, Day);
        Assert.Equal((6, 4, 3, "reduced_recused", true), (six.Recused, six.EntitledPresent, six.Quorum.Required, six.Quorum.Basis, six.Quorum.Reached));
        Assert.Equal("§ 35 Abs. 2 Satz 2 SächsLKrO", six.Quorum.Citation);
        // A befangen person who is not there changes nothing.
        Assert.Equal(10, SessionAttendance.AtItem(all, 0, new HashSet<long> { 42 }, TestProfiles.Sachsen, 10, Day).EntitledPresent);
    }

    [Fact]
    public void Arrival_and_leaving_and_deputies_count_only_for_the_items_attended()
    {
        var attendees = new List<Attendee>
        {
            new(1, true, SessionAttendance.Present),
            new(2, true, SessionAttendance.Present, ArrivesAt: 1),
            new(3, true, SessionAttendance.Present, LeavesAfter: 0),
            new(4, true, SessionAttendance.Excused),
            new(5, false, SessionAttendance.Present, DeputyFor: 4),
            new(6, false, SessionAttendance.Present, DeputyFor: 1), // stands in for a member who is there: no vote
        };
        var first = SessionAttendance.AtItem(attendees, 0, NoneRecused, TestProfiles.Sachsen, 6, Day);
        var second = SessionAttendance.AtItem(attendees, 1, NoneRecused, TestProfiles.Sachsen, 6, Day);
        Assert.Equal((4, 3), (first.Present, first.EntitledPresent)); // present 1, 3, 5, 6; entitled 1, 3 and deputy 5 — not 6, member 1 is there
        Assert.Equal((4, 3), (second.Present, second.EntitledPresent)); // present 1, 2, 5, 6 (3 has left); entitled 1, 2, 5
    }

    [Fact]
    public void A_second_session_after_one_not_quorate_needs_three()
    {
        var facts = SessionAttendance.AtItem(Present(3), 0, NoneRecused, TestProfiles.Sachsen, 10, Day, secondSession: true);
        Assert.Equal((3, true, "second_session"), (facts.Quorum.Required, facts.Quorum.Reached, facts.Quorum.Basis));
    }
}

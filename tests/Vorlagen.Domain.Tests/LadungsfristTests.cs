using Vorlagen.Domain.Meetings;

namespace Vorlagen.Domain.Tests;

/// <summary>The Ladungsfrist at its boundaries, counted after §§ 187, 188 BGB (the values mirror workflows/meetings/ladungsfrist.json).</summary>
public class LadungsfristTests
{
    private static readonly Dictionary<string, ReceiptRule> Receipt = new()
    {
        ["post"] = new("post", 3, "Geschäftsordnung", false, "", null),
        ["email"] = new("email", 0, "Geschäftsordnung", false, "", null),
    };

    // Thüringen: four full days; urgent: received at the latest on the second day before.
    private static readonly NoticeRule Thueringen = new(new DateOnly(2002, 12, 31), "§ 35 Abs. 2 ThürKO i.V.m. § 112 ThürKO", null, 4, 2, "§ 35 Abs. 2 ThürKO", Receipt);

    // Sachsen: "angemessene Frist" set by the Geschäftsordnung; urgent: without period.
    private static readonly NoticeRule Sachsen = new(new DateOnly(1993, 7, 31), "§ 32 Abs. 3 Satz 1 und 2 SächsLKrO", null, null, null, "§ 32 Abs. 3 Satz 6 SächsLKrO", Receipt);

    private static readonly DateOnly Session = new(2021, 3, 31); // Wednesday, seed 004's Kreistag

    [Fact]
    public void Exactly_four_full_days_between_receipt_and_session_is_in_time()
    {
        var received = new DateOnly(2021, 3, 26); // Fri; full days: Sat 27, Sun 28, Mon 29, Tue 30
        Assert.Equal(4, Ladungsfrist.FullDaysBetween(received, Session));
        Assert.Equal(Ladungsfrist.InTime, Ladungsfrist.Verdict(Thueringen, Thueringen.FullDays, received, Session, urgent: false));
        Assert.Equal(received, Ladungsfrist.LatestReceipt(4, Session));
    }

    [Fact]
    public void One_day_short_is_late()
    {
        var received = new DateOnly(2021, 3, 27);
        Assert.Equal(3, Ladungsfrist.FullDaysBetween(received, Session));
        Assert.Equal(Ladungsfrist.Late, Ladungsfrist.Verdict(Thueringen, 4, received, Session, urgent: false));
    }

    [Fact]
    public void Weekends_count_as_full_calendar_days()
    {
        var monday = new DateOnly(2021, 4, 12);
        Assert.Equal(Ladungsfrist.InTime, Ladungsfrist.Verdict(Thueringen, 4, new DateOnly(2021, 4, 7), monday, false)); // Thu, Fri, Sat, Sun between
        Assert.Equal(Ladungsfrist.Late, Ladungsfrist.Verdict(Thueringen, 4, new DateOnly(2021, 4, 8), monday, false));
    }

    [Fact]
    public void A_letter_counts_as_received_on_the_third_day_and_must_be_posted_three_days_earlier()
    {
        Assert.Equal(new DateOnly(2021, 3, 26), Ladungsfrist.DeemedReceived(Thueringen, "post", new DateOnly(2021, 3, 23)));
        Assert.Equal(new DateOnly(2021, 3, 23), Ladungsfrist.LatestDispatch(Thueringen, 4, "post", Session));
        Assert.Equal(new DateOnly(2021, 3, 26), Ladungsfrist.LatestDispatch(Thueringen, 4, "email", Session));
        var postedLate = Ladungsfrist.DeemedReceived(Thueringen, "post", new DateOnly(2021, 3, 24));
        Assert.Equal(Ladungsfrist.Late, Ladungsfrist.Verdict(Thueringen, 4, postedLate, Session, false));
    }

    [Fact]
    public void Urgent_invitations_must_arrive_by_the_second_day_before_in_thueringen()
    {
        Assert.Equal(Ladungsfrist.Urgent, Ladungsfrist.Verdict(Thueringen, 4, new DateOnly(2021, 3, 29), Session, urgent: true));
        Assert.Equal(Ladungsfrist.Late, Ladungsfrist.Verdict(Thueringen, 4, new DateOnly(2021, 3, 30), Session, urgent: true));
        Assert.Equal(Ladungsfrist.InTime, Ladungsfrist.Verdict(Thueringen, 4, new DateOnly(2021, 3, 20), Session, urgent: true));
    }

    [Fact]
    public void Sachsen_leaves_the_period_to_the_geschaeftsordnung_and_urgent_sessions_need_none()
    {
        Assert.Equal(Ladungsfrist.Undetermined, Ladungsfrist.Verdict(Sachsen, Sachsen.FullDays, new DateOnly(2021, 3, 1), Session, false));
        Assert.Null(Ladungsfrist.LatestReceipt(Sachsen.FullDays, Session));
        Assert.Equal(Ladungsfrist.Urgent, Ladungsfrist.Verdict(Sachsen, null, new DateOnly(2021, 3, 30), Session, urgent: true));
        // The body's Geschäftsordnung: seven full days.
        Assert.Equal(Ladungsfrist.InTime, Ladungsfrist.Verdict(Sachsen, 7, new DateOnly(2021, 3, 23), Session, false));
        Assert.Equal(Ladungsfrist.Late, Ladungsfrist.Verdict(Sachsen, 7, new DateOnly(2021, 3, 24), Session, false));
    }

    [Fact]
    public void The_meeting_verdict_is_the_worst_of_its_invitees()
    {
        Assert.Equal(Ladungsfrist.InTime, Ladungsfrist.Overall([Ladungsfrist.InTime, Ladungsfrist.InTime]));
        Assert.Equal(Ladungsfrist.Urgent, Ladungsfrist.Overall([Ladungsfrist.InTime, Ladungsfrist.Urgent]));
        Assert.Equal(Ladungsfrist.Late, Ladungsfrist.Overall([Ladungsfrist.Urgent, Ladungsfrist.Late, Ladungsfrist.InTime]));
        Assert.Equal(Ladungsfrist.Undetermined, Ladungsfrist.Overall([]));
    }
}

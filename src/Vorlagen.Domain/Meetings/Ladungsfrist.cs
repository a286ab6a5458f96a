namespace Vorlagen.Domain.Meetings;

/// <summary>
/// Day counting of the Ladungsfrist after §§ 187, 188 BGB: the day of receipt is not counted (§ 187 Abs. 1), a day counts
/// only as a whole calendar day, and the session day is not part of the period; so the full days between are the days strictly
/// between receipt and session. Weekends and holidays are calendar days like any other (the period runs back from the session,
/// there is no end of period to move under § 193 BGB).
/// </summary>
public static class Ladungsfrist
{
    public const string InTime = "in_time";
    public const string Late = "late";
    public const string Urgent = "urgent";
    public const string Undetermined = "undetermined";

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [InTime] = "fristgerecht", [Late] = "verspätet", [Urgent] = "Eilfall (Dringlichkeit begründet)", [Undetermined] = "Frist nicht festgelegt",
    };

    public static int FullDaysBetween(DateOnly received, DateOnly session) => Math.Max(0, session.DayNumber - received.DayNumber - 1);

    /// <summary>The day an invitation sent on <paramref name="sentOn"/> by <paramref name="channel"/> counts as received.</summary>
    public static DateOnly DeemedReceived(NoticeRule rule, string channel, DateOnly sentOn) =>
        rule.Receipt.TryGetValue(channel, out var receipt) ? sentOn.AddDays(receipt.DaysAfterSending) : sentOn;

    /// <summary>The last day an invitation may be received to be in time; null when no period is set.</summary>
    public static DateOnly? LatestReceipt(int? fullDays, DateOnly session) => fullDays is { } days ? session.AddDays(-days - 1) : null;

    /// <summary>The last day to send by <paramref name="channel"/> so that the invitation is in time; null when no period is set.</summary>
    public static DateOnly? LatestDispatch(NoticeRule rule, int? fullDays, string channel, DateOnly session) =>
        LatestReceipt(fullDays, session) is { } last ? last.AddDays(-(rule.Receipt.TryGetValue(channel, out var r) ? r.DaysAfterSending : 0)) : null;

    /// <summary>
    /// The verdict for one invitation received on <paramref name="received"/>. <paramref name="fullDays"/> is the period in force (the law's or the
    /// body's); <paramref name="urgent"/>: sent on the urgency path with a stated reason.
    /// </summary>
    public static string Verdict(NoticeRule rule, int? fullDays, DateOnly received, DateOnly session, bool urgent)
    {
        if (fullDays is { } days && FullDaysBetween(received, session) >= days && received < session) return InTime;
        if (urgent)
        {
            if (rule.UrgentDaysBefore is not { } before) return received <= session ? Urgent : Late;
            return received <= session.AddDays(-before) ? Urgent : Late;
        }
        return fullDays is null ? Undetermined : Late;
    }

    /// <summary>The meeting's verdict from its invitees': late if any is late, then undetermined, then urgent, else in time.</summary>
    public static string Overall(IEnumerable<string> verdicts)
    {
        var all = verdicts.ToList();
        if (all.Count == 0) return Undetermined;
        foreach (var worst in new[] { Late, Undetermined, Urgent })
            if (all.Contains(worst)) return worst;
        return InTime;
    }
}

using Vorlagen.Domain.Rules;
using Vorlagen.Domain.Voting;

namespace Vorlagen.Domain.Meetings;

/// <summary>
/// One member's (or deputy's) attendance. <see cref="ArrivesAt"/> and <see cref="LeavesAfter"/> are positions in the agenda
/// order (null: from the start / to the end). <see cref="Entitled"/>: a voting member of the Gremium (the Landrat only where
/// the rule profile counts his seat); a deputy is entitled only while standing in for <see cref="DeputyFor"/>, who is not present.
/// </summary>
public sealed record Attendee(long PersonId, bool Entitled, string Status, int? ArrivesAt = null, int? LeavesAfter = null, long? DeputyFor = null);

/// <summary>Counts per agenda item: present, recused, present and entitled (present − befangen), and the quorum they give.</summary>
public sealed record ItemAttendance(int Present, int Recused, int EntitledPresent, QuorumFacts Quorum);

/// <summary>Derives who is present and entitled at an item from the attendance list and the Befangenheit records (§ 18, § 35 Abs. 2 SächsLKrO; § 38 ThürKO).</summary>
public static class SessionAttendance
{
    public const string Present = "present";
    public const string Excused = "excused";
    public const string Absent = "absent";
    public static readonly IReadOnlyList<string> Statuses = [Present, Excused, Absent];

    /// <summary>
    /// Whether a membership gives a vote that counts: a voting member who is not only a deputy; the Landrat's statutory seat
    /// only where the rule profile counts it in this kind of Gremium (<see cref="LandratSeatRule"/>).
    /// </summary>
    public static bool HasVote(string role, bool votingRight, bool statutory, RuleProfile profile, string organizationKind, DateOnly date) =>
        votingRight && role != DeputyRole && (!statutory || profile.LandratSeatCounts(organizationKind, date));

    public const string DeputyRole = "stellvertretung";

    public static bool PresentAt(Attendee attendee, int position) =>
        attendee.Status == Present && (attendee.ArrivesAt is not { } from || position >= from) && (attendee.LeavesAfter is not { } to || position <= to);

    /// <summary>Whether the attendee votes at <paramref name="position"/>: entitled in their own right, or a deputy for a member not present there.</summary>
    public static bool VotesAt(Attendee attendee, int position, IReadOnlyList<Attendee> all)
    {
        if (!PresentAt(attendee, position)) return false;
        if (attendee.DeputyFor is not { } member) return attendee.Entitled;
        var stoodIn = all.FirstOrDefault(a => a.PersonId == member);
        return stoodIn is { Entitled: true } && !PresentAt(stoodIn, position);
    }

    /// <summary>The counts and quorum for the item at <paramref name="position"/>; <paramref name="recused"/> are the befangen persons of that item.</summary>
    public static ItemAttendance AtItem(IReadOnlyList<Attendee> attendees, int position, IReadOnlySet<long> recused, RuleProfile profile, int seats,
        DateOnly date, bool secondSession = false)
    {
        var present = attendees.Where(a => PresentAt(a, position)).ToList();
        var voting = present.Where(a => VotesAt(a, position, attendees)).ToList();
        var recusedVoting = voting.Count(a => recused.Contains(a.PersonId));
        var entitled = voting.Count - recusedVoting;
        return new ItemAttendance(present.Count, recusedVoting, entitled, AttendanceQuorum.Evaluate(profile, seats, date, entitled, recusedVoting, secondSession));
    }
}

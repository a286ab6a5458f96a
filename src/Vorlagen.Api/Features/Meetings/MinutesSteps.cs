using Dapper;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;

namespace Vorlagen.Api.Features.Meetings;

/// <summary>The checks and the state change shared by the Niederschrift's steps (sign, approve, publish).</summary>
public static class MinutesSteps
{
    public const string TouchSql = "UPDATE meeting_sessions SET version = version + 1 WHERE meeting_id = @Id";

    /// <summary>The session record of a held meeting whose Niederschrift is in <paramref name="state"/>; otherwise 409 naming what is needed.</summary>
    public static async Task<MinutesSql.SessionRow> SessionInStateAsync(DbSession db, MeetingSql.MeetingRow meeting, string state, CancellationToken ct)
    {
        if (meeting.Status is not (MeetingStatuses.Held or MeetingStatuses.Closed))
            throw new ConflictException("meeting_not_held", $"Die Sitzung ist „{MeetingStatuses.Label(meeting.Status)}“; eine Niederschrift gibt es erst für eine durchgeführte Sitzung.");
        var session = await MinutesSql.SessionAsync(db, meeting.Id, ct)
            ?? throw new ConflictException("session_not_recorded", "Für diese Sitzung wurde kein Sitzungsverlauf (Anwesenheit, Ergebnisse) erfasst; die Niederschrift entsteht daraus.");
        if (session.MinutesState != state)
            throw new ConflictException("minutes_state_not_allowed",
                $"Die Niederschrift ist „{MinutesStates.Label(session.MinutesState)}“; dieser Schritt setzt „{MinutesStates.Label(state)}“ voraus.");
        return session;
    }

    public static async Task MoveAsync(DbSession db, long meetingId, string from, string to, CancellationToken ct)
    {
        var changed = await db.Connection.ExecuteAsync(new CommandDefinition(MinutesSql.SetStateSql, new { Id = meetingId, From = from, State = to },
            db.Transaction, cancellationToken: ct));
        if (changed == 0) throw new ConflictException("concurrent_change", "Die Niederschrift wurde inzwischen geändert; bitte laden Sie sie neu.");
    }

    public static Task TouchAsync(DbSession db, long meetingId, CancellationToken ct) =>
        db.Connection.ExecuteAsync(new CommandDefinition(TouchSql, new { Id = meetingId }, db.Transaction, cancellationToken: ct));
}

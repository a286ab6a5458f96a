using Dapper;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Domain.Voting;

namespace Vorlagen.Api.Features.Meetings;

/// <summary>
/// Reads for other areas (result recording): the facts of the session at the agenda item of a consultation — present and
/// entitled, befangen, quorum, a roll-call tally — when that item's meeting has an opened session with recorded attendance.
/// </summary>
public sealed class SessionReader(DbSession db, RuleProfiles profiles)
{
    public const string ItemOfConsultationSql =
        "SELECT a.id AS ItemId, a.meeting_id AS MeetingId FROM agenda_items a JOIN meeting_sessions s ON s.meeting_id = a.meeting_id " +
        "WHERE a.consultation_id = @ConsultationId";
    /// <summary>The Niederschrift states of every session whose agenda holds the consultation (draft until signed).</summary>
    public const string MinutesStatesSql =
        "SELECT s.minutes_state FROM agenda_items a JOIN meeting_sessions s ON s.meeting_id = a.meeting_id WHERE a.consultation_id = @ConsultationId";
    public const string RollCallSql = "SELECT vote AS Vote, COUNT(*) AS Votes FROM agenda_item_roll_calls WHERE agenda_item_id = @ItemId GROUP BY vote";

    public sealed record ItemRef
    {
        public long ItemId { get; init; }
        public long MeetingId { get; init; }
    }

    public sealed record RollCallCount
    {
        public string Vote { get; init; } = "";
        public int Votes { get; init; }
    }

    /// <summary><see cref="RollCall"/>: yes/no/abstain counted from the namentliche Abstimmung, null without one.</summary>
    public sealed record ItemFacts(long MeetingId, long AgendaItemId, string MinutesState, int EntitledPresent, int Recused, QuorumFacts Quorum,
        (int Yes, int No, int Abstain)? RollCall);

    /// <summary>Whether a Niederschrift that records the consultation is signed (or further): its results are final then.</summary>
    public async Task<bool> MinutesSignedAsync(long consultationId, CancellationToken cancellationToken)
    {
        var connection = await db.ConnectionAsync(cancellationToken);
        var states = await connection.QueryAsync<string>(new CommandDefinition(MinutesStatesSql, new { ConsultationId = consultationId }, db.Transaction,
            cancellationToken: cancellationToken));
        return states.Any(s => s != "draft");
    }

    public async Task<ItemFacts?> ForConsultationAsync(long consultationId, CancellationToken cancellationToken)
    {
        var connection = await db.ConnectionAsync(cancellationToken);
        var item = await connection.QuerySingleOrDefaultAsync<ItemRef>(new CommandDefinition(ItemOfConsultationSql, new { ConsultationId = consultationId },
            db.Transaction, cancellationToken: cancellationToken));
        if (item is null || await MeetingSql.FindAsync(db, item.MeetingId, cancellationToken) is not { } meeting) return null;
        var model = await SessionSql.LoadAsync(db, meeting, profiles, cancellationToken);
        if (model.Attendance.Count == 0) return null;
        var counts = model.AtItem(item.ItemId);
        var rollCall = (await connection.QueryAsync<RollCallCount>(new CommandDefinition(RollCallSql, new { item.ItemId }, db.Transaction,
            cancellationToken: cancellationToken))).ToDictionary(r => r.Vote, r => r.Votes);
        return new ItemFacts(meeting.Id, item.ItemId, model.Session!.MinutesState, counts.EntitledPresent, counts.Recused, counts.Quorum,
            rollCall.Count == 0 ? null : (rollCall.GetValueOrDefault("yes"), rollCall.GetValueOrDefault("no"), rollCall.GetValueOrDefault("abstain")));
    }
}

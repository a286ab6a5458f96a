using Dapper;
using Vorlagen.Api.Data;
using Vorlagen.Domain.Voting;

namespace Vorlagen.Api.Features.Meetings;

/// <summary>Queries and the read model of an election item (Wahl) shared by the election slices.</summary>
public static class ElectionSql
{
    public const string ElectionOfItemSql =
        "SELECT id AS Id, agenda_item_id AS AgendaItemId, office AS Office, status AS Status, elected_person_id AS ElectedPersonId, version AS Version " +
        "FROM elections WHERE agenda_item_id = @ItemId";
    public const string CandidatesSql =
        "SELECT c.person_id AS PersonId, p.title AS Title, p.given_name AS GivenName, p.family_name AS FamilyName FROM election_candidates c " +
        "JOIN persons p ON p.id = c.person_id WHERE c.election_id = @ElectionId ORDER BY c.sort_order";
    public const string RoundsSql =
        "SELECT round_number AS RoundNumber, entitled_present AS EntitledPresent, valid_ballots AS ValidBallots, invalid_ballots AS InvalidBallots, " +
        "outcome AS Outcome, elected_person_id AS ElectedPersonId, decided_by_lot AS DecidedByLot, citation AS Citation, recorded_at AS RecordedAt, " +
        "recorded_by AS RecordedBy FROM election_rounds WHERE election_id = @ElectionId ORDER BY round_number";
    public const string VotesSql =
        "SELECT round_number AS RoundNumber, person_id AS PersonId, votes AS Votes FROM election_round_votes WHERE election_id = @ElectionId";

    public sealed record ElectionRow
    {
        public long Id { get; init; }
        public long AgendaItemId { get; init; }
        public string Office { get; init; } = "";
        public string Status { get; init; } = "";
        public long? ElectedPersonId { get; init; }
        public int Version { get; init; }
    }

    public sealed record CandidateRow
    {
        public long PersonId { get; init; }
        public string? Title { get; init; }
        public string? GivenName { get; init; }
        public string FamilyName { get; init; } = "";
    }

    public sealed record RoundRow
    {
        public int RoundNumber { get; init; }
        public int EntitledPresent { get; init; }
        public int ValidBallots { get; init; }
        public int InvalidBallots { get; init; }
        public string Outcome { get; init; } = "";
        public long? ElectedPersonId { get; init; }
        public bool DecidedByLot { get; init; }
        public string Citation { get; init; } = "";
        public string RecordedAt { get; init; } = "";
        public string RecordedBy { get; init; } = "";
    }

    public sealed record VoteRow
    {
        public int RoundNumber { get; init; }
        public long PersonId { get; init; }
        public int Votes { get; init; }
    }

    public sealed record CandidateDto(long PersonId, string Name);
    public sealed record RoundDto(int Round, int EntitledPresent, int ValidBallots, int InvalidBallots, IReadOnlyDictionary<long, int> Votes, string Outcome,
        long? ElectedPersonId, bool DecidedByLot, string Citation, DateTimeOffset RecordedAt, string RecordedBy);
    public sealed record ElectionDto(long Id, long AgendaItemId, string Office, string Status, long? ElectedPersonId, IReadOnlyList<CandidateDto> Candidates,
        IReadOnlyList<RoundDto> Rounds, IReadOnlyList<long>? NextRunOff, int Version);

    public static async Task<ElectionDto?> ReadAsync(DbSession db, long itemId, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        CommandDefinition Cmd(string sql, object args) => new(sql, args, db.Transaction, cancellationToken: ct);
        if (await connection.QuerySingleOrDefaultAsync<ElectionRow>(Cmd(ElectionOfItemSql, new { ItemId = itemId })) is not { } election) return null;
        var args = new { ElectionId = election.Id };
        var candidates = (await connection.QueryAsync<CandidateRow>(Cmd(CandidatesSql, args)))
            .Select(c => new CandidateDto(c.PersonId, MeetingSql.PersonName(c.Title, c.GivenName, c.FamilyName))).ToList();
        var votes = (await connection.QueryAsync<VoteRow>(Cmd(VotesSql, args))).ToList();
        var rounds = (await connection.QueryAsync<RoundRow>(Cmd(RoundsSql, args))).Select(r => new RoundDto(r.RoundNumber, r.EntitledPresent, r.ValidBallots,
            r.InvalidBallots, votes.Where(v => v.RoundNumber == r.RoundNumber).ToDictionary(v => v.PersonId, v => v.Votes), r.Outcome, r.ElectedPersonId,
            r.DecidedByLot, r.Citation, Instants.Parse(r.RecordedAt), r.RecordedBy)).ToList();
        return new ElectionDto(election.Id, itemId, election.Office, election.Status, election.ElectedPersonId, candidates, rounds, NextRunOff(rounds), election.Version);
    }

    /// <summary>
    /// Who stands in the next ballot: null for the first; after a run-off verdict its finalists; after a tie for the run-off places
    /// those who reached the tied number (the lot is drawn in the room and the run-off votes go to its winners).
    /// </summary>
    public static IReadOnlyList<long>? NextRunOff(IReadOnlyList<RoundDto> rounds)
    {
        if (rounds.Count == 0) return null;
        var last = rounds[^1];
        if (last.Outcome == ElectionEvaluator.RunOff)
        {
            var ranked = last.Votes.OrderByDescending(v => v.Value).ThenBy(v => v.Key).ToList();
            return [.. ranked.Take(Math.Min(2, ranked.Count)).Select(v => v.Key)];
        }
        if (last.Outcome == ElectionEvaluator.Lot && last.ElectedPersonId is null)
        {
            var cut = last.Votes.OrderByDescending(v => v.Value).Skip(1).First().Value;
            return [.. last.Votes.Where(v => v.Value >= cut).OrderByDescending(v => v.Value).ThenBy(v => v.Key).Select(v => v.Key)];
        }
        return null;
    }
}

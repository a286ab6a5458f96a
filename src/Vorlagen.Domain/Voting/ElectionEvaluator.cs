using Vorlagen.Domain.Rules;

namespace Vorlagen.Domain.Voting;

/// <summary>
/// One ballot of an election. <see cref="RunOffCandidates"/> null: the first ballot, decided by the majority of the votes of those
/// present and entitled (<see cref="EntitledPresent"/>); otherwise a run-off among those candidates, decided by the simple majority
/// of the votes cast. <see cref="Votes"/>: valid votes per candidate (person id).
/// </summary>
public sealed record ElectionBallot(int EntitledPresent, int ValidBallots, int InvalidBallots, IReadOnlyDictionary<long, int> Votes,
    IReadOnlyList<long>? RunOffCandidates = null);

/// <summary>
/// <see cref="Outcome"/>: "elected" (<see cref="Elected"/>), "run_off" (<see cref="Candidates"/> go to the Stichwahl), "lot" (the lot
/// decides among <see cref="Candidates"/>) or "not_elected". The citation is the rule that decided.
/// </summary>
public sealed record ElectionOutcome(string Outcome, long? Elected, IReadOnlyList<long> Candidates, string Message, string Citation, bool WordingVerified);

public sealed record ElectionCheck(bool Valid, IReadOnlyList<TallyViolation> Errors, ElectionOutcome? Outcome);

/// <summary>Elections by the rule data: § 35 Abs. 7 SächsLKrO (majority, Stichwahl, lot), § 39 Abs. 2 ThürKO (more than half; unverified).</summary>
public static class ElectionEvaluator
{
    public const string Elected = "elected";
    public const string RunOff = "run_off";
    public const string Lot = "lot";
    public const string NotElected = "not_elected";

    public static ElectionCheck Evaluate(RuleProfile profile, DateOnly date, ElectionBallot ballot)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(ballot);
        var errors = Check(ballot);
        var majority = profile.Rules.ElectionMajority.At(date);
        if (majority is null)
            errors.Add(new("election_rule_missing", $"Das Regelprofil „{profile.Name}“ enthält am {date:dd.MM.yyyy} keine Regel für Wahlen."));
        var runOff = profile.Rules.ElectionRunOff.At(date);
        if (ballot.RunOffCandidates is not null && runOff is null)
            errors.Add(new("run_off_not_in_profile", $"Das Regelprofil „{profile.Name}“ kennt keine Stichwahl; ein weiterer Wahlgang ist dort nicht abgebildet."));
        if (errors.Count > 0) return new ElectionCheck(false, errors, null);
        var outcome = ballot.RunOffCandidates is { } finalists ? Decide(runOff!, ballot, finalists) : First(majority!, runOff, ballot);
        return new ElectionCheck(true, [], outcome);
    }

    private static List<TallyViolation> Check(ElectionBallot ballot)
    {
        var errors = new List<TallyViolation>();
        if (ballot.EntitledPresent < 0 || ballot.ValidBallots < 0 || ballot.InvalidBallots < 0 || ballot.Votes.Values.Any(v => v < 0))
            errors.Add(new("negative_count", "Stimmzettel und Stimmen dürfen nicht negativ sein."));
        if (ballot.ValidBallots + ballot.InvalidBallots > ballot.EntitledPresent)
            errors.Add(new("ballots_exceed_entitled", $"{ballot.ValidBallots + ballot.InvalidBallots} Stimmzettel, aber nur {ballot.EntitledPresent} anwesende Stimmberechtigte.", Field: "validBallots"));
        if (ballot.Votes.Values.Sum() > ballot.ValidBallots)
            errors.Add(new("votes_exceed_valid_ballots", $"Die Stimmen der Bewerber ({ballot.Votes.Values.Sum()}) übersteigen die gültigen Stimmzettel ({ballot.ValidBallots}).", Field: "votes"));
        if (ballot.Votes.Count == 0)
            errors.Add(new("no_candidates", "Es steht niemand zur Wahl.", Field: "votes"));
        if (ballot.RunOffCandidates is { } finalists && ballot.Votes.Any(v => v.Value > 0 && !finalists.Contains(v.Key)))
            errors.Add(new("not_a_run_off_candidate", "In der Stichwahl erhalten nur die beiden Bewerber mit den meisten Stimmen des ersten Wahlgangs Stimmen.", Field: "votes"));
        return errors;
    }

    /// <summary>First ballot: elected with more than half of the votes of those present and entitled; otherwise run-off or not elected.</summary>
    private static ElectionOutcome First(CitationRule majority, ElectionRunOffRule? runOff, ElectionBallot ballot)
    {
        var needed = ballot.EntitledPresent / 2 + 1;
        var best = ballot.Votes.OrderByDescending(v => v.Value).ThenBy(v => v.Key).First();
        if (best.Value >= needed)
            return new(Elected, best.Key, [best.Key], $"Gewählt mit {best.Value} Stimmen; nötig waren mehr als die Hälfte der {ballot.EntitledPresent} anwesenden Stimmberechtigten ({needed}).",
                majority.Citation, majority.WordingVerified);
        if (runOff is null)
            return new(NotElected, null, [], $"Niemand erhielt mehr als die Hälfte der Stimmen der {ballot.EntitledPresent} anwesenden Stimmberechtigten ({needed}); " +
                "ein weiterer Wahlgang ist im Regelprofil nicht abgebildet.", majority.Citation, majority.WordingVerified);
        var ranked = ballot.Votes.OrderByDescending(v => v.Value).ThenBy(v => v.Key).ToList();
        if (ranked.Count <= runOff.Candidates)
            return new(RunOff, null, [.. ranked.Select(r => r.Key)], $"Keine Mehrheit ({needed} nötig): zweiter Wahlgang, in dem die einfache Mehrheit der abgegebenen Stimmen entscheidet.",
                runOff.Citation, runOff.WordingVerified);
        var cut = ranked[runOff.Candidates - 1].Value;
        var sure = ranked.Where(r => r.Value > cut).Select(r => r.Key).ToList();
        var tied = ranked.Where(r => r.Value == cut).Select(r => r.Key).ToList();
        if (sure.Count + tied.Count > runOff.Candidates)
            return new(Lot, null, tied, $"Keine Mehrheit ({needed} nötig); für die Stichwahl sind {tied.Count} Bewerber mit je {cut} Stimmen gleichauf: das Los entscheidet.",
                runOff.Citation, runOff.WordingVerified);
        return new(RunOff, null, [.. sure, .. tied], $"Keine Mehrheit ({needed} nötig): Stichwahl zwischen den beiden Bewerbern mit den meisten Stimmen.",
            runOff.Citation, runOff.WordingVerified);
    }

    /// <summary>Run-off: the simple majority of the votes cast decides; a tie goes to the lot. A single candidate needs more yes than other valid votes.</summary>
    private static ElectionOutcome Decide(ElectionRunOffRule runOff, ElectionBallot ballot, IReadOnlyList<long> finalists)
    {
        if (finalists.Count == 1)
        {
            var only = finalists[0];
            var yes = ballot.Votes.GetValueOrDefault(only);
            return yes > ballot.ValidBallots - yes
                ? new(Elected, only, [only], $"Gewählt im zweiten Wahlgang mit {yes} von {ballot.ValidBallots} gültigen Stimmen.", runOff.Citation, runOff.WordingVerified)
                : new(NotElected, null, [], $"Nicht gewählt: {yes} von {ballot.ValidBallots} gültigen Stimmen sind keine Mehrheit.", runOff.Citation, runOff.WordingVerified);
        }
        var ranked = finalists.Select(f => (Id: f, Votes: ballot.Votes.GetValueOrDefault(f))).OrderByDescending(r => r.Votes).ThenBy(r => r.Id).ToList();
        var top = ranked.Where(r => r.Votes == ranked[0].Votes).Select(r => r.Id).ToList();
        if (top.Count == 1)
            return new(Elected, top[0], [top[0]], $"Gewählt in der Stichwahl mit {ranked[0].Votes} gegen {ranked[1].Votes} Stimmen.", runOff.Citation, runOff.WordingVerified);
        return runOff.LotOnTie
            ? new(Lot, null, top, $"Stimmengleichheit in der Stichwahl ({ranked[0].Votes} : {ranked[0].Votes}): das Los entscheidet.", runOff.Citation, runOff.WordingVerified)
            : new(NotElected, null, [], "Stimmengleichheit in der Stichwahl.", runOff.Citation, runOff.WordingVerified);
    }
}

using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Vorlagen.Api.Data;
using Vorlagen.Api.Tests.Support;
using Vorlagen.Workflows.Journal;
using Vorlagen.Workflows.Runtime;

namespace Vorlagen.Api.Tests.Features;

/// <summary>
/// Edits an attacker with write access to the database (but neither the MAC key nor the checkpoint file)
/// makes directly in the SQLite file, each found by the verification over HTTP with a specific reason.
/// The list (README, "Journal integrity"): E1–E18 in the test names.
/// </summary>
public sealed class JournalIntegrityTests(VorlagenApp app) : IClassFixture<VorlagenApp>
{
    private readonly PaperApi _api = new(app);
    private static int _references;

    [Fact]
    public async Task An_untouched_decided_paper_verifies_with_its_rows()
    {
        var paper = await DecidedPaperAsync();

        var check = await VerifyAsync(paper.Id);

        Assert.True(check.GetProperty("valid").GetBoolean(), check.ToString());
        Assert.True(check.GetProperty("records").GetInt64() > 10);
        Assert.Empty(check.GetProperty("findings").EnumerateArray());
        Assert.Equal(64, Head(paper).Mac.Length);
    }

    [Fact]
    public async Task E1_deleting_the_last_record_and_resetting_the_head_breaks_the_head_mac()
    {
        var paper = await DecidedPaperAsync();
        var last = Head(paper).Sequence;

        Execute("DELETE FROM workflow_execution_log WHERE instance_id = @Instance AND sequence = @Last", paper, new { Last = last });
        Execute("UPDATE workflow_instances SET journal_sequence = @Last - 1, journal_hash = " +
                "(SELECT hash FROM workflow_execution_log WHERE instance_id = @Instance AND sequence = @Last - 1) WHERE id = @Instance", paper, new { Last = last });

        var finding = await SingleFindingAsync(paper.Id, JournalFindingCodes.HeadMacInvalid);
        Assert.Contains($"Eintrag {last - 1}", finding.GetProperty("message").GetString());
    }

    [Fact]
    public async Task E2_rolling_a_journal_back_to_an_earlier_head_with_its_own_valid_mac_is_behind_the_checkpoint()
    {
        var paper = await PaperAsync(decided: false);
        var earlier = Head(paper);                       // the attacker keeps a copy of this head and its MAC
        await DecideAsync(paper);
        var checkpoint = await CheckpointAsync();
        Assert.True(checkpoint.GetProperty("heads").GetInt32() >= 1);

        Execute("DELETE FROM workflow_execution_log WHERE instance_id = @Instance AND sequence > @Sequence", paper, new { earlier.Sequence });
        Execute("UPDATE workflow_instances SET journal_sequence = @Sequence, journal_hash = @Hash, journal_mac = @Mac WHERE id = @Instance", paper,
            new { earlier.Sequence, earlier.Hash, earlier.Mac });

        var finding = await SingleFindingAsync(paper.Id, JournalFindingCodes.BehindCheckpoint);
        Assert.Contains($"endet bei Eintrag {earlier.Sequence}", finding.GetProperty("message").GetString());
        Assert.Contains("älteren Stand", finding.GetProperty("message").GetString());
    }

    [Fact]
    public async Task E3_deleting_a_record_in_the_middle_leaves_a_gap()
    {
        var paper = await DecidedPaperAsync();

        Execute("DELETE FROM workflow_execution_log WHERE instance_id = @Instance AND sequence = 4", paper);

        var finding = await SingleFindingAsync(paper.Id, JournalFindingCodes.SequenceGap);
        Assert.Equal(4, finding.GetProperty("sequence").GetInt64());
    }

    [Fact]
    public async Task E4_a_tally_rewritten_with_the_whole_chain_recomputed_fails_the_keyed_head_mac()
    {
        var paper = await DecidedPaperAsync();

        await RewriteTallyAsync(paper);

        await SingleFindingAsync(paper.Id, JournalFindingCodes.HeadMacInvalid);
    }

    [Fact]
    public async Task E5_a_tally_rewritten_with_the_chain_recomputed_after_a_checkpoint_differs_from_it()
    {
        var paper = await DecidedPaperAsync();
        await CheckpointAsync();

        var changedAt = await RewriteTallyAsync(paper);

        var finding = await SingleFindingAsync(paper.Id, JournalFindingCodes.DiffersFromCheckpoint);
        Assert.Contains("neu geschrieben", finding.GetProperty("message").GetString());
        Assert.True(finding.GetProperty("sequence").GetInt64() >= changedAt);
    }

    [Fact]
    public async Task E6_an_edited_actor_changes_the_record_hash()
    {
        var paper = await DecidedPaperAsync();

        Execute("UPDATE workflow_execution_log SET actor_name = 'Jemand anderes' WHERE instance_id = @Instance AND sequence = 3", paper);

        var finding = await SingleFindingAsync(paper.Id, JournalFindingCodes.RecordChanged);
        Assert.Equal(3, finding.GetProperty("sequence").GetInt64());
    }

    [Fact]
    public async Task E7_swapped_sequence_numbers_are_out_of_order()
    {
        var paper = await DecidedPaperAsync();

        Execute("""
            UPDATE workflow_execution_log SET sequence = -1 WHERE instance_id = @Instance AND sequence = 5;
            UPDATE workflow_execution_log SET sequence = 5 WHERE instance_id = @Instance AND sequence = 6;
            UPDATE workflow_execution_log SET sequence = 6 WHERE instance_id = @Instance AND sequence = -1;
            """, paper);

        var check = await VerifyAsync(paper.Id);
        Assert.False(check.GetProperty("valid").GetBoolean());
        Assert.Equal(5, check.GetProperty("brokenAt").GetInt64());
        Assert.Contains(Codes(check).Single(), new[] { JournalFindingCodes.BrokenLink, JournalFindingCodes.RecordChanged });
    }

    [Fact]
    public async Task E8_changed_vote_columns_differ_from_the_journal_with_both_values()
    {
        var paper = await DecidedPaperAsync();

        Execute("UPDATE consultations SET votes_yes = 33, votes_no = 0 WHERE id = @Id", paper, new { Id = paper.Kreistag });

        var check = await VerifyAsync(paper.Id);
        Assert.False(check.GetProperty("valid").GetBoolean());
        var yes = Finding(check, $"consultations[{paper.Kreistag}].votesYes");
        Assert.Equal(("row_differs", "27", "33"), (yes.GetProperty("code").GetString(), yes.GetProperty("journalValue").GetString(), yes.GetProperty("rowValue").GetString()));
        Assert.Equal("6", Finding(check, $"consultations[{paper.Kreistag}].votesNo").GetProperty("journalValue").GetString());
        Assert.Contains("Ja-Stimmen laut Journal „27“, in der Datenbank „33“", yes.GetProperty("message").GetString());
        Assert.True(check.GetProperty("reason").GetString()!.Length > 0);
        // The API shows the edited value, which is exactly why verification must compare.
        Assert.Equal(33, (await _api.GetAsync(await app.ClientFor("kyf.clerk"), paper.Id)).GetProperty("consultations")[2].GetProperty("result").GetProperty("votes").GetProperty("yes").GetInt32());
    }

    [Fact]
    public async Task E9_a_changed_outcome_and_date_differ_from_the_journal()
    {
        var paper = await DecidedPaperAsync();

        Execute("UPDATE consultations SET outcome = 'rejected', result_date = '2021-04-30' WHERE id = @Id", paper, new { Id = paper.Kreistag });

        var check = await VerifyAsync(paper.Id);
        var outcome = Finding(check, $"consultations[{paper.Kreistag}].outcome");
        Assert.Equal(("adopted", "rejected"), (outcome.GetProperty("journalValue").GetString(), outcome.GetProperty("rowValue").GetString()));
        var date = Finding(check, $"consultations[{paper.Kreistag}].resultDate");
        Assert.Equal(("2021-03-31", "2021-04-30"), (date.GetProperty("journalValue").GetString(), date.GetProperty("rowValue").GetString()));
    }

    [Fact]
    public async Task E10_a_result_forged_on_a_pending_consultation_is_not_in_the_journal()
    {
        var paper = await PaperAsync(decided: false);

        Execute("UPDATE consultations SET status = 'done', outcome = 'recommended', result_date = '2021-03-04', votes_entitled = 9, votes_yes = 9, " +
                "votes_no = 0, votes_abstain = 0, votes_recused = 0 WHERE id = @Id", paper, new { Id = paper.Ausschuss });

        var finding = await SingleFindingAsync(paper.Id, "result_not_journaled");
        Assert.Equal($"consultations[{paper.Ausschuss}].outcome", finding.GetProperty("field").GetString());
        Assert.Equal("recommended", finding.GetProperty("rowValue").GetString());
    }

    [Fact]
    public async Task E11_a_changed_paper_status_differs_from_the_journal()
    {
        var paper = await DecidedPaperAsync();

        Execute("UPDATE papers SET status = 'rejected' WHERE id = @PaperId", paper);

        var finding = await SingleFindingAsync(paper.Id, "row_differs");
        Assert.Equal(("status", "signed", "rejected"),
            (finding.GetProperty("field").GetString(), finding.GetProperty("journalValue").GetString(), finding.GetProperty("rowValue").GetString()));
    }

    [Fact]
    public async Task E12_a_non_public_consultation_made_public_differs_from_the_journal()
    {
        var paper = await DecidedPaperAsync();
        Assert.Equal(0L, app.Scalar<long>("SELECT is_public FROM consultations WHERE id = @Id", new { Id = paper.Kreisausschuss }));

        Execute("UPDATE consultations SET is_public = 1 WHERE id = @Id", paper, new { Id = paper.Kreisausschuss });

        var finding = await SingleFindingAsync(paper.Id, "row_differs");
        Assert.Equal(($"consultations[{paper.Kreisausschuss}].public", "false", "true"),
            (finding.GetProperty("field").GetString(), finding.GetProperty("journalValue").GetString(), finding.GetProperty("rowValue").GetString()));
    }

    [Fact]
    public async Task E13_a_deleted_instance_row_leaves_a_journal_without_instance()
    {
        var paper = await DecidedPaperAsync();

        Execute("DELETE FROM workflow_bookmarks WHERE instance_id = @Instance; DELETE FROM workflow_instances WHERE id = @Instance", paper);

        await SingleFindingAsync(paper.Id, JournalFindingCodes.NoInstance);
    }

    [Fact]
    public async Task E14_a_paper_pointed_at_another_papers_journal_is_found_and_the_abandoned_instance_reported()
    {
        var decided = await DecidedPaperAsync();
        var other = await DecidedPaperAsync();

        Execute("UPDATE papers SET workflow_instance_id = @Other WHERE id = @PaperId", decided, new { Other = other.Instance });

        var finding = await SingleFindingAsync(decided.Id, "wrong_journal");
        Assert.Equal(($"paper:{other.Id}", $"paper:{decided.Id}"), (finding.GetProperty("journalValue").GetString(), finding.GetProperty("rowValue").GetString()));
        var all = await VerifyAllAsync(await app.ClientFor("admin"));
        Assert.Contains(all.GetProperty("generalFindings").EnumerateArray(),
            f => f.GetProperty("code").GetString() == "orphaned_instance" && f.GetProperty("journalValue").GetString() == decided.Instance);
    }

    [Fact]
    public async Task E15_a_paper_cut_off_from_its_journal_is_found()
    {
        var paper = await DecidedPaperAsync();

        Execute("UPDATE papers SET workflow_instance_id = NULL WHERE id = @PaperId", paper);

        await SingleFindingAsync(paper.Id, "no_journal");
    }

    [Fact]
    public async Task E16_a_head_mac_made_with_another_key_or_removed_is_refused()
    {
        var forged = await DecidedPaperAsync();
        var removed = await DecidedPaperAsync();
        var head = Head(forged);
        var attackerKey = new JournalKey(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

        Execute("UPDATE workflow_instances SET journal_mac = @Mac WHERE id = @Instance", forged,
            new { Mac = attackerKey.HeadMac(forged.Instance, $"paper:{forged.Id}", head.Sequence, head.Hash) });
        Execute("UPDATE workflow_instances SET journal_mac = NULL WHERE id = @Instance", removed);

        await SingleFindingAsync(forged.Id, JournalFindingCodes.HeadMacInvalid);
        await SingleFindingAsync(removed.Id, JournalFindingCodes.HeadUnsealed);
    }

    [Fact]
    public async Task E17_a_database_restored_from_an_older_backup_is_behind_the_checkpoint_and_misses_newer_journals()
    {
        var paper = await PaperAsync(decided: false);
        var backup = Path.Combine(Path.GetDirectoryName(app.DatabaseFile)!, "backup.db");
        Backup(app.ConnectionString, $"Data Source={backup}");
        await DecideAsync(paper);
        var later = await DecidedPaperAsync();
        await CheckpointAsync();

        Backup($"Data Source={backup}", app.ConnectionString);

        var finding = await SingleFindingAsync(paper.Id, JournalFindingCodes.BehindCheckpoint);
        Assert.Contains("Sicherungspunkt", finding.GetProperty("message").GetString());
        var all = await VerifyAllAsync(await app.ClientFor("admin"));
        Assert.False(all.GetProperty("valid").GetBoolean());
        Assert.Contains(all.GetProperty("generalFindings").EnumerateArray(),
            f => f.GetProperty("code").GetString() == JournalFindingCodes.InstanceMissing && f.GetProperty("message").GetString()!.Contains(later.Instance));
    }

    [Fact]
    public async Task E18_an_edited_checkpoint_line_is_reported_and_its_heads_ignored()
    {
        var paper = await DecidedPaperAsync();
        await CheckpointAsync();
        var lines = File.ReadAllLines(app.CheckpointFile);
        var line = Array.FindLastIndex(lines, l => l.Contains(paper.Instance));
        lines[line] = lines[line].Replace("\"sequence\":", "\"sequence\":1");

        File.WriteAllLines(app.CheckpointFile, lines);

        var all = await VerifyAllAsync(await app.ClientFor("admin"));
        Assert.Contains(all.GetProperty("generalFindings").EnumerateArray(),
            f => f.GetProperty("code").GetString() == JournalFindingCodes.CheckpointInvalid && f.GetProperty("message").GetString()!.Contains("invalid MAC"));
    }

    [Fact]
    public async Task Callers_outside_the_office_learn_only_whether_the_journal_holds()
    {
        var paper = await DecidedPaperAsync();
        Execute("UPDATE consultations SET votes_yes = 33 WHERE id = @Id", paper, new { Id = paper.Kreistag });

        var check = await (await app.CreateClient().GetAsync($"/api/papers/{paper.Id}/journal/verify")).ReadJson();

        Assert.False(check.GetProperty("valid").GetBoolean());
        foreach (var hidden in new[] { "records", "brokenAt", "reason", "findings" })
            Assert.Equal(JsonValueKind.Null, check.GetProperty(hidden).ValueKind);
    }

    [Fact]
    public async Task A_head_that_does_not_verify_is_never_laundered_into_a_checkpoint()
    {
        var paper = await DecidedPaperAsync();
        await RewriteTallyAsync(paper);

        var checkpoint = await CheckpointAsync();

        Assert.True(checkpoint.GetProperty("refused").GetInt32() >= 1);
        Assert.DoesNotContain(File.ReadAllLines(app.CheckpointFile), l => l.Contains(paper.Instance));
        await SingleFindingAsync(paper.Id, JournalFindingCodes.HeadMacInvalid);
    }

    // --- a decided paper (Kyffhäuser 2021/7/014) and the attacker's tools ---

    private sealed record Paper(long Id, string Instance, long Ausschuss, long Kreisausschuss, long Kreistag);

    private sealed record HeadRow(long Sequence, string Hash, string Mac);

    private async Task<Paper> DecidedPaperAsync()
    {
        var paper = await PaperAsync(decided: false);
        await DecideAsync(paper);
        return paper;
    }

    private async Task<Paper> PaperAsync(bool decided)
    {
        var reference = $"2021/7/{Interlocked.Increment(ref _references) + 700}";
        var (id, json) = await _api.InDeliberationAsync(reference);
        var paper = new Paper(id, app.Scalar<string>("SELECT workflow_instance_id FROM papers WHERE id = @id", new { id }),
            PaperApi.ConsultationId(json, 1), PaperApi.ConsultationId(json, 2), PaperApi.ConsultationId(json, 3));
        if (decided) await DecideAsync(paper);
        return paper;
    }

    /// <summary>The real results of seed 004; the Kreistag met in public, the Kreisausschuss did not.</summary>
    private async Task DecideAsync(Paper paper)
    {
        var chair = await app.ClientFor("kyf.chair.soziales");
        var landraetin = await app.ClientFor("kyf.landraetin");
        await _api.RecordAsync(chair, paper.Id, paper.Ausschuss,
            new { date = "2021-03-04", outcome = "recommended", votes = new { entitled = 9, yes = 9, no = 0, abstain = 0, recused = 0 } });
        await _api.RecordAsync(landraetin, paper.Id, paper.Kreisausschuss,
            new { date = "2021-03-17", outcome = "recommended", votes = new { entitled = 7, yes = 6, no = 1, abstain = 0, recused = 0 } });
        await _api.RecordAsync(landraetin, paper.Id, paper.Kreistag,
            new { date = "2021-03-31", outcome = "adopted", votes = new { entitled = 33, yes = 27, no = 6, abstain = 0, recused = 0 } });
        await _api.ActAsync(landraetin, paper.Id, "sign", new { date = "2021-04-01" });
    }

    private HeadRow Head(Paper paper)
    {
        using var connection = app.OpenDatabase();
        return connection.QuerySingle<HeadRow>(
            "SELECT journal_sequence AS Sequence, journal_hash AS Hash, journal_mac AS Mac FROM workflow_instances WHERE id = @Instance", new { paper.Instance });
    }

    private void Execute(string sql, Paper paper, object? extra = null)
    {
        var parameters = new DynamicParameters(extra);
        parameters.Add("Instance", paper.Instance);
        parameters.Add("PaperId", paper.Id);
        using var connection = app.OpenDatabase();
        Assert.True(connection.Execute(sql, parameters) > 0, sql);
    }

    /// <summary>Yes 27 → 33 in the Kreistag's result record, then every hash and the head recomputed with plain SHA-256 (public).</summary>
    private async Task<long> RewriteTallyAsync(Paper paper)
    {
        IReadOnlyList<WorkflowExecutionLogRecord> records;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DbSession>().ConnectionAsync(CancellationToken.None);
            records = (await scope.ServiceProvider.GetRequiredService<IWorkflowRuntime>().GetStateAsync(paper.Instance, CancellationToken.None)).Journal;
        }
        using var connection = app.OpenDatabase();
        string? previous = null;
        long changedAt = 0;
        foreach (var record in records)
        {
            var payload = record.Payload;
            if (payload is not null && payload.Contains("\"yes\":27"))
            {
                payload = payload.Replace("\"yes\":27", "\"yes\":33").Replace("\"votesYes\":27", "\"votesYes\":33");
                changedAt = record.Sequence;
            }
            var resealed = JournalHasher.Seal(record with { Payload = payload, PreviousHash = previous });
            connection.Execute("UPDATE workflow_execution_log SET payload = @Payload, previous_hash = @PreviousHash, hash = @Hash " +
                               "WHERE instance_id = @InstanceId AND sequence = @Sequence", resealed);
            previous = resealed.Hash;
        }
        connection.Execute("UPDATE workflow_instances SET journal_hash = @previous WHERE id = @Instance", new { previous, paper.Instance });
        connection.Execute("UPDATE consultations SET votes_yes = 33 WHERE id = @Id", new { Id = paper.Kreistag });
        Assert.True(changedAt > 0);
        return changedAt;
    }

    private static void Backup(string from, string to)
    {
        using var source = new SqliteConnection(from);
        using var target = new SqliteConnection(to);
        source.Open();
        target.Open();
        source.BackupDatabase(target);
    }

    private async Task<JsonElement> CheckpointAsync()
    {
        var response = await (await app.ClientFor("admin")).PostAsync("/api/journal/checkpoints", null);
        Assert.Equal(200, (int)response.StatusCode);
        return await response.ReadJson();
    }

    private async Task<JsonElement> VerifyAsync(long paperId)
    {
        var response = await (await app.ClientFor("kyf.clerk")).GetAsync($"/api/papers/{paperId}/journal/verify");
        Assert.Equal(200, (int)response.StatusCode);
        return await response.ReadJson();
    }

    private static async Task<JsonElement> VerifyAllAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/journal/verify?onlyInvalid=true&pageSize=200");
        Assert.Equal(200, (int)response.StatusCode);
        return await response.ReadJson();
    }

    private async Task<JsonElement> SingleFindingAsync(long paperId, string code)
    {
        var check = await VerifyAsync(paperId);
        Assert.False(check.GetProperty("valid").GetBoolean(), check.ToString());
        Assert.Equal([code], Codes(check));
        var finding = check.GetProperty("findings")[0];
        Assert.Equal(finding.GetProperty("message").GetString(), check.GetProperty("reason").GetString());
        return finding;
    }

    private static List<string> Codes(JsonElement check) =>
        [.. check.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()!)];

    private static JsonElement Finding(JsonElement check, string field) =>
        check.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("field").GetString() == field);
}

using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Dapper;
using Vorlagen.Workflows.Journal;
using Vorlagen.Workflows.Persistence;
using Vorlagen.Workflows.Runtime;
using Vorlagen.Workflows.Tests.Infrastructure;

namespace Vorlagen.Workflows.Tests.Scenarios.JournalTampering;

/// <summary>The keyed head MAC and the checkpoint file: what the plain SHA-256 chain cannot catch.</summary>
public sealed class JournalAnchorTests : IDisposable
{
    private readonly JournalKey key = new(RandomNumberGenerator.GetBytes(32));
    private readonly string folder = Directory.CreateTempSubdirectory("vorlagen-anchor-").FullName;
    private readonly JournalCheckpointFile file;
    private readonly WorkflowTestHost host;

    public JournalAnchorTests()
    {
        file = new JournalCheckpointFile(Path.Combine(folder, "checkpoints.jsonl"), key);
        host = new WorkflowTestHost(new WorkflowRuntimeOptions { JournalKey = key, JournalCheckpoints = file });
        host.PublishScenarioAsync("JournalTampering").GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        host.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private JournalCheckpointer Checkpointer => new(key, file, host.Clock);
    private SqlWorkflowStore Store => new(new WorkflowDbSession(host.Connection));

    [Fact]
    public async Task A_chain_recomputed_with_plain_sha256_no_longer_matches_the_sealed_head()
    {
        var instance = (await host.StartAsync("journaled", "paper-1")).Instance;
        Assert.True((await Verify(instance.Id)).Valid);

        var records = (await host.Runtime.GetStateAsync(instance.Id, CancellationToken.None)).Journal;
        string? previous = null;
        foreach (var record in records)
        {
            var resealed = JournalHasher.Seal(record with { Message = record.Sequence == 1 ? "rewritten" : record.Message, PreviousHash = previous });
            await host.Connection.ExecuteAsync("UPDATE workflow_execution_log SET message = @Message, previous_hash = @PreviousHash, hash = @Hash " +
                "WHERE instance_id = @InstanceId AND sequence = @Sequence", resealed);
            previous = resealed.Hash;
        }
        await host.Connection.ExecuteAsync("UPDATE workflow_instances SET journal_hash = @previous WHERE id = @Id", new { previous, instance.Id });

        var result = await Verify(instance.Id);
        Assert.Equal((false, JournalFindingCodes.HeadMacInvalid), (result.Valid, result.Code));
    }

    [Fact]
    public async Task Checkpoints_record_only_changed_heads_and_catch_a_head_moved_back()
    {
        var started = await host.StartAsync("journaled", "paper-1");
        var first = await Checkpointer.WriteAsync(Store, always: false, CancellationToken.None);
        Assert.Equal((true, 1L, 1), (first.Written, first.Line, first.Heads));
        Assert.False((await Checkpointer.WriteAsync(Store, always: false, CancellationToken.None)).Written);

        await host.Runtime.ResumeActionAsync(new ResumeActionRequest("paper-1", "record",
            new JsonObject { ["tally"] = new JsonObject { ["yes"] = 17, ["no"] = 43 } }, WorkflowTestHost.Clerk), CancellationToken.None);
        host.Clock.Advance(TimeSpan.FromMinutes(10));
        var second = await Checkpointer.WriteAsync(Store, always: false, CancellationToken.None);
        Assert.Equal((true, 2L, 1), (second.Written, second.Line, second.Heads));
        var log = await file.ReadAsync(CancellationToken.None);
        Assert.Empty(log.Problems);
        Assert.Equal(host.Clock.GetUtcNow(), log.Find(started.Instance.Id)!.At);

        // Back to the first head, with its own (valid) MAC: only the checkpoint knows better.
        var earlier = new { started.Instance.Id, started.Instance.JournalSequence, started.Instance.JournalHash, started.Instance.JournalMac };
        await host.Connection.ExecuteAsync("DELETE FROM workflow_execution_log WHERE instance_id = @Id AND sequence > @JournalSequence", earlier);
        await host.Connection.ExecuteAsync("UPDATE workflow_instances SET journal_sequence = @JournalSequence, journal_hash = @JournalHash, " +
            "journal_mac = @JournalMac WHERE id = @Id", earlier);

        var result = await Verify(started.Instance.Id);
        Assert.Equal((false, JournalFindingCodes.BehindCheckpoint), (result.Valid, result.Code));
        var refused = await Checkpointer.WriteAsync(Store, always: false, CancellationToken.None);
        Assert.Equal(JournalFindingCodes.BehindCheckpoint, Assert.Single(refused.Refused).Code);
    }

    [Fact]
    public async Task An_edited_or_removed_checkpoint_line_is_a_problem_of_the_file()
    {
        await host.StartAsync("journaled", "paper-1");
        await Checkpointer.WriteAsync(Store, always: true, CancellationToken.None);
        await host.StartAsync("journaled", "paper-2");
        await Checkpointer.WriteAsync(Store, always: true, CancellationToken.None);
        await Checkpointer.WriteAsync(Store, always: true, CancellationToken.None);
        var lines = await File.ReadAllLinesAsync(file.Path);

        await File.WriteAllLinesAsync(file.Path, [lines[0], lines[2]]);

        var problem = Assert.Single((await file.ReadAsync(CancellationToken.None)).Problems);
        Assert.Contains("does not follow", problem);
        var all = await host.Runtime.VerifyEachJournalAsync(CancellationToken.None);
        Assert.Contains(all, r => r.Code == JournalFindingCodes.CheckpointInvalid);
    }

    [Fact]
    public async Task Heads_from_before_sealing_are_sealed_once_and_never_again()
    {
        using var unsealed = new WorkflowTestHost();
        await unsealed.PublishScenarioAsync("JournalTampering");
        var instance = (await unsealed.StartAsync("journaled", "paper-1")).Instance;
        Assert.Null(instance.JournalMac);
        var store = new SqlWorkflowStore(new WorkflowDbSession(unsealed.Connection));

        Assert.Equal(1, await Checkpointer.SealLegacyHeadsAsync(store, CancellationToken.None));
        var sealedRuntime = new WorkflowRuntime(new WorkflowEngine(TestActivities.Registry(), unsealed.Clock,
            new WorkflowRuntimeOptions { JournalKey = key, JournalCheckpoints = file }), store, unsealed.Services);
        Assert.True((await sealedRuntime.VerifyJournalAsync(instance.Id, CancellationToken.None)).Valid);

        await unsealed.Connection.ExecuteAsync("UPDATE workflow_instances SET journal_mac = NULL WHERE id = @Id", new { instance.Id });
        Assert.Equal(0, await Checkpointer.SealLegacyHeadsAsync(store, CancellationToken.None));
        Assert.Equal(JournalFindingCodes.HeadUnsealed, (await sealedRuntime.VerifyJournalAsync(instance.Id, CancellationToken.None)).Code);
    }

    private Task<JournalVerificationResult> Verify(string instanceId) => host.Runtime.VerifyJournalAsync(instanceId, CancellationToken.None);
}

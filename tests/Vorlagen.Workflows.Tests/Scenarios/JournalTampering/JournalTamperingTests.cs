using System.Text.Json.Nodes;
using Dapper;
using Vorlagen.Workflows.Runtime;
using Vorlagen.Workflows.Tests.Infrastructure;

namespace Vorlagen.Workflows.Tests.Scenarios.JournalTampering;

/// <summary>Edits made behind the application's back, directly in SQLite, are found by the verifier.</summary>
public sealed class JournalTamperingTests : IDisposable
{
    private readonly WorkflowTestHost host = new();
    private readonly string instanceId;
    private readonly long records;

    public JournalTamperingTests()
    {
        host.PublishScenarioAsync("JournalTampering").GetAwaiter().GetResult();
        var started = host.StartAsync("journaled", "paper-1").GetAwaiter().GetResult();
        var tally = new JsonObject { ["tally"] = new JsonObject { ["yes"] = 17, ["no"] = 43 } };
        var finished = host.Runtime.ResumeActionAsync(
            new ResumeActionRequest("paper-1", "record", tally, WorkflowTestHost.Clerk), CancellationToken.None).GetAwaiter().GetResult();
        instanceId = started.Instance.Id;
        records = finished.Instance.JournalSequence;
    }

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task An_untouched_journal_is_valid()
    {
        var result = await Verify();

        Assert.True(result.Valid);
        Assert.Equal(records, result.Records);
        Assert.True(records >= 8);
        Assert.Null(result.BrokenAt);
    }

    [Fact]
    public async Task An_edited_payload_is_detected_at_its_record()
    {
        var sequence = await Tamper("UPDATE workflow_execution_log SET payload = @Payload WHERE instance_id = @Id AND event_name = 'ResultRecorded'",
            new { Payload = """{"no":17,"yes":43}""" });

        var result = await Verify();

        Assert.False(result.Valid);
        Assert.Equal(await SequenceOf("ResultRecorded"), result.BrokenAt);
        Assert.Contains("changed", result.Reason);
        Assert.True(sequence > 0);
    }

    [Fact]
    public async Task An_edited_actor_is_detected()
    {
        await Tamper("UPDATE workflow_execution_log SET actor_name = 'Someone Else' WHERE instance_id = @Id AND sequence = 3");

        Assert.Equal(3, (await Verify()).BrokenAt);
    }

    [Fact]
    public async Task A_deleted_record_leaves_a_gap()
    {
        await Tamper("DELETE FROM workflow_execution_log WHERE instance_id = @Id AND sequence = 4");

        var result = await Verify();

        Assert.False(result.Valid);
        Assert.Equal(4, result.BrokenAt);
        Assert.Contains("missing or out of order", result.Reason);
    }

    [Fact]
    public async Task A_deleted_last_record_no_longer_matches_the_head_kept_on_the_instance()
    {
        await Tamper("DELETE FROM workflow_execution_log WHERE instance_id = @Id AND sequence = @Last", new { Last = records });

        var result = await Verify();

        Assert.False(result.Valid);
        Assert.Equal(records, result.BrokenAt);
        Assert.Contains($"instance recorded {records}", result.Reason);
    }

    [Fact]
    public async Task Reordered_sequences_are_detected()
    {
        await Tamper("""
            UPDATE workflow_execution_log SET sequence = -1 WHERE instance_id = @Id AND sequence = 2;
            UPDATE workflow_execution_log SET sequence = 2 WHERE instance_id = @Id AND sequence = 3;
            UPDATE workflow_execution_log SET sequence = 3 WHERE instance_id = @Id AND sequence = -1;
            """);

        var result = await Verify();

        Assert.False(result.Valid);
        Assert.Equal(2, result.BrokenAt);
    }

    [Fact]
    public async Task Verifying_everything_finds_the_one_broken_instance_among_valid_ones()
    {
        await host.StartAsync("journaled", "paper-2");
        await host.StartAsync("journaled", "paper-3");
        Assert.True((await host.Runtime.VerifyAllJournalsAsync(CancellationToken.None)).Valid);

        await Tamper("UPDATE workflow_execution_log SET message = 'rewritten' WHERE instance_id = @Id AND sequence = 1");
        var result = await host.Runtime.VerifyAllJournalsAsync(CancellationToken.None);

        Assert.False(result.Valid);
        Assert.Equal((instanceId, 1L), (result.InstanceId, result.BrokenAt));
    }

    private Task<Journal.JournalVerificationResult> Verify() => host.Runtime.VerifyJournalAsync(instanceId, CancellationToken.None);

    private async Task<int> Tamper(string sql, object? extra = null)
    {
        var parameters = new DynamicParameters(extra);
        parameters.Add("Id", instanceId);
        var changed = await host.Connection.ExecuteAsync(sql, parameters);
        Assert.True(changed > 0);
        return changed;
    }

    private Task<long> SequenceOf(string eventName) => host.Connection.ExecuteScalarAsync<long>(
        "SELECT sequence FROM workflow_execution_log WHERE instance_id = @Id AND event_name = @EventName",
        new { Id = instanceId, EventName = eventName });
}

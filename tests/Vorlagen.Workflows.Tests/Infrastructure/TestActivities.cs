using System.Text.Json.Nodes;
using Dapper;
using Vorlagen.Workflows.Activities;

namespace Vorlagen.Workflows.Tests.Infrastructure;

/// <summary>Host-style activities used by the scenarios (what the API project will write).</summary>
public static class TestActivities
{
    public const string InsertRow = "Test.InsertRow";
    public const string Fail = "Test.Fail";
    public const string RecordResult = "Test.RecordResult";

    public static ActivityRegistry Registry() =>
        ActivityRegistry.CreateWithBuiltIns()
            .Register(InsertRow, _ => new InsertRowActivity(), [Ports.Done], new InputDescriptor("note", InputType.String, Required: true))
            .Register(Fail, _ => new FailActivity(), [Ports.Done])
            .Register(RecordResult, _ => new RecordResultActivity(), [Ports.Done]);

    /// <summary>Writes a domain row on the run's connection and transaction.</summary>
    private sealed class InsertRowActivity : Activity
    {
        public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
        {
            await context.Connection!.ExecuteAsync(new CommandDefinition(
                "INSERT INTO domain_rows (id, instance_id, note) VALUES (@Id, @InstanceId, @Note)",
                new { Id = Guid.NewGuid().ToString("N"), context.InstanceId, Note = context.GetInput<string>("note") },
                context.Transaction, cancellationToken: context.CancellationToken));
        }
    }

    private sealed class FailActivity : Activity
    {
        public override ValueTask ExecuteAsync(ActivityExecutionContext context) =>
            throw new InvalidOperationException("Simulated failure in a host activity.");
    }

    /// <summary>Appends a domain journal entry with the resume input's tally, and uses a host service.</summary>
    private sealed class RecordResultActivity : Activity
    {
        public override ValueTask ExecuteAsync(ActivityExecutionContext context)
        {
            var tally = context.ResumeInput?["tally"]?.DeepClone() ?? new JsonObject();
            var counter = (CallCounter?)context.Services.GetService(typeof(CallCounter));
            counter?.Increment();
            context.AppendJournal("ResultRecorded", $"Result recorded by {context.Actor.Name}", tally);
            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>A host service test activities resolve through <see cref="ActivityExecutionContext.Services"/>.</summary>
public sealed class CallCounter
{
    private int count;

    public int Count => count;

    public void Increment() => Interlocked.Increment(ref count);
}

using System.Data.Common;
using System.Text.Json.Nodes;
using Vorlagen.Workflows.Definitions;
using Vorlagen.Workflows.Journal;
using Vorlagen.Workflows.Json;
using Vorlagen.Workflows.Runtime;

namespace Vorlagen.Workflows.Activities;

/// <summary>
/// What an executing activity sees and can do. Host activities reach host services through
/// <see cref="Services"/> and write domain rows on <see cref="Connection"/>/<see cref="Transaction"/>,
/// the same transaction the run commits in.
/// </summary>
public sealed partial class ActivityExecutionContext
{
    private readonly WorkflowRun run;
    private readonly ActivityDescriptor descriptor;

    internal ActivityExecutionContext(WorkflowRun run, ActivityNode node, ActivityDescriptor descriptor, Bookmark? resumedBookmark)
    {
        this.run = run;
        this.descriptor = descriptor;
        Node = node;
        ResumedBookmark = resumedBookmark;
        ActivityInstanceId = resumedBookmark?.ActivityInstanceId ?? Ids.New(run.Now);
    }

    internal ActivityNode Node { get; }
    internal string? Outcome { get; private set; }
    internal bool IsCompleted { get; private set; }
    internal bool HasCreatedBookmark { get; private set; }

    public string ActivityId => Node.Id;
    public string ActivityType => Node.Type;
    public string? ActivityName => Node.Name;
    public string ActivityInstanceId { get; }
    public string InstanceId => run.Instance.Id;
    public string DefinitionId => run.Definition.DefinitionId;
    public int DefinitionVersion => run.Instance.DefinitionVersion;
    public string? CorrelationId => run.Instance.CorrelationId;
    public WorkflowActor Actor => run.Actor;

    /// <summary>The input the instance was started with (a copy).</summary>
    public JsonObject WorkflowInput => (JsonObject)run.Instance.Input.DeepClone();

    /// <summary>The input passed to the resume that started this run (a copy); null when the run is a start.</summary>
    public JsonObject? ResumeInput => (JsonObject?)run.ResumeInput?.DeepClone();

    /// <summary>The bookmark being resumed when this is a <see cref="Activity.ResumeAsync"/> call.</summary>
    public Bookmark? ResumedBookmark { get; }

    public IServiceProvider Services => run.Services;
    public CancellationToken CancellationToken => run.CancellationToken;
    public TimeProvider TimeProvider => run.TimeProvider;
    public DbConnection? Connection => run.Connection;
    public DbTransaction? Transaction => run.Transaction;

    /// <summary>This activity's JSON from the definition (a copy).</summary>
    public JsonObject Properties => (JsonObject)Node.Properties.DeepClone();

    public JsonNode? GetInput(string name) => Node.Properties[name]?.DeepClone();

    public T? GetInput<T>(string name) => JsonState.ToValue<T>(Node.Properties[name]);

    public JsonNode? GetVariable(string name) => run.Variables[name]?.DeepClone();

    public T? GetVariable<T>(string name) => JsonState.ToValue<T>(run.Variables[name]);

    /// <summary>Sets a variable the definition declares (an undeclared name is a bug: it throws).</summary>
    public void SetVariable(string name, JsonNode? value)
    {
        if (!run.Definition.Variables.Any(v => v.Name == name))
        {
            throw new InvalidOperationException($"Variable '{name}' is not declared by workflow '{DefinitionId}'.");
        }
        run.Variables[name] = value?.DeepClone();
    }

    /// <summary>Records an output of this activity (kept on the instance under the activity id).</summary>
    public void SetOutput(string name, JsonNode? value)
    {
        if (run.Outputs[ActivityId] is not JsonObject outputs)
        {
            outputs = [];
            run.Outputs[ActivityId] = outputs;
        }
        outputs[name] = value?.DeepClone();
    }

    /// <summary>Appends a journal entry (e.g. "ResultRecorded" with the tally) to this run's journal.</summary>
    public void AppendJournal(string eventName, string? message = null, JsonNode? payload = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        run.Log(new JournalEntry(eventName, run.Now, ActivityId, ActivityType, ActivityName, message, payload?.DeepClone()));
    }
}

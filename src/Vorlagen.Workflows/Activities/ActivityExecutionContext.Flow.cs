using System.Text.Json.Nodes;
using Vorlagen.Workflows.Json;
using Vorlagen.Workflows.Runtime;

namespace Vorlagen.Workflows.Activities;

/// <summary>Completion and bookmarks: how an activity tells the flowchart what happens next.</summary>
public sealed partial class ActivityExecutionContext
{
    /// <summary>The outcome ports this activity has (from its type and its JSON).</summary>
    public IReadOnlyList<string> Outcomes => descriptor.Outcomes(Node.Properties);

    /// <summary>Completes the activity; the flowchart continues along <paramref name="outcome"/>.</summary>
    public void Complete(string outcome = Ports.Done)
    {
        EnsureOpen();
        if (!Outcomes.Contains(outcome))
        {
            throw new InvalidOperationException(
                $"Activity '{ActivityId}' has no outcome port '{outcome}' (ports: {string.Join(", ", Outcomes)}).");
        }
        Outcome = outcome;
        IsCompleted = true;
    }

    /// <summary>
    /// Makes the activity wait: the instance suspends until the bookmark is resumed (by id, or by a
    /// filter on <paramref name="name"/>, the correlation id and the payload). Timers pass <paramref name="dueAt"/>.
    /// </summary>
    public Bookmark CreateBookmark(string name, JsonObject? payload = null, DateTimeOffset? dueAt = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (IsCompleted)
        {
            throw new InvalidOperationException($"Activity '{ActivityId}' already completed.");
        }
        var body = payload is null ? new JsonObject() : (JsonObject)payload.DeepClone();
        var now = run.Now;
        var bookmark = new Bookmark(
            Ids.New(now), InstanceId, CorrelationId, name,
            Sha256Hex.Of(name + CanonicalJson.Serialize(body)), body,
            ActivityId, ActivityInstanceId, dueAt?.ToUniversalTime(), now);
        run.CreatedBookmarks.Add(bookmark);
        HasCreatedBookmark = true;
        return bookmark;
    }

    /// <summary>Completes an activity that has no outcome ports (the branch ends here).</summary>
    internal void CompleteWithoutOutcome()
    {
        EnsureOpen();
        IsCompleted = true;
    }

    /// <summary>Ends the whole workflow (End activity): open bookmarks are removed.</summary>
    internal void EndWorkflow()
    {
        EnsureOpen();
        run.EndRequested = true;
        IsCompleted = true;
    }

    private void EnsureOpen()
    {
        if (IsCompleted || HasCreatedBookmark)
        {
            throw new InvalidOperationException(
                $"Activity '{ActivityId}' already {(IsCompleted ? "completed" : "created a bookmark")}.");
        }
    }
}

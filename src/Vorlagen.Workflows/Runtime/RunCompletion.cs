using System.Text.Json.Nodes;
using Vorlagen.Workflows.Journal;
using Vorlagen.Workflows.Persistence;

namespace Vorlagen.Workflows.Runtime;

/// <summary>
/// Turns a finished run into the changes to save: Finished when the End activity ran or no
/// bookmark is left, else Suspended; the journal gets Completed or Suspended and is sealed onto
/// the instance's chain.
/// </summary>
internal static class RunCompletion
{
    public static WorkflowRunChanges Complete(WorkflowRun run, bool isNewInstance)
    {
        var now = run.Now;
        if (run.EndRequested)
        {
            run.ClearBookmarks();
        }
        var open = run.OpenBookmarks.Concat(run.CreatedBookmarks).ToList();
        var finished = open.Count == 0;
        run.Log(finished
            ? new JournalEntry(JournalEvents.Completed, now)
            : new JournalEntry(JournalEvents.Suspended, now, Payload: new JsonObject
            {
                ["bookmarks"] = new JsonArray([.. open.Select(b => (JsonNode?)new JsonObject { ["name"] = b.Name, ["activityId"] = b.ActivityId })]),
            }));
        var before = run.Instance;
        var journal = JournalChain.Append(before.Id, before.JournalSequence, before.JournalHash, run.Actor, run.Journal);
        var instance = before with
        {
            Version = before.Version + 1,
            Status = finished ? WorkflowStatus.Finished : WorkflowStatus.Running,
            SubStatus = finished ? WorkflowSubStatus.Finished : WorkflowSubStatus.Suspended,
            Variables = run.Variables,
            Outputs = run.Outputs,
            JournalSequence = journal[^1].Sequence,
            JournalHash = journal[^1].Hash,
            UpdatedAt = now,
            FinishedAt = finished ? now : null,
        };
        return new WorkflowRunChanges(
            instance, isNewInstance ? null : before.Version, [.. run.DeletedBookmarkIds], [.. run.CreatedBookmarks], journal);
    }
}

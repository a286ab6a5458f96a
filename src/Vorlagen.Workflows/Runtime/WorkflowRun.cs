using System.Data.Common;
using System.Text.Json.Nodes;
using Vorlagen.Workflows.Definitions;
using Vorlagen.Workflows.Journal;
using Vorlagen.Workflows.Persistence;

namespace Vorlagen.Workflows.Runtime;

/// <summary>The mutable working state of one run; nothing here is stored until the run commits.</summary>
internal sealed class WorkflowRun(
    WorkflowDefinition definition,
    WorkflowInstance instance,
    IReadOnlyList<Bookmark> openBookmarks,
    WorkflowActor actor,
    JsonObject? resumeInput,
    IServiceProvider services,
    TimeProvider timeProvider,
    IWorkflowUnitOfWork unit,
    CancellationToken cancellationToken)
{
    public WorkflowDefinition Definition { get; } = definition;
    public WorkflowInstance Instance { get; } = instance;
    public JsonObject Variables { get; } = (JsonObject)instance.Variables.DeepClone();
    public JsonObject Outputs { get; } = (JsonObject)instance.Outputs.DeepClone();
    public List<Bookmark> OpenBookmarks { get; } = [.. openBookmarks];
    public List<string> DeletedBookmarkIds { get; } = [];
    public List<Bookmark> CreatedBookmarks { get; } = [];
    public List<JournalEntry> Journal { get; } = [];
    public WorkflowActor Actor { get; } = actor;
    public JsonObject? ResumeInput { get; } = resumeInput;
    public IServiceProvider Services { get; } = services;
    public TimeProvider TimeProvider { get; } = timeProvider;
    public DbConnection? Connection => unit.Connection;
    public DbTransaction? Transaction => unit.Transaction;
    public CancellationToken CancellationToken { get; } = cancellationToken;
    public bool EndRequested { get; set; }

    public DateTimeOffset Now => TimeProvider.GetUtcNow();

    public void Log(JournalEntry entry) => Journal.Add(entry);

    public void ConsumeBookmark(Bookmark bookmark)
    {
        OpenBookmarks.RemoveAll(b => b.Id == bookmark.Id);
        DeletedBookmarkIds.Add(bookmark.Id);
    }

    /// <summary>
    /// An activity that completes leaves no waits behind (as in Elsa): its other bookmarks, e.g. an
    /// alternative action offered beside the one taken, are removed.
    /// </summary>
    public void RemoveBookmarksOf(string activityInstanceId)
    {
        DeletedBookmarkIds.AddRange(OpenBookmarks.Where(b => b.ActivityInstanceId == activityInstanceId).Select(b => b.Id));
        OpenBookmarks.RemoveAll(b => b.ActivityInstanceId == activityInstanceId);
        CreatedBookmarks.RemoveAll(b => b.ActivityInstanceId == activityInstanceId);
    }

    /// <summary>Removes every bookmark still open (the workflow ends).</summary>
    public void ClearBookmarks()
    {
        DeletedBookmarkIds.AddRange(OpenBookmarks.Select(b => b.Id));
        OpenBookmarks.Clear();
        CreatedBookmarks.Clear();
    }
}

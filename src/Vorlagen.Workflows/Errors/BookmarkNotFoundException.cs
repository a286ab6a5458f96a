using Vorlagen.Workflows.Runtime;

namespace Vorlagen.Workflows.Errors;

/// <summary>No open bookmark by that id or filter: it never existed or was already consumed.</summary>
public sealed class BookmarkNotFoundException : WorkflowConflictException
{
    public BookmarkNotFoundException(string bookmarkId)
        : base($"Bookmark '{bookmarkId}' does not exist or was already resumed.") => BookmarkId = bookmarkId;

    public BookmarkNotFoundException(BookmarkFilter filter)
        : base($"No open bookmark '{filter.Name}' for correlation '{filter.CorrelationId}' matches.") => Filter = filter;

    public string? BookmarkId { get; }
    public BookmarkFilter? Filter { get; }
    public override string Code => "bookmark-not-found";
}

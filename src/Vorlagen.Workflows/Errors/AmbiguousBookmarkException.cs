using Vorlagen.Workflows.Runtime;

namespace Vorlagen.Workflows.Errors;

/// <summary>A resume filter matched more than one open bookmark; name one by id or narrow the payload.</summary>
public sealed class AmbiguousBookmarkException(BookmarkFilter filter, IReadOnlyList<string> bookmarkIds)
    : WorkflowConflictException(
        $"{bookmarkIds.Count} open bookmarks '{filter.Name}' for correlation '{filter.CorrelationId}' match; expected one.")
{
    public BookmarkFilter Filter { get; } = filter;
    public IReadOnlyList<string> BookmarkIds { get; } = bookmarkIds;
    public override string Code => "bookmark-ambiguous";
}
